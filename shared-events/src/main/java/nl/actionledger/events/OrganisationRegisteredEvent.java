package nl.actionledger.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An organisation was added to the list of organisations actions can be assigned to.
 *
 * @param organisationId the id assignments name ({@link OrganisationIds})
 * @param displayName    the name people read
 * @param aliases        other names the organisation is known by ({@code LNV}), which sign-ins and requests may use
 */
@Revision("1")
public record OrganisationRegisteredEvent(
        String organisationId, String displayName, List<String> aliases, String reason) {

    public OrganisationRegisteredEvent {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
