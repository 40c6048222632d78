package nl.actionledger.command.action.web;

import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import nl.actionledger.command.action.ActionChangeRejectedException;
import nl.actionledger.command.action.ChangeActionStatusCommand;
import nl.actionledger.command.action.ReassignActionCommand;
import nl.actionledger.command.action.Requester;
import nl.actionledger.command.action.ReviseActionTimeframeCommand;
import nl.actionledger.command.catalogue.KnownPlans;
import nl.actionledger.command.idempotency.IdempotencyKey;
import nl.actionledger.command.idempotency.IdempotencyKeys;
import nl.actionledger.command.idempotency.StoredAnswer;
import nl.actionledger.command.organisation.OrganisationDirectory;
import nl.actionledger.command.organisation.OrganisationRejectedException;
import nl.actionledger.command.timeframe.TimeframeParser;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.support.security.CurrentUsers;
import nl.actionledger.support.security.CurrentUsers.CurrentUser;
import nl.actionledger.support.web.ErrorCodes;
import nl.actionledger.support.web.RefusalsCounted;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinators' three changes to an action. The actor (and their display name, if any) comes from the
 * authenticated user, the time from the event itself, never from the body.
 */
@RestController
@ErrorCodes(
        status = HttpStatus.BAD_REQUEST,
        value = {"INVALID_IF_MATCH", "INVALID_CORRELATION_ID", "INVALID_IDEMPOTENCY_KEY", "INVALID_REASON"})
@ErrorCodes(
        status = HttpStatus.FORBIDDEN,
        value = {"NOT_PERMITTED", "ORGANISATION_NOT_LISTED"})
@ErrorCodes(
        status = HttpStatus.NOT_FOUND,
        value = {"PLAN_NOT_FOUND", "ACTION_NOT_FOUND"})
@ErrorCodes(status = HttpStatus.CONFLICT, value = "CONCURRENT_MODIFICATION")
@ErrorCodes(status = HttpStatus.PRECONDITION_FAILED, value = "VERSION_MISMATCH")
@ErrorCodes(
        status = HttpStatus.UNPROCESSABLE_CONTENT,
        value = {"NO_CHANGE", "IDEMPOTENCY_KEY_REUSED"})
@ErrorCodes(status = HttpStatus.TOO_MANY_REQUESTS, value = "RATE_LIMITED")
@ErrorCodes(
        status = HttpStatus.SERVICE_UNAVAILABLE,
        value = {"OUTCOME_UNKNOWN", "CLOCK_DRIFT"})
