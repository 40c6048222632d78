package nl.actionledger.command.organisation.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.actionledger.command.action.web.CommandResults;
import nl.actionledger.command.action.web.CorrelationId;
import nl.actionledger.command.organisation.DefineOrganisationCommand;
import nl.actionledger.command.organisation.OrganisationDefined;
import nl.actionledger.command.organisation.OrganisationDirectory;
import nl.actionledger.command.organisation.OrganisationRejectedException;
import nl.actionledger.command.organisation.OrganisationRejectedException.Reason;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.events.OrganisationIds;
import nl.actionledger.support.organisation.OrganisationNames;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The list of organisations, kept by admins: {@code PUT} puts an organisation on it (201) or gives a listed one another
 * display name or aliases (200). Each accepted definition is an event with the authenticated admin as actor and the
 * reason, as every change to an action is.
 */
@RestController
@RequestMapping(
        path = "/api/admin/organisations",
        consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class OrganisationAdminController {

    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9 .,&'()/-]*[A-Za-z0-9.)])?");

    private final CommandGateway commandGateway;
    private final OrganisationDirectory directory;
    private final CurrentUsers users;

    OrganisationAdminController(CommandGateway commandGateway, OrganisationDirectory directory, CurrentUsers users) {
        this.commandGateway = commandGateway;
        this.directory = directory;
        this.users = users;
    }

    @PutMapping("/{organisationId}")
    @ApiResponse(
            responseCode = "201",
            description = "Created: the organisation was registered",
            headers = @Header(name = "ETag", description = "Its version, quoted", schema = @Schema(type = "string")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = OrganisationAnswer.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Its display name or aliases were changed",
            headers = @Header(name = "ETag", description = "Its version, quoted", schema = @Schema(type = "string")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = OrganisationAnswer.class)))
    @ErrorCodes(
            status = HttpStatus.BAD_REQUEST,
            value = {"INVALID_ORGANISATION_ID", "INVALID_ALIAS", "INVALID_REASON", "INVALID_CORRELATION_ID"})
    @ErrorCodes(
            status = HttpStatus.CONFLICT,
            value = {"ALIAS_TAKEN", "CONCURRENT_MODIFICATION"})
    @ErrorCodes(status = HttpStatus.UNPROCESSABLE_CONTENT, value = "NO_CHANGE")
    @ErrorCodes(status = HttpStatus.TOO_MANY_REQUESTS, value = "RATE_LIMITED")
    @ErrorCodes(
            status = HttpStatus.SERVICE_UNAVAILABLE,
            value = {"OUTCOME_UNKNOWN", "CLOCK_DRIFT"})
    ResponseEntity<OrganisationAnswer> define(
            @PathVariable String organisationId,
            @Valid @RequestBody DefineOrganisationRequest request,
            @RequestHeader(value = CorrelationId.HEADER, required = false) String correlationHeader,
            Authentication authentication) {
        if (!OrganisationIds.isValid(organisationId)) {
            throw new OrganisationRejectedException(
                    Reason.INVALID_ORGANISATION_ID,
                    "An organisation id is 1 to 63 lower-case letters, digits and inner hyphens, such as 'nvwa'.");
        }
        Optional<String> named = directory.resolve(organisationId);
        if (named.isPresent() && !named.get().equals(organisationId)) {
            throw new OrganisationRejectedException(
                    Reason.ALIAS_TAKEN,
                    "'" + organisationId + "' is an alias of organisation '" + named.get() + "' already.");
        }
        List<String> aliases = aliases(organisationId, request.aliases());
        String displayName = request.displayName().strip();
        CurrentUser user = users.of(authentication);
        String correlationId = CorrelationId.resolve(correlationHeader);
        Map<String, String> metadata = new HashMap<>(
                Map.of(EventMetadataKeys.ACTOR, user.name(), EventMetadataKeys.CORRELATION_ID, correlationId));
        if (user.displayName() != null) {
            metadata.put(EventMetadataKeys.ACTOR_NAME, user.displayName());
        }
        var command = new DefineOrganisationCommand(organisationId, displayName, aliases, request.reason());
        OrganisationDefined defined =
                await(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        return ResponseEntity.status(defined.registered() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag("\"" + defined.version() + "\"")
                .header(CorrelationId.HEADER, correlationId)
                .body(new OrganisationAnswer(organisationId, displayName, aliases, defined.version()));
    }

    /**
     * The aliases stripped, each well-formed and given once, none another organisation's id or alias: a name must always stand for one organisation.
     */
    private List<String> aliases(String organisationId, List<String> requested) {
        List<String> aliases = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String alias : requested) {
            String stripped = alias.strip();
            String key = OrganisationNames.key(stripped);
            if (!ALIAS.matcher(stripped).matches()) {
                throw new OrganisationRejectedException(
                        Reason.INVALID_ALIAS,
                        "An alias is ASCII letters, digits, spaces "
                                + "and . , & ' ( ) / - only, beginning with a letter or digit.");
            }
            if (!keys.add(key)) {
                throw new OrganisationRejectedException(
                        Reason.INVALID_ALIAS, "Alias '" + stripped + "' is given twice.");
            }
            Optional<String> holder = directory.resolve(stripped);
            if (holder.isPresent() && !holder.get().equals(organisationId)) {
                throw new OrganisationRejectedException(
                        Reason.ALIAS_TAKEN, "'" + stripped + "' already names organisation '" + holder.get() + "'.");
            }
            aliases.add(stripped);
        }
        return aliases;
    }

    /** A definition that does not finish in time is 503 OUTCOME_UNKNOWN: it may or may not be recorded. */
    private OrganisationDefined await(Object message) {
        try {
            return (OrganisationDefined) CommandResults.await(commandGateway.send(message));
        } finally {
            directory.forget();
        }
    }
}
