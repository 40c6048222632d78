package nl.actionledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

    private enum Status {
        IN_PROGRESS
    }

    @Test
    void writesEachKindOfValueAsPostgresqlReadsItFromCopyText() {
        Instant instant = Instant.parse("2026-12-05T03:04:05.123456Z");
        CopyRows rows = CopyRows.into("t", "a", "b", "c", "d", "e", "f", "g", "h")
                .row("plain", null, 42L, -7, true, Status.IN_PROGRESS, instant, Timestamp.from(instant))
                .row(
                        "tab\there\\ and\nnew\rline",
                        Long.MIN_VALUE,
                        Long.MAX_VALUE,
                        0,
                        false,
                        "é ü 中 😀",
                        "",
                        1_000_000L);

        assertThat(new String(rows.encoded(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "plain\t\\N\t42\t-7\tt\tIN_PROGRESS\t2026-12-05T03:04:05.123456Z\t2026-12-05T03:04:05.123456Z\n"
                                + "tab\\there\\\\ and\\nnew\\rline\t-9223372036854775808\t9223372036854775807\t0\tf\t"
                                + "é ü 中 😀\t\t1000000\n");
    }

    @Test
    void encodesAnyTextAsItsEscapedUtf8() {
        Random random = new Random(42);
        char[] alphabet = {'a', 'Z', '0', ' ', '\\', '\t', '\n', '\r', 'é', 'ß', '€', '中', '\uD83D', '\uDE00', '"', ','
        };
        for (int run = 0; run < 2_000; run++) {
            char[] text = new char[random.nextInt(40)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String value = new String(text);
            byte[] encoded = CopyRows.into("t", "a").row(value).encoded();

            assertThat(encoded).as("%s", value).isEqualTo((escaped(value) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void encodesAnyWholeNumberInDecimal() {
        Random random = new Random(7);
        for (int run = 0; run < 2_000; run++) {
            long number = random.nextLong() >> random.nextInt(64);
            assertThat(new String(CopyRows.into("t", "a").row(number).encoded(), StandardCharsets.US_ASCII))
                    .isEqualTo(number + "\n");
        }
    }

    @Test
    void writesAnyInstantAsInstantToStringDoes() {
        Random random = new Random(11);
        int[] granularities = {1_000_000_000, 1_000_000, 1000, 1};
        for (int run = 0; run < 20_000; run++) {
            // from before the year 1000 to after 9999, which take the JDK's path
            long seconds = random.nextLong(-40_000_000_000L, 300_000_000_000L);
            int granularity = granularities[random.nextInt(granularities.length)];
            int nanos = random.nextInt(1_000_000_000) / granularity * granularity;
            Instant instant = Instant.ofEpochSecond(seconds, nanos);

            assertThat(new String(CopyRows.into("t", "a").row(instant).encoded(), StandardCharsets.US_ASCII))
                    .isEqualTo(instant + "\n");
        }
    }

    @Test
    void growsItsBufferForLargeRows() {
        String large = "x".repeat(200_000);
        CopyRows rows = CopyRows.into("t", "a", "b").row(large, Instant.EPOCH.plus(1, ChronoUnit.DAYS));

        assertThat(rows.encoded()).hasSize(200_000 + 1 + "1970-01-02T00:00:00Z".length() + 1);
    }

    @Test
    void refusesARowOfTheWrongWidthAndValuesWithoutATextForm() {
        assertThatThrownBy(() -> CopyRows.into("t", "a", "b").row("one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 2 values");
        assertThatThrownBy(() -> CopyRows.into("t", "a").row(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No COPY text form");
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped with a backslash. */
    private static String escaped(String text) {
        return text.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }
}
