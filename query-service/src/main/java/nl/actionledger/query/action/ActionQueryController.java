package nl.actionledger.query.action;

import java.util.List;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.organisation.Organisations;
import nl.actionledger.query.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The current-status view of a plan's actions. */
@RestController
@RequestMapping(path = "/api/plans/{planId}/actions", produces = MediaType.APPLICATION_JSON_VALUE)
class ActionQueryController {

    private final CurrentActions actions;
    private final Organisations organisations;

    ActionQueryController(CurrentActions actions, Organisations organisations) {
        this.actions = actions;
        this.organisations = organisations;
    }

    @GetMapping
    List<ActionView> list(@PathVariable String planId,
                          @RequestParam(required = false) ImplementationStatus status,
                          @RequestParam(required = false) String organisation,
                          @RequestParam(required = false) Integer objective,
                          @RequestParam(required = false) Integer priority,
                          @RequestParam(required = false) CommitmentLevel commitment) {
        requirePlan(planId);
        ActionFilter filter = new ActionFilter(status, organisation, objective, priority, commitment);
        var names = organisations.displayNames();
        return actions.ofPlan(planId, filter).stream().map(ActionView::of)
                .map(view -> view.withOrganisationNameFrom(names)).sorted(ActionView.PLAN_ORDER).toList();
    }

    @GetMapping("/{actionId}")
    ActionView one(@PathVariable String planId, @PathVariable String actionId) {
        requirePlan(planId);
        return actions.find(planId + "/" + actionId).map(ActionView::of)
                .map(view -> view.withOrganisationNameFrom(organisations.displayNames()))
                .orElseThrow(() -> new NotFoundException("ACTION_NOT_FOUND",
                        "Plan '" + planId + "' has no action '" + actionId + "'."));
    }

    private void requirePlan(String planId) {
        if (!actions.planExists(planId)) {
            throw new NotFoundException("PLAN_NOT_FOUND", "There is no plan '" + planId + "'.");
        }
    }
}
