package nl.actionledger.query.history;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import nl.actionledger.query.web.Spreadsheets;
import nl.actionledger.query.web.Spreadsheets.Format;
import nl.actionledger.support.web.ErrorCodes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monitoring report of a period, as JSON or as a spreadsheet: {@code ?format=csv} or {@code ?format=xlsx} (or
 * {@code Accept: text/csv}, as before). Every form carries the report's content hash and event position in headers.
 * The ETag is the hash of the bytes served, for JSON and CSV, whose bytes are the same for the same period; a workbook
 * holds the time it was written, so it has none. Public for the web app, which shows the report and offers its files.
 */
@RestController
public class ReportController {

    private final MonitoringReports reports;
    private final ReportingInstant instants;

    ReportController(MonitoringReports reports, ReportingInstant instants) {
        this.reports = reports;
        this.instants = instants;
    }

    /** The report itself, for a page that shows it: the same period rules and the same report as {@link #report}. */
    public MonitoringReport reportOf(String planId, Instant from, Instant to) {
        return reports.report(planId, instants.period(from, to));
    }

    @GetMapping(path = "/api/plans/{planId}/report")
    @ApiResponse(
            responseCode = "200",
            description = "The report: JSON by default, a spreadsheet with ?format=csv or "
                    + "?format=xlsx (or Accept: text/csv).",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = MonitoringReport.class)),
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = "string",
                                        description = "UTF-8, a "
                                                + "header row and one row per action of the report (slipped: yes or no); the header: "
                                                + ReportSheet.COLUMNS)),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema =
                                @Schema(
                                        type = "string",
                                        format = "binary",
                                        description = "A workbook of one sheet, '" + ReportSheet.SHEET_NAME
                                                + "': the CSV's header and rows"))
            },
            headers = {
                @Header(
                        name = "X-Report-Content-Hash",
                        description = "The report's contentHash, in every form",
                        schema = @Schema(type = "string")),
                @Header(
                        name = "X-Report-Position",
                        description = "The report's position, in every form",
                        schema = @Schema(type = "integer", format = "int64")),
                @Header(
                        name = HttpHeaders.ETAG,
                        description = "SHA-256 of the bytes served (JSON and CSV only)",
                        schema = @Schema(type = "string")),
                @Header(
                        name = HttpHeaders.CONTENT_DISPOSITION,
                        description = "CSV and XLSX: the file's name",
                        schema = @Schema(type = "string"))
            })
    @ErrorCodes(
            status = HttpStatus.BAD_REQUEST,
            value = {"UNSUPPORTED_FORMAT", "MISSING_INSTANT", "INSTANT_IN_FUTURE", "INVALID_PERIOD", "PERIOD_TOO_LONG"})
    @ErrorCodes(
            status = HttpStatus.NOT_FOUND,
            value = {"PLAN_NOT_FOUND", "PLAN_NOT_YET_REGISTERED"})
    @ErrorCodes(status = HttpStatus.TOO_MANY_REQUESTS, value = "TOO_BUSY")
    @ErrorCodes(status = HttpStatus.SERVICE_UNAVAILABLE, value = "QUERY_TIMEOUT")
    public ResponseEntity<byte[]> report(
            @PathVariable String planId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Format chosen = Spreadsheets.format(format, Format.JSON, Format.CSV, Format.XLSX);
        if (format == null
                && accept != null
                && MediaType.parseMediaTypes(accept).stream()
                        .anyMatch(type -> type.isCompatibleWith(Spreadsheets.CSV) && !type.isWildcardType())) {
            chosen = Format.CSV;
        }
        MonitoringReport report = reports.report(planId, instants.period(from, to));
        ResponseEntity.BodyBuilder response = switch (chosen) {
            case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
            case CSV, XLSX ->
                Spreadsheets.download(
                        chosen,
                        Spreadsheets.fileNamePart(planId) + "-report-" + Spreadsheets.fileNamePart(report.from()) + "-"
                                + Spreadsheets.fileNamePart(report.to()));
        };
        byte[] body = switch (chosen) {
            case JSON -> MonitoringReports.canonicalJson(report);
            case CSV -> ReportSheet.csv(report);
            case XLSX -> ReportSheet.xlsx(report);
        };
        if (chosen != Format.XLSX) {
            response.eTag("\"" + MonitoringReports.sha256(body) + "\"");
        }
        return response.header("X-Report-Content-Hash", report.contentHash())
                .header("X-Report-Position", Long.toString(report.position()))
                .body(body);
    }
}
