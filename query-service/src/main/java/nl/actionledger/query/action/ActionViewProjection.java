package nl.actionledger.query.action;

import nl.actionledger.query.EventBatch;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code action_view} at the state of each action's last event, a batch of events at a time (see
 * {@link EventBatch}; what each event does is {@link RowChange#of}). Idempotent: an event whose sequence number the
 * row already reflects is skipped, so redelivery after a crash changes nothing.
 */
@Component
@ProcessingGroup(Projection.PROCESSOR)
class ActionViewProjection {

    private final ActionViewWriter writer;

    ActionViewProjection(ActionViewWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        RowChange.of(message)
                .ifPresent(change -> EventBatch.<RowChange>current(Projection.ACTION_VIEWS, writer::write)
                        .add(change));
    }

    @ResetHandler
    void reset(Rebuild rebuild) {
        if (rebuild.includes(Projection.ACTION_VIEWS)) {
            writer.clear();
        }
    }
}
