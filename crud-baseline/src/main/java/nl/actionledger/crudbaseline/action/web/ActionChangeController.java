package nl.actionledger.crudbaseline.action.web;

import jakarta.validation.Valid;
import nl.actionledger.crudbaseline.action.ActionChanges;
import nl.actionledger.crudbaseline.action.ChangeRequest;
import nl.actionledger.crudbaseline.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The coordinators' three changes, at the same addresses and with the same bodies and answers as Action Ledger's. */
@RestController
@RequestMapping(
        path = "/api/plans/{planId}/actions/{actionId}",
        consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class ActionChangeController {

    private final ActionChanges changes;

    ActionChangeController(ActionChanges changes) {
        this.changes = changes;
    }

    @PostMapping("/status")
    ResponseEntity<ChangeAccepted> changeStatus(
            @PathVariable String planId,
            @PathVariable String actionId,
            @Valid @RequestBody ChangeStatusRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            Authentication user) {
        ChangeRequest change = change(planId, actionId, request.reason(), ifMatch, user);
        return accepted(change, changes.changeStatus(change, request.status()));
    }

    @PostMapping("/assignment")
    ResponseEntity<ChangeAccepted> reassign(
            @PathVariable String planId,
            @PathVariable String actionId,
            @Valid @RequestBody ReassignRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            Authentication user) {
        ChangeRequest change = change(planId, actionId, request.reason(), ifMatch, user);
        String contact = request.contact() == null || request.contact().isBlank()
                ? null
                : request.contact().strip();
        return accepted(change, changes.reassign(change, request.organisation().strip(), contact));
    }

    @PostMapping("/timeframe")
    ResponseEntity<ChangeAccepted> reviseTimeframe(
            @PathVariable String planId,
            @PathVariable String actionId,
            @Valid @RequestBody ReviseTimeframeRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            Authentication user) {
        ChangeRequest change = change(planId, actionId, request.reason(), ifMatch, user);
        return accepted(
                change, changes.reviseTimeframe(change, request.timeframe().strip()));
    }

    private static ChangeRequest change(
            String planId, String actionId, String reason, String ifMatch, Authentication user) {
        return new ChangeRequest(planId, actionId, reason, IfMatch.expectedVersion(ifMatch), CurrentUser.of(user));
    }

    private static ResponseEntity<ChangeAccepted> accepted(ChangeRequest change, long version) {
        return ResponseEntity.ok()
                .eTag("\"" + version + "\"")
                .body(new ChangeAccepted(change.planId(), change.actionId(), version));
    }
}
