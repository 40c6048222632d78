package nl.actionledger.query.history;

import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.action.ActionFilter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The plan at any instant, and what changed between two. */
@RestController
@RequestMapping(path = "/api/plans/{planId}", produces = MediaType.APPLICATION_JSON_VALUE)
class HistoryController {

    private final PlanHistory history;
    private final PlanChanges changes;
    private final ReportingInstant instants;

    HistoryController(PlanHistory history, PlanChanges changes, ReportingInstant instants) {
        this.history = history;
        this.changes = changes;
        this.instants = instants;
    }

    @GetMapping("/as-of")
    PlanHistory.PlanAsOf planAsOf(@PathVariable String planId, @RequestParam(required = false) String at,
                                  @RequestParam(required = false) ImplementationStatus status,
                                  @RequestParam(required = false) String organisation,
                                  @RequestParam(required = false) Integer objective,
                                  @RequestParam(required = false) Integer priority,
                                  @RequestParam(required = false) CommitmentLevel commitment) {
        return history.planAt(planId, instants.parse("at", at),
                new ActionFilter(status, organisation, objective, priority, commitment));
    }

    @GetMapping("/actions/{actionId}/as-of")
    PlanHistory.ActionAsOf actionAsOf(@PathVariable String planId, @PathVariable String actionId,
                                      @RequestParam(required = false) String at) {
        return history.actionAt(planId, actionId, instants.parse("at", at));
    }

    @GetMapping("/changes")
    PlanChanges.Changes changes(@PathVariable String planId, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        return changes.between(planId, instants.period(from, to));
    }
}
