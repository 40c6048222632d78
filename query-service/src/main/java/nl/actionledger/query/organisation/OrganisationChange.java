package nl.actionledger.query.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.actionledger.events.OrganisationChangedEvent;
import nl.actionledger.events.OrganisationRegisteredEvent;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * What one organisation event says, as the projection keeps it until its batch is written. The one place that says
 * so: the projection's handler and the bulk rebuild both start here.
 */
record OrganisationChange(
        String organisationId, String displayName, List<String> aliases, long version, Instant at, boolean registers) {

    /** Empty for an event that is not about an organisation. */
    static Optional<OrganisationChange> of(DomainEventMessage<?> message) {
        Object event = message.getPayload();
        if (event instanceof OrganisationRegisteredEvent registered) {
            return Optional.of(new OrganisationChange(
                    registered.organisationId(),
                    registered.displayName(),
                    registered.aliases(),
                    message.getSequenceNumber(),
                    message.getTimestamp(),
                    true));
        }
        if (event instanceof OrganisationChangedEvent changed) {
            return Optional.of(new OrganisationChange(
                    changed.organisationId(),
                    changed.displayName(),
                    changed.aliases(),
                    message.getSequenceNumber(),
                    message.getTimestamp(),
                    false));
        }
        return Optional.empty();
    }
}
