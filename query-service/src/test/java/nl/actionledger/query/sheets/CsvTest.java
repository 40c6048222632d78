package nl.actionledger.query.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every spreadsheet's CSV: nothing a user typed may become a formula, whichever separator the spreadsheet uses. */
class CsvTest {

    @Test
    void aCellThatStartsLikeAFormulaIsText() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.cell("+31 6")).isEqualTo("'+31 6");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
    }

    /** Excel with Dutch settings splits on semicolons: every part after one is a cell of its own. */
    @Test
    void aPartAfterASemicolonThatStartsLikeAFormulaIsText() {
        assertThat(Csv.cell("NVWA;=1+1")).isEqualTo("NVWA;'=1+1");
        assertThat(Csv.cell("a;-2;+3;@x;\tt")).isEqualTo("a;'-2;'+3;'@x;'\tt");
        assertThat(Csv.cell("Customs, NL;=cmd|' /C calc'!A0")).isEqualTo("\"Customs, NL;'=cmd|' /C calc'!A0\"");
    }

    @Test
    void ordinaryTextAndNumbersStayAsTheyAre() {
        assertThat(Csv.cell("NVWA; Customs")).isEqualTo("NVWA; Customs");
        assertThat(Csv.cell("2024 - 2025")).isEqualTo("2024 - 2025");
        assertThat(Csv.cell(-3)).isEqualTo("-3");
        assertThat(Csv.cell(null)).isEmpty();
    }

    /** RFC 4180: CRLF after every line, quotes doubled inside a quoted cell; a byte-order mark first, for Excel. */
    @Test
    void linesEndInCrLfAndTheTextIsUtf8WithAByteOrderMark() {
        byte[] bytes = Csv.withHeader(List.of("name", "reason"))
                .row("Zoë", "said \"no\", then\nyes")
                .bytes();

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFname,reason\r\nZoë,\"said \"\"no\"\", then\nyes\"\r\n");
    }
}
