package nl.actionledger.crudbaseline.action.web;

import jakarta.validation.Valid;
import java.util.List;
import nl.actionledger.crudbaseline.action.ActionChanges;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan's actions: listed for anyone signed in, added by an admin. Action Ledger registers its plan from a
 * catalogue at start-up; here the benchmark adds the same actions before it assigns them, as an admin would.
 */
@RestController
class PlanController {

    private final ActionChanges changes;

    PlanController(ActionChanges changes) {
        this.changes = changes;
    }

    @GetMapping(path = "/api/plans/{planId}/actions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ActionView> actions(@PathVariable String planId) {
        return changes.list(planId).stream().map(ActionView::of).toList();
    }

    @PutMapping(
            path = "/api/admin/plans/{planId}/actions/{actionId}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ChangeAccepted> register(
            @PathVariable String planId,
            @PathVariable String actionId,
            @Valid @RequestBody RegisterActionRequest request) {
        long version = changes.register(
                planId, actionId, request.status(), request.timeframe().strip(), request.reason());
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag("\"" + version + "\"")
                .body(new ChangeAccepted(planId, actionId, version));
    }
}
