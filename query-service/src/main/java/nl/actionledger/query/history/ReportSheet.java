package nl.actionledger.query.history;

import java.util.Arrays;
import java.util.List;
import nl.actionledger.query.history.MonitoringReport.ActionRow;
import nl.actionledger.query.sheets.Csv;
import nl.actionledger.query.sheets.Xlsx;

/** The monitoring report as a spreadsheet, CSV or Excel: one row per action, the same columns in both. */
final class ReportSheet {

    /** The columns, as one constant so that the API description can name them. */
    static final String COLUMNS = "action_id,eu_action_number,objective,priority,organisation,status_at_from,"
            + "status_at_to,timeframe,timeframe_type,timeframe_end_year,slipped,events_in_period,last_changed_at,"
            + "last_changed_by";

    static final String SHEET_NAME = "report";
    static final List<String> HEADER = List.of(COLUMNS.split(","));

    private ReportSheet() {}

    static byte[] csv(MonitoringReport report) {
        Csv csv = Csv.withHeader(HEADER);
        rows(report).forEach(csv::row);
        return csv.bytes();
    }

    static byte[] xlsx(MonitoringReport report) {
        return Xlsx.write(SHEET_NAME, HEADER, rows(report));
    }

    private static List<List<?>> rows(MonitoringReport report) {
        return report.actions().stream().<List<?>>map(ReportSheet::cells).toList();
    }

    private static List<?> cells(ActionRow row) {
        return Arrays.asList(
                row.actionId(),
                row.euActionNumber(),
                row.objective(),
                row.priority(),
                row.organisation(),
                row.statusAtFrom(),
                row.statusAtTo(),
                row.timeframe(),
                row.timeframeType(),
                row.timeframeEndYear(),
                row.slipped() ? "yes" : "no",
                row.eventsInPeriod(),
                row.lastChangedAt(),
                row.lastChangedBy());
    }
}
