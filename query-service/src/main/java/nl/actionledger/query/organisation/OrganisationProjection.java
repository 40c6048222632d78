package nl.actionledger.query.organisation;

import java.time.Instant;
import nl.actionledger.events.OrganisationChangedEvent;
import nl.actionledger.events.OrganisationRegisteredEvent;
import nl.actionledger.query.EventBatch;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code organisation} at the state of each organisation's last event, a batch at a time ({@link EventBatch}),
 * fed by the one processor like every projection here. Idempotent by version.
 */
@Component
@ProcessingGroup(Projection.PROCESSOR)
class OrganisationProjection {

    private final Organisations organisations;

    OrganisationProjection(Organisations organisations) {
        this.organisations = organisations;
    }

    @EventHandler
    void on(OrganisationRegisteredEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        record(new OrganisationChange(event.organisationId(), event.displayName(), event.aliases(), sequenceNumber, at, true));
    }

    @EventHandler
    void on(OrganisationChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        record(new OrganisationChange(event.organisationId(), event.displayName(), event.aliases(), sequenceNumber, at,
                false));
    }

    @ResetHandler
    void reset(Rebuild rebuild) {
        if (rebuild.includes(Projection.ORGANISATIONS)) {
            organisations.clear();
        }
    }

    private void record(OrganisationChange change) {
        EventBatch.<OrganisationChange>current(Projection.ORGANISATIONS, organisations::write).add(change);
    }
}
