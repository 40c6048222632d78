package nl.actionledger.command.person.web;

import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import nl.actionledger.command.action.web.CommandResults;
import nl.actionledger.command.action.web.CorrelationId;
import nl.actionledger.command.person.ErasePersonCommand;
import nl.actionledger.command.person.PersonRejectedException;
import nl.actionledger.command.person.PersonRejectedException.Reason;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.support.security.CurrentUsers;
import nl.actionledger.support.security.CurrentUsers.CurrentUser;
import nl.actionledger.support.web.ErrorCodes;
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

/**
 * Erasing a contact person (ADMIN): {@code POST /api/admin/people/{personId}/erase} with a reason. The erasure is an
 * event with the authenticated admin as actor, never anyone the body names; the person's key is deleted in the same
 * transaction. A second erasure of the same person is refused (409 {@code PERSON_ALREADY_ERASED}).
 */
@RestController
@RequestMapping(
        path = "/api/admin/people",
        consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class PersonAdminController {

    /** Person ids are random UUIDs, written as {@link java.util.UUID#toString()} does. */
    private static final Pattern PERSON_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final CommandGateway commandGateway;
    private final CurrentUsers users;

    PersonAdminController(CommandGateway commandGateway, CurrentUsers users) {
        this.commandGateway = commandGateway;
        this.users = users;
    }

    @PostMapping("/{personId}/erase")
    @ErrorCodes(
            status = HttpStatus.BAD_REQUEST,
            value = {"INVALID_PERSON_ID", "INVALID_REASON", "INVALID_CORRELATION_ID"})
    @ErrorCodes(status = HttpStatus.NOT_FOUND, value = "PERSON_NOT_FOUND")
    @ErrorCodes(
            status = HttpStatus.CONFLICT,
            value = {"PERSON_ALREADY_ERASED", "CONCURRENT_MODIFICATION"})
    @ErrorCodes(status = HttpStatus.TOO_MANY_REQUESTS, value = "RATE_LIMITED")
    @ErrorCodes(
            status = HttpStatus.SERVICE_UNAVAILABLE,
            value = {"OUTCOME_UNKNOWN", "CLOCK_DRIFT"})
    ResponseEntity<PersonErased> erase(
            @PathVariable String personId,
            @Valid @RequestBody ErasePersonRequest request,
            @RequestHeader(value = CorrelationId.HEADER, required = false) String correlationHeader,
            Authentication authentication) {
        if (!PERSON_ID.matcher(personId).matches()) {
            throw new PersonRejectedException(
                    Reason.INVALID_PERSON_ID,
                    "A person id is a UUID in lower case, as views show it in contactPersonId.");
        }
        CurrentUser user = users.of(authentication);
        String correlationId = CorrelationId.resolve(correlationHeader);
        Map<String, String> metadata = new HashMap<>(
                Map.of(EventMetadataKeys.ACTOR, user.name(), EventMetadataKeys.CORRELATION_ID, correlationId));
        if (user.displayName() != null) {
            metadata.put(EventMetadataKeys.ACTOR_NAME, user.displayName());
        }
        await(GenericCommandMessage.asCommandMessage(new ErasePersonCommand(personId, request.reason()))
                .andMetaData(metadata));
        return ResponseEntity.ok().header(CorrelationId.HEADER, correlationId).body(new PersonErased(personId, true));
    }

    /** @param erased always {@code true}: the person's name can no longer be read anywhere */
    record PersonErased(String personId, boolean erased) {}

    private void await(Object message) {
        CommandResults.await(commandGateway.send(message));
    }
}
