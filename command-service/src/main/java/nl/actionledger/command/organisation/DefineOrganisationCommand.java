package nl.actionledger.command.organisation;

import java.util.List;
import nl.actionledger.events.OrganisationIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put an organisation on the list, or give a listed one another display name or aliases.
 *
 * @param aliases already checked: well-formed, each once, none another organisation's
 */
public record DefineOrganisationCommand(
        String organisationId, String displayName, List<String> aliases, String reason) {

    public DefineOrganisationCommand {
        aliases = List.copyOf(aliases);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OrganisationIds.aggregateId(organisationId);
    }
}
