package nl.actionledger.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventHashesTest {

    /** As the hash has always written it (PostgreSQL's to_char in the trigger writes the same). */
    private static final DateTimeFormatter HASHED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void theInsertionTimeIsWrittenAsTheFormatterWritesItForAnyTime() {
        SplittableRandom random = new SplittableRandom(7);
        long from = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+12000-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant time = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000) * 1_000L);
            assertThat(EventHashes.insertedAt(time)).as("%s", time).isEqualTo(HASHED.format(time));
        }
        for (String time : new String[] {
            "0000-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2026-12-06T09:05:03.000007Z",
            "2024-02-29T23:59:59.999999Z",
            "9999-12-31T23:59:59.999999Z"
        }) {
            assertThat(EventHashes.insertedAt(Instant.parse(time))).isEqualTo(HASHED.format(Instant.parse(time)));
        }
        assertThat(EventHashes.insertedAt(Instant.parse("2026-12-06T09:05:03.000007Z")))
                .isEqualTo("2026-12-06T09:05:03.000007Z");
        assertThat(EventHashes.insertedAt(null)).isNull();
    }
}
