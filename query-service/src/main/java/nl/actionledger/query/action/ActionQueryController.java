package nl.actionledger.query.action;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.function.Predicate;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.organisation.Organisations;
import nl.actionledger.query.person.ContactReaders;
import nl.actionledger.query.person.Contacts;
import nl.actionledger.query.refusals.NotFoundException;
import nl.actionledger.support.web.ErrorCodes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The current-status view of a plan's actions. */
@RestController
@ErrorCodes(status = HttpStatus.NOT_FOUND, value = "PLAN_NOT_FOUND")
@RequestMapping(path = "/api/plans/{planId}/actions", produces = MediaType.APPLICATION_JSON_VALUE)
public class ActionQueryController {

    private final CurrentActions actions;
    private final Organisations organisations;
    private final Contacts contacts;
    private final ContactReaders readers;

    ActionQueryController(
            CurrentActions actions, Organisations organisations, Contacts contacts, ContactReaders readers) {
        this.actions = actions;
        this.organisations = organisations;
        this.contacts = contacts;
        this.readers = readers;
    }

    @GetMapping
    @ErrorCodes(status = HttpStatus.BAD_REQUEST, value = "INVALID_ORGANISATION_ID")
    public List<ActionView> list(
            @PathVariable String planId,
            @RequestParam(required = false) ImplementationStatus status,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) Integer objective,
            @RequestParam(required = false) Integer priority,
            @RequestParam(required = false) CommitmentLevel commitment,
            Authentication reader) {
        requirePlan(planId);
        ActionFilter filter = new ActionFilter(status, organisation, objective, priority, commitment);
        var names = organisations.displayNames();
        List<ActionView> views =
                actions.ofPlan(planId, filter).stream().map(ActionView::of).toList();
        return asSeenBy(reader, views).stream()
                .map(view -> view.withOrganisationNameFrom(names))
                .sorted(ActionView.PLAN_ORDER)
                .toList();
    }

    /**
     * One action, with its version as {@code ETag} (the tag a change's {@code If-Match} takes, as command-service sends
     * it). A request whose {@code If-None-Match} names the current version is answered 304 without a body (Spring MVC
     * compares them for a {@code ResponseEntity} with an ETag). The version counts the action's events; what is not an
     * event of the action (an organisation's new display name, an erased contact) does not change it.
     */
    @GetMapping("/{actionId}")
    @ApiResponse(
            responseCode = "200",
            description = "The action",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The action's version, quoted: what a change's If-Match takes",
                            schema = @Schema(type = "string")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ActionView.class)))
    @ApiResponse(
            responseCode = "304",
            description = "Not Modified: If-None-Match names the action's current version; " + "no body",
            headers = @Header(name = "ETag", schema = @Schema(type = "string")),
            content = @Content)
    @ErrorCodes(status = HttpStatus.NOT_FOUND, value = "ACTION_NOT_FOUND")
    public ResponseEntity<ActionView> one(
            @PathVariable String planId, @PathVariable String actionId, Authentication reader) {
        requirePlan(planId);
        ActionView found = actions.find(planId + "/" + actionId)
                .map(ActionView::of)
                .map(view -> asSeenBy(reader, List.of(view)).get(0))
                .map(view -> view.withOrganisationNameFrom(organisations.displayNames()))
                .orElseThrow(() -> new NotFoundException(
                        "ACTION_NOT_FOUND", "Plan '" + planId + "' has no action '" + actionId + "'."));
        return ResponseEntity.ok().eTag("\"" + found.version() + "\"").body(found);
    }

    /** The contacts opened (or erased), and withheld from a coordinator where the action is not their organisation's. */
    private List<ActionView> asSeenBy(Authentication reader, List<ActionView> views) {
        Predicate<String> visible = readers.visibleFor(reader);
        Contacts.Revealer revealer = contacts.revealer(views.stream()
                .filter(view -> visible.test(view.organisation()))
                .map(ActionView::contact)
                .toList());
        return views.stream()
                .map(view -> view.withContactFrom(revealer, visible.test(view.organisation())))
                .toList();
    }

    private void requirePlan(String planId) {
        if (!actions.planExists(planId)) {
            throw new NotFoundException("PLAN_NOT_FOUND", "There is no plan '" + planId + "'.");
        }
    }
}
