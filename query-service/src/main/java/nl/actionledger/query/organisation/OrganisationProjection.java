package nl.actionledger.query.organisation;

import nl.actionledger.query.EventBatch;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
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
    void on(Object event, DomainEventMessage<?> message) {
        OrganisationChange.of(message)
                .ifPresent(
                        change -> EventBatch.<OrganisationChange>current(Projection.ORGANISATIONS, organisations::write)
                                .add(change));
    }

    @ResetHandler
    void reset(Rebuild rebuild) {
        if (rebuild.includes(Projection.ORGANISATIONS)) {
            organisations.clear();
        }
    }
}
