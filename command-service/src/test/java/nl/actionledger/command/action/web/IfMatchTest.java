package nl.actionledger.command.action.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {

    @Test
    void readsTheVersionFromAQuotedEtag() {
        assertThat(IfMatch.expectedVersion("\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.expectedVersion(" \"12\" ")).isEqualTo(12L);
        assertThat(IfMatch.expectedVersion("7")).isEqualTo(7L);
    }

    @Test
    void aWeakTagNeverMatches() {
        assertThatThrownBy(() -> IfMatch.expectedVersion("W/\"12\"")).isInstanceOf(IfMatch.WeakIfMatchException.class);
    }

    @Test
    void expectsNoVersionWithoutHeaderOrWithStar() {
        assertThat(IfMatch.expectedVersion(null)).isNull();
        assertThat(IfMatch.expectedVersion("*")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"-1\"", "\"1\", \"2\"", "99999999999999999999", "\"3", "3\"", "w/\"3\""})
    void rejectsWhatIsNotOneOfItsEtags(String header) {
        assertThatThrownBy(() -> IfMatch.expectedVersion(header)).isInstanceOf(IfMatch.InvalidIfMatchException.class);
    }

    @Test
    void etagQuotesTheVersion() {
        assertThat(IfMatch.etag(4)).isEqualTo("\"4\"");
    }
}
