package nl.actionledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The event table's time stamps, read without a general parser, are the instants Axon's parser reads. */
class EventRowTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-01-05T09:00:00Z",
                "2026-01-05T09:00:00.1Z",
                "2026-01-05T09:00:00.123Z",
                "2024-02-29T23:59:59.999999Z",
                "1970-01-01T00:00:00.000000001Z",
                "1969-12-31T23:59:59.5Z",
                "2026-12-04T06:25:10.123456789Z"
            })
    void readsEveryStrictUtcTimeStampAsInstantParseDoes(String timeStamp) {
        assertThat(EventRow.utc(timeStamp)).isEqualTo(Instant.parse(timeStamp));
    }

    @Test
    void leavesAnyOtherFormToInstantParse() {
        assertThat(EventRow.utc("+12026-01-05T09:00:00Z")).isEqualTo(Instant.parse("+12026-01-05T09:00:00Z"));
        assertThat(EventRow.utc("2026-01-05T10:00:00+01:00")).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
        assertThatThrownBy(() -> EventRow.utc("2026-01-05 09:00:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> EventRow.utc("2026-13-05T09:00:00Z")).isInstanceOf(RuntimeException.class);
    }
}
