package nl.actionledger.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cells of the report's CSV: nothing a user typed may become a formula, whichever separator the spreadsheet uses. */
class ReportCsvTest {

    @Test
    void aCellThatStartsLikeAFormulaIsText() {
        assertThat(ReportCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(ReportCsv.cell("+31 6")).isEqualTo("'+31 6");
        assertThat(ReportCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportCsv.cell("\tx")).isEqualTo("'\tx");
    }

    /** Excel with Dutch settings splits on semicolons: every part after one is a cell of its own. */
    @Test
    void aPartAfterASemicolonThatStartsLikeAFormulaIsText() {
        assertThat(ReportCsv.cell("NVWA;=1+1")).isEqualTo("NVWA;'=1+1");
        assertThat(ReportCsv.cell("a;-2;+3;@x;\tt")).isEqualTo("a;'-2;'+3;'@x;'\tt");
        assertThat(ReportCsv.cell("Customs, NL;=cmd|' /C calc'!A0"))
                .isEqualTo("\"Customs, NL;'=cmd|' /C calc'!A0\"");
    }

    @Test
    void ordinaryTextAndNumbersStayAsTheyAre() {
        assertThat(ReportCsv.cell("NVWA; Customs")).isEqualTo("NVWA; Customs");
        assertThat(ReportCsv.cell("2024 - 2025")).isEqualTo("2024 - 2025");
        assertThat(ReportCsv.cell(-3)).isEqualTo("-3");
        assertThat(ReportCsv.cell(null)).isEmpty();
    }
}
