package nl.actionledger.faults;

import java.util.List;

/** The suite's result as a Markdown table: scenario, check, PASS or FAIL, and the figures. */
final class OutcomeTable {

    private OutcomeTable() {}

    static String render(List<Outcome> outcomes) {
        StringBuilder table =
                new StringBuilder("| scenario | check | outcome | figures |\n| --- | --- | --- | --- |\n");
        for (Outcome outcome : outcomes) {
            String scenario = outcome.scenario();
            for (Outcome.Check check : outcome.checks()) {
                table.append("| ")
                        .append(scenario)
                        .append(" | ")
                        .append(check.what())
                        .append(" | ")
                        .append(check.passed() ? "PASS" : "**FAIL**")
                        .append(" | ")
                        .append(check.figures().replace("|", "/").replace("\n", " "))
                        .append(" |\n");
                scenario = "";
            }
        }
        return table.toString();
    }
}
