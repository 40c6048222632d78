package nl.actionledger.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemWriterTest {

    @Test
    void theProblemTypeIsTheErrorCodeInLowerCaseWhateverTheServersLanguage() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr"));
        try {
            ProblemDetail problem = ProblemWriter.problem(HttpStatus.BAD_REQUEST, "INVALID_IF_MATCH", "detail");

            // In Turkish, "I".toLowerCase() is a dotless ı, which would make another type URI.
            assertThat(problem.getType().toString()).endsWith("/invalid-if-match");
            assertThat(problem.getProperties()).containsEntry("errorCode", "INVALID_IF_MATCH");
        } finally {
            Locale.setDefault(before);
        }
    }
}
