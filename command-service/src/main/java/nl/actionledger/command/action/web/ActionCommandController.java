package nl.actionledger.command.action.web;

import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.actionledger.command.action.ChangeActionStatusCommand;
import nl.actionledger.command.action.ReassignActionCommand;
import nl.actionledger.command.action.Requester;
import nl.actionledger.command.action.ReviseActionTimeframeCommand;
import nl.actionledger.command.catalogue.KnownPlans;
import nl.actionledger.command.timeframe.TimeframeParser;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.support.security.CurrentUsers;
import nl.actionledger.support.security.CurrentUsers.CurrentUser;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordinators' three changes to an action. The actor (and their display name, if any) comes from the
 * authenticated user, the time from the event itself, never from the body.
 */
@RestController
@RequestMapping(path = "/api/plans/{planId}/actions/{actionId}",
        consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
class ActionCommandController {

    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final CommandGateway commandGateway;
    private final KnownPlans knownPlans;
    private final CurrentUsers users;

    ActionCommandController(CommandGateway commandGateway, KnownPlans knownPlans, CurrentUsers users) {
        this.commandGateway = commandGateway;
        this.knownPlans = knownPlans;
        this.users = users;
    }

    @PostMapping("/status")
    ResponseEntity<CommandAccepted> changeStatus(@PathVariable String planId, @PathVariable String actionId,
                                                 @Valid @RequestBody ChangeStatusRequest request,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                 @RequestHeader(value = CorrelationId.HEADER, required = false) String correlationId,
                                                 Authentication user) {
        ActionRef action = knownPlans.requireAction(planId, actionId);
        CurrentUser current = users.of(user);
        return dispatch(action, new ChangeActionStatusCommand(action, request.status(), request.reason(),
                IfMatch.expectedVersion(ifMatch), requester(current)), correlationId, current);
    }

    @PostMapping("/assignment")
    ResponseEntity<CommandAccepted> reassign(@PathVariable String planId, @PathVariable String actionId,
                                             @Valid @RequestBody ReassignRequest request,
                                             @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                             @RequestHeader(value = CorrelationId.HEADER, required = false) String correlationId,
                                             Authentication user) {
        ActionRef action = knownPlans.requireAction(planId, actionId);
        String contact = request.contact() == null || request.contact().isBlank() ? null : request.contact().strip();
        Assignment assignment = new Assignment(request.organisation().strip(), contact);
        CurrentUser current = users.of(user);
        return dispatch(action, new ReassignActionCommand(action, assignment, request.reason(),
                IfMatch.expectedVersion(ifMatch), requester(current)), correlationId, current);
    }

    @PostMapping("/timeframe")
    ResponseEntity<CommandAccepted> reviseTimeframe(@PathVariable String planId, @PathVariable String actionId,
                                                    @Valid @RequestBody ReviseTimeframeRequest request,
                                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                    @RequestHeader(value = CorrelationId.HEADER, required = false) String correlationId,
                                                    Authentication user) {
        ActionRef action = knownPlans.requireAction(planId, actionId);
        CurrentUser current = users.of(user);
        return dispatch(action, new ReviseActionTimeframeCommand(action, TimeframeParser.parse(request.timeframe()),
                request.reason(), IfMatch.expectedVersion(ifMatch), requester(current)), correlationId, current);
    }

    private static Requester requester(CurrentUser current) {
        return new Requester(current.name(), current.organisation(), current.admin());
    }

    private ResponseEntity<CommandAccepted> dispatch(ActionRef action, Object command, String correlationHeader,
                                                     CurrentUser user) {
        String correlationId = CorrelationId.resolve(correlationHeader);
        Map<String, String> metadata = new HashMap<>(Map.of(
                EventMetadataKeys.ACTOR, user.name(),
                EventMetadataKeys.CORRELATION_ID, correlationId));
        if (user.displayName() != null) {
            metadata.put(EventMetadataKeys.ACTOR_NAME, user.displayName());
        }
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(metadata);
        long version = awaitVersion(commandGateway.send(message));
        return ResponseEntity.ok()
                .eTag(IfMatch.etag(version))
                .header(CorrelationId.HEADER, correlationId)
                .body(new CommandAccepted(action.planId(), action.actionId(), version));
    }

    private static long awaitVersion(java.util.concurrent.CompletableFuture<Object> result) {
        try {
            return ((Number) result.get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)).longValue();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new CommandOutcomeUnknownException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandOutcomeUnknownException();
        }
    }

    /** The command did not finish in time: it may or may not have been recorded. */
    static final class CommandOutcomeUnknownException extends RuntimeException {
        CommandOutcomeUnknownException() {
            super("The change did not complete in time; check the action's history before retrying.");
        }
    }
}