@RequestMapping(
        path = "/api/plans/{planId}/actions/{actionId}",
        consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class ActionCommandController {

    /** Set on the answer to a repeated request: it is the first answer, nothing new was stored. */
    static final String REPLAYED = RefusalsCounted.REPLAYED;

    private final CommandGateway commandGateway;
    private final KnownPlans knownPlans;
    private final CurrentUsers users;
    private final IdempotencyKeys idempotencyKeys;
    private final JsonMapper json;
    private final OrganisationDirectory organisations;

    ActionCommandController(
            CommandGateway commandGateway,
            KnownPlans knownPlans,
            CurrentUsers users,
            IdempotencyKeys idempotencyKeys,
            JsonMapper json,
            OrganisationDirectory organisations) {
        this.organisations = organisations;
        this.commandGateway = commandGateway;
        this.knownPlans = knownPlans;
        this.users = users;
        this.idempotencyKeys = idempotencyKeys;
        this.json = json;
    }

    @PostMapping("/status")
    ResponseEntity<CommandAccepted> changeStatus(
            @PathVariable String planId,
            @PathVariable String actionId,
            @Valid @RequestBody ChangeStatusRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestHeader(value = CorrelationId.HEADER, required = false) String correlationId,
            @RequestHeader(value = IdempotencyKey.HEADER, required = false) String key,
            Authentication user) {
        ActionRef action = knownPlans.requireAction(planId, actionId);
        CurrentUser current = users.of(user);
        Requester requester = requester(current);
        IdempotencyKey idempotencyKey = idempotencyKey(key, current, action, "status", ifMatch, request);
        return dispatch(
                action,
                () -> new ChangeActionStatusCommand(
                        action, request.status(), request.reason(), IfMatch.expectedVersion(ifMatch), requester),
                correlationId,
                current,
                idempotencyKey);
    }

    @PostMapping("/assignment")
    @ErrorCodes(status = HttpStatus.BAD_REQUEST, value = "UNKNOWN_ORGANISATION")
    ResponseEntity<CommandAccepted> reassign(
            @PathVariable String planId,
            @PathVariable String actionId,
            @Valid @RequestBody ReassignRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestHeader(value = CorrelationId.HEADER, required = false) String correlationId,
            @RequestHeader(value = IdempotencyKey.HEADER, required = false) String key,
            Authentication user) {
        ActionRef action = knownPlans.requireAction(planId, actionId);
        CurrentUser current = users.of(user);
        Requester requester = requester(current);
        String contact = request.contact() == null || request.contact().isBlank()
                ? null
                : request.contact().strip();
        // The organisation by its id: whatever id or alias the request names, never the text as sent (400 when
        // unknown).
        String organisationId = organisations.require(request.organisation());
        IdempotencyKey idempotencyKey = idempotencyKey(key, current, action, "assignment", ifMatch, request);
        return dispatch(
                action,
                () -> new ReassignActionCommand(
                        action, organisationId, contact, request.reason(), IfMatch.expectedVersion(ifMatch), requester),
                correlationId,
                current,
                idempotencyKey);
    }

    @PostMapping("/timeframe")
    @ErrorCodes(status = HttpStatus.BAD_REQUEST, value = "UNPARSEABLE_TIMEFRAME")
    ResponseEntity<CommandAccepted> reviseTimeframe(
            @PathVariable String planId,
            @PathVariable String actionId,
            @Valid @RequestBody ReviseTimeframeRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestHeader(value = CorrelationId.HEADER, required = false) String correlationId,
            @RequestHeader(value = IdempotencyKey.HEADER, required = false) String key,
            Authentication user) {
        ActionRef action = knownPlans.requireAction(planId, actionId);
        CurrentUser current = users.of(user);
        Requester requester = requester(current);
        IdempotencyKey idempotencyKey = idempotencyKey(key, current, action, "timeframe", ifMatch, request);
        return dispatch(
                action,
                () -> new ReviseActionTimeframeCommand(
                        action,
                        TimeframeParser.parse(request.timeframe()),
                        request.reason(),
                        IfMatch.expectedVersion(ifMatch),
                        requester),
                correlationId,
                current,
                idempotencyKey);
    }

    /**
     * The requester with their organisation's id, resolved through the list like any name of an organisation: a user
     * whose organisation (setting or claim) is not on the list is refused (403) rather than compared as text, so that a
     * look-alike name can neither pass as an organisation nor be told apart from it by a stray space.
     */
    private Requester requester(CurrentUser current) {
        String organisationId = null;
        if (current.organisation() != null && !current.organisation().isBlank()) {
            organisationId = organisations
                    .resolve(current.organisation())
                    .orElseThrow(() -> new OrganisationRejectedException(
                            OrganisationRejectedException.Reason.ORGANISATION_NOT_LISTED,
                            "Your organisation, as your sign-in names it, is not on the list of organisations. "
                                    + "Ask an admin to correct your account or the list."));
        }
        return new Requester(current.name(), organisationId, current.admin());
    }

    /**
     * The key with what the request asks for: the change, the action, If-Match and the body as read (so a repeat that
     * differs only in spacing or the order of fields is the same request). Without the header there is nothing to
     * compute: most requests carry none, and writing the body out again is a fair part of a request's cost.
     */
    private IdempotencyKey idempotencyKey(
            String header, CurrentUser user, ActionRef action, String change, String ifMatch, Object request) {
        if (header == null) {
            return null;
        }
        return IdempotencyKey.of(
                header, user.name(), change + "\n" + action + "\n" + ifMatch + "\n" + json.writeValueAsString(request));
    }

    /**
     * Sends the command, unless the request was answered before under its idempotency key: then that answer again. The
     * command is made only when it is sent, so a repeat is not checked again (its If-Match, its timeframe).
     */
    private ResponseEntity<CommandAccepted> dispatch(
            ActionRef action,
            Supplier<Object> command,
            String correlationHeader,
            CurrentUser user,
            IdempotencyKey key) {
        if (key != null) {
            Optional<StoredAnswer> first = idempotencyKeys.answerFor(key);
            if (first.isPresent()) {
                return replay(action, first.get());
            }
        }
        String correlationId = CorrelationId.resolve(correlationHeader);
        Map<String, String> metadata = new HashMap<>(
                Map.of(EventMetadataKeys.ACTOR, user.name(), EventMetadataKeys.CORRELATION_ID, correlationId));
        if (user.displayName() != null) {
            metadata.put(EventMetadataKeys.ACTOR_NAME, user.displayName());
        }
        if (key != null) {
            metadata.putAll(key.metadata());
        }
        long version;
        try {
            var message = GenericCommandMessage.asCommandMessage(command.get()).andMetaData(metadata);
            version = awaitVersion(commandGateway.send(message));
        } catch (ActionChangeRejectedException refused) {
            if (key != null
                    && !idempotencyKeys.recordRefusal(
                            key,
                            StoredAnswer.refused(
                                    CommandProblemHandling.statusOf(refused.reason())
                                            .value(),
                                    refused.errorCode(),
                                    refused.getMessage(),
                                    correlationId))) {
                return replay(action, idempotencyKeys.answerFor(key).orElseThrow());
            }
            throw refused;
        } catch (IdempotencyKeys.IdempotencyKeyTakenException taken) {
            return replay(action, idempotencyKeys.answerFor(key).orElseThrow());
        }
        return accepted(action, version, correlationId)
                .body(new CommandAccepted(action.planId(), action.actionId(), version));
    }

    private static ResponseEntity.BodyBuilder accepted(ActionRef action, long version, String correlationId) {
        return ResponseEntity.ok().eTag(IfMatch.etag(version)).header(CorrelationId.HEADER, correlationId);
    }

    /** The first answer, marked as repeated; a refusal is answered by {@link CommandProblemHandling}. */
    private static ResponseEntity<CommandAccepted> replay(ActionRef action, StoredAnswer first) {
        if (!first.isAccepted()) {
            throw new ReplayedRefusal(first);
        }
        return accepted(action, first.version(), first.correlationId())
                .header(REPLAYED, "true")
                .body(new CommandAccepted(action.planId(), action.actionId(), first.version()));
    }

    private static long awaitVersion(CompletableFuture<Object> result) {
        return ((Number) CommandResults.await(result)).longValue();
    }

    /** A refusal given before to the same request with the same idempotency key. */
    static final class ReplayedRefusal extends RuntimeException {

        private final transient StoredAnswer answer;

        ReplayedRefusal(StoredAnswer answer) {
            super(answer.detail());
            this.answer = answer;
        }

        StoredAnswer answer() {
            return answer;
        }
    }
}
