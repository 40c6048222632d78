package nl.actionledger.query.history;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.action.ActionFilter;
import nl.actionledger.query.web.Spreadsheets;
import nl.actionledger.query.web.Spreadsheets.Format;
import nl.actionledger.support.web.ErrorCodes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plan at any instant, what changed between two, and its course through time; as JSON, or with {@code ?format=csv}
 * as a spreadsheet. Public for the web app's pages, which ask the same questions.
 */
@RestController
@RequestMapping(path = "/api/plans/{planId}")
public class HistoryController {

    private final PlanHistory history;
    private final PlanChanges changes;
    private final PlanThroughTime throughTime;
    private final ReportingInstant instants;

    HistoryController(
            PlanHistory history, PlanChanges changes, PlanThroughTime throughTime, ReportingInstant instants) {
        this.history = history;
        this.changes = changes;
        this.throughTime = throughTime;
        this.instants = instants;
    }

    @GetMapping("/as-of")
    @ApiResponse(
            responseCode = "200",
            description = "The plan at the instant: JSON, or a spreadsheet with ?format=csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = PlanAsOf.class)),
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = "string",
                                        description =
                                                "UTF-8, a header row and one row per action, with a Content-Disposition file name"))
            })
    @ErrorCodes(
            status = HttpStatus.BAD_REQUEST,
            value = {"UNSUPPORTED_FORMAT", "MISSING_INSTANT", "INSTANT_IN_FUTURE", "INVALID_ORGANISATION_ID"})
    @ErrorCodes(
            status = HttpStatus.NOT_FOUND,
            value = {"PLAN_NOT_FOUND", "PLAN_NOT_YET_REGISTERED"})
    @ErrorCodes(status = HttpStatus.TOO_MANY_REQUESTS, value = "TOO_BUSY")
    @ErrorCodes(status = HttpStatus.SERVICE_UNAVAILABLE, value = "QUERY_TIMEOUT")
    public ResponseEntity<?> planAsOf(
            @PathVariable String planId,
            @RequestParam(required = false) Instant at,
            @RequestParam(required = false) ImplementationStatus status,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) Integer objective,
            @RequestParam(required = false) Integer priority,
            @RequestParam(required = false) CommitmentLevel commitment,
            @RequestParam(required = false) String format) {
        Format chosen = Spreadsheets.format(format, Format.JSON, Format.CSV);
        PlanAsOf plan = history.planAt(
                planId,
                instants.require("at", at),
                new ActionFilter(status, organisation, objective, priority, commitment));
        if (chosen == Format.CSV) {
            return Spreadsheets.download(
                            chosen,
                            Spreadsheets.fileNamePart(planId) + "-as-of-" + Spreadsheets.fileNamePart(plan.at()))
                    .body(HistorySheets.planAsOf(plan));
        }
        return ResponseEntity.ok(plan);
    }

    @GetMapping(path = "/actions/{actionId}/as-of", produces = MediaType.APPLICATION_JSON_VALUE)
    @ErrorCodes(
            status = HttpStatus.BAD_REQUEST,
            value = {"MISSING_INSTANT", "INSTANT_IN_FUTURE"})
    @ErrorCodes(
            status = HttpStatus.NOT_FOUND,
            value = {"PLAN_NOT_FOUND", "PLAN_NOT_YET_REGISTERED", "ACTION_NOT_FOUND"})
    @ErrorCodes(status = HttpStatus.TOO_MANY_REQUESTS, value = "TOO_BUSY")
    @ErrorCodes(status = HttpStatus.SERVICE_UNAVAILABLE, value = "QUERY_TIMEOUT")
    PlanHistory.ActionAsOf actionAsOf(
            @PathVariable String planId, @PathVariable String actionId, @RequestParam(required = false) Instant at) {
        return history.actionAt(planId, actionId, instants.require("at", at));
    }

    @GetMapping("/changes")
    @ApiResponse(
            responseCode = "200",
            description = "What changed in the period: JSON, or a spreadsheet with ?format=csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = PlanChanges.Changes.class)),
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = "string",
                                        description =
                                                "UTF-8, a header row and one row per changed field of an action, with a Content-Disposition file name"))
            })
    @ErrorCodes(
            status = HttpStatus.BAD_REQUEST,
            value = {"UNSUPPORTED_FORMAT", "MISSING_INSTANT", "INSTANT_IN_FUTURE", "INVALID_PERIOD", "PERIOD_TOO_LONG"})
    @ErrorCodes(
            status = HttpStatus.NOT_FOUND,
            value = {"PLAN_NOT_FOUND", "PLAN_NOT_YET_REGISTERED"})
    @ErrorCodes(status = HttpStatus.TOO_MANY_REQUESTS, value = "TOO_BUSY")
    @ErrorCodes(status = HttpStatus.SERVICE_UNAVAILABLE, value = "QUERY_TIMEOUT")
    public ResponseEntity<?> changes(
            @PathVariable String planId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String format) {
        Format chosen = Spreadsheets.format(format, Format.JSON, Format.CSV);
        PlanChanges.Changes answer = changes.between(planId, instants.period(from, to));
        if (chosen == Format.CSV) {
            return Spreadsheets.download(
                            chosen,
                            Spreadsheets.fileNamePart(planId) + "-changes-" + Spreadsheets.fileNamePart(answer.from())
                                    + "-" + Spreadsheets.fileNamePart(answer.to()))
                    .body(HistorySheets.changes(answer));
        }
        return ResponseEntity.ok(answer);
    }

    /**
     * The number of actions per status at {@code from}, at the end of each day, week, month (the default), quarter or
     * year up to {@code to}, and at {@code to}: at most {@value PlanThroughTime#MAX_POINTS} points.
     */
    @GetMapping(path = "/status-over-time", produces = MediaType.APPLICATION_JSON_VALUE)
    @ErrorCodes(
            status = HttpStatus.BAD_REQUEST,
            value = {
                "MISSING_INSTANT",
                "INSTANT_IN_FUTURE",
                "INVALID_PERIOD",
                "PERIOD_TOO_LONG",
                "INVALID_GRANULARITY",
                "TOO_MANY_POINTS"
            })
    @ErrorCodes(
            status = HttpStatus.NOT_FOUND,
            value = {"PLAN_NOT_FOUND", "PLAN_NOT_YET_REGISTERED"})
    @ErrorCodes(status = HttpStatus.TOO_MANY_REQUESTS, value = "TOO_BUSY")
    @ErrorCodes(status = HttpStatus.SERVICE_UNAVAILABLE, value = "QUERY_TIMEOUT")
    public StatusOverTime statusOverTime(
            @PathVariable String planId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String granularity) {
        Granularity chosen = Granularity.read(granularity);
        return throughTime.statusOverTime(planId, instants.period(from, to), chosen);
    }
}
