package nl.actionledger.command.action.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"NVWA", "Café — naïve", "Ζώα en 野生动物", "العربية", "rhino \uD83E\uDD8F", "", "2024-2025"})
    void ordinaryTextOfAnyScriptIsAllowed(String text) {
        assertThat(text).matches(TextRules.SINGLE_LINE).matches(TextRules.MULTI_LINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"line one\nline two", "a\r\nb", "column\tcolumn"})
    void aReasonMaySpanLines(String text) {
        assertThat(text).matches(TextRules.MULTI_LINE).doesNotMatch(TextRules.SINGLE_LINE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nul\u0000",
                "esc\u001b[31m",
                "del\u007f",
                "next line\u0085",
                "c1\u009b",
                "lone \uD800 high",
                "lone \uDC00 low",
                "right-to-left \u202E override",
                "isolate \u2066x\u2069"
            })
    void controlFormattingAndBrokenCharactersAreNeverAllowed(String text) {
        assertThat(text).doesNotMatch(TextRules.SINGLE_LINE).doesNotMatch(TextRules.MULTI_LINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\u2028separator", "paragraph\u2029separator"})
    void unicodeLineSeparatorsOnlyInAReason(String text) {
        assertThat(text).doesNotMatch(TextRules.SINGLE_LINE);
    }
}
