package nl.actionledger.query.history;

import java.time.Instant;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.action.ActionFilter;
import nl.actionledger.query.web.Spreadsheets;
import nl.actionledger.query.web.Spreadsheets.Format;
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

    HistoryController(PlanHistory history, PlanChanges changes, PlanThroughTime throughTime,
                      ReportingInstant instants) {
        this.history = history;
        this.changes = changes;
        this.throughTime = throughTime;
        this.instants = instants;
    }

    @GetMapping("/as-of")
    public ResponseEntity<?> planAsOf(@PathVariable String planId, @RequestParam(required = false) Instant at,
                               @RequestParam(required = false) ImplementationStatus status,
                               @RequestParam(required = false) String organisation,
                               @RequestParam(required = false) Integer objective,
                               @RequestParam(required = false) Integer priority,
                               @RequestParam(required = false) CommitmentLevel commitment,
                               @RequestParam(required = false) String format) {
        Format chosen = Spreadsheets.format(format, Format.JSON, Format.CSV);
        PlanAsOf plan = history.planAt(planId, instants.require("at", at),
                new ActionFilter(status, organisation, objective, priority, commitment));
        if (chosen == Format.CSV) {
            return Spreadsheets.download(chosen, Spreadsheets.fileNamePart(planId) + "-as-of-"
                    + Spreadsheets.fileNamePart(plan.at())).body(HistorySheets.planAsOf(plan));
        }
        return ResponseEntity.ok(plan);
    }

    @GetMapping("/actions/{actionId}/as-of")
    PlanHistory.ActionAsOf actionAsOf(@PathVariable String planId, @PathVariable String actionId,
                                      @RequestParam(required = false) Instant at) {
        return history.actionAt(planId, actionId, instants.require("at", at));
    }

    @GetMapping("/changes")
    public ResponseEntity<?> changes(@PathVariable String planId, @RequestParam(required = false) Instant from,
                              @RequestParam(required = false) Instant to,
                              @RequestParam(required = false) String format) {
        Format chosen = Spreadsheets.format(format, Format.JSON, Format.CSV);
        PlanChanges.Changes answer = changes.between(planId, instants.period(from, to));
        if (chosen == Format.CSV) {
            return Spreadsheets.download(chosen, Spreadsheets.fileNamePart(planId) + "-changes-"
                    + Spreadsheets.fileNamePart(answer.from()) + "-" + Spreadsheets.fileNamePart(answer.to()))
                    .body(HistorySheets.changes(answer));
        }
        return ResponseEntity.ok(answer);
    }

    /**
     * The number of actions per status at {@code from}, at the end of each day, week, month (the default), quarter or
     * year up to {@code to}, and at {@code to}: at most {@value PlanThroughTime#MAX_POINTS} points.
     */
    @GetMapping("/status-over-time")
    public StatusOverTime statusOverTime(@PathVariable String planId, @RequestParam(required = false) Instant from,
                                         @RequestParam(required = false) Instant to,
                                         @RequestParam(required = false) String granularity) {
        Granularity chosen = Granularity.read(granularity);
        return throughTime.statusOverTime(planId, instants.period(from, to), chosen);
    }
}
