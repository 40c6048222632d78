package nl.actionledger.command.timeframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeframeParserTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "Doorlopend      | CONTINUOUS    | -    | -",
                "continuous      | CONTINUOUS    | -    | -",
                "2024 - 2025     | RANGE         | 2024 | 2025",
                "2025-2026       | RANGE         | 2025 | 2026",
                "2025 – 2027     | RANGE         | 2025 | 2027",
                "2026            | RANGE         | 2026 | 2026",
                "Vanaf 2025      | FROM          | 2025 | -",
                "from 2026       | FROM          | 2026 | -",
                "n.t.b.          | TBD           | -    | -",
                "n.t.b           | TBD           | -    | -",
                "ntb             | TBD           | -    | -",
                "tbd             | TBD           | -    | -",
                "Indien relevant | WHEN_RELEVANT | -    | -",
                "when relevant   | WHEN_RELEVANT | -    | -",
                "Gereed          | ALREADY_DONE  | -    | -",
            })
    void readsTheTablesVocabularyAndTheEnglishForms(String text, TimeframeType type, Integer from, Integer to) {
        Timeframe timeframe = TimeframeParser.parse(text);

        assertThat(timeframe.type()).isEqualTo(type);
        assertThat(timeframe.fromYear()).isEqualTo(from);
        assertThat(timeframe.toYear()).isEqualTo(to);
        assertThat(timeframe.raw()).isEqualTo(text.strip());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "soon",
                "2026 - 2024",
                "from",
                "vanaf twee",
                "1850 - 1900",
                "2024 - 2025 - 2026",
                "2024 -",
                "DROP TABLE"
            })
    void rejectsWhatItCannotRead(String text) {
        assertThatThrownBy(() -> TimeframeParser.parse(text)).isInstanceOf(UnparseableTimeframeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"  Vanaf   2025 ", "VANAF 2025", "From 2025"})
    void ignoresCaseAndSpacing(String text) {
        Timeframe timeframe = TimeframeParser.parse(text);
        assertThat(timeframe.meansSameAs(new Timeframe(TimeframeType.FROM, "Vanaf 2025", 2025, null)))
                .isTrue();
    }
}
