package nl.actionledger.query.history;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monitoring report of a period, as JSON or, with {@code Accept: text/csv}, as a spreadsheet. Both carry the
 * report's content hash and event position in headers; the ETag is the hash of the bytes served.
 */
@RestController
class ReportController {

    static final String CSV = "text/csv";

    private final MonitoringReports reports;
    private final ReportingInstant instants;

    ReportController(MonitoringReports reports, ReportingInstant instants) {
        this.reports = reports;
        this.instants = instants;
    }

    @GetMapping(path = "/api/plans/{planId}/report", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> json(@PathVariable String planId, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        MonitoringReport report = reports.report(planId, instants.period(from, to));
        return respond(report, MonitoringReports.canonicalJson(report), MediaType.APPLICATION_JSON);
    }

    @GetMapping(path = "/api/plans/{planId}/report", produces = CSV)
    ResponseEntity<byte[]> csv(@PathVariable String planId, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        MonitoringReport report = reports.report(planId, instants.period(from, to));
        return respond(report, MonitoringReports.utf8(ReportCsv.write(report)),
                new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> respond(MonitoringReport report, byte[] body, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .eTag("\"" + MonitoringReports.sha256(body) + "\"")
                .header("X-Report-Content-Hash", report.contentHash())
                .header("X-Report-Position", Long.toString(report.position()))
                .body(body);
    }
}
