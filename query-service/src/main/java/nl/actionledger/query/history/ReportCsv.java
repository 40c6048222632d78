package nl.actionledger.query.history;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.actionledger.query.history.MonitoringReport.ActionRow;

/**
 * The report as a spreadsheet: one row per action. UTF-8 with a byte-order mark so that Excel reads the
 * accents; a cell that a spreadsheet would take for a formula is prefixed with an apostrophe. So is every part of a
 * cell after a semicolon: Excel with Dutch settings splits lines on semicolons, not commas (quotes do not help there,
 * because such a part starts in the middle of a quoted cell), so each part becomes a cell of its own.
 */
final class ReportCsv {

    /** What makes a spreadsheet cell a formula (or, for tab and carriage return, hides one), as its first character. */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern FORMULA_AFTER_SEMICOLON = Pattern.compile(";(?=[=+@\\t\\r-])");

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final List<String> HEADER = List.of("action_id", "eu_action_number", "objective", "priority",
            "organisation", "status_at_from", "status_at_to", "timeframe", "timeframe_type", "timeframe_end_year",
            "slipped", "events_in_period", "last_changed_at", "last_changed_by");

    private ReportCsv() {
    }

    static String write(MonitoringReport report) {
        StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK).append(line(HEADER.stream()));
        for (ActionRow row : report.actions()) {
            csv.append(line(Stream.of(row.actionId(), row.euActionNumber(), row.objective(), row.priority(),
                    row.organisation(), row.statusAtFrom(), row.statusAtTo(), row.timeframe(), row.timeframeType(),
                    row.timeframeEndYear(), row.slipped() ? "yes" : "no", row.eventsInPeriod(), row.lastChangedAt(),
                    row.lastChangedBy())));
        }
        return csv.toString();
    }

    private static String line(Stream<?> cells) {
        return cells.map(ReportCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number)) {
            if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            text = FORMULA_AFTER_SEMICOLON.matcher(text).replaceAll(";'");
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
