package nl.actionledger.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/** An organisation of the list got another display name or other aliases; its id never changes. */
@Revision("1")
public record OrganisationChangedEvent(
        String organisationId,
        String previousDisplayName,
        List<String> previousAliases,
        String displayName,
        List<String> aliases,
        String reason) {

    public OrganisationChangedEvent {
        previousAliases = previousAliases == null ? List.of() : List.copyOf(previousAliases);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
