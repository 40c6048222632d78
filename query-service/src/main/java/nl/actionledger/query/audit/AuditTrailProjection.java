package nl.actionledger.query.audit;

import nl.actionledger.query.EventBatch;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Appends one {@code audit_entry} per event, a batch of events at a time (see {@link EventBatch}). Idempotent by
 * the event's position (global index), so a redelivered batch adds nothing.
 * Every event gets an entry, whatever its type ({@link EntryFromEvent}), so the trail never has holes.
 */
@Component
@ProcessingGroup(Projection.PROCESSOR)
class AuditTrailProjection {

    private final AuditTrailWriter writer;

    AuditTrailProjection(AuditTrailWriter writer) {
        this.writer = writer;
    }

    /** Every event, of whatever type: see {@link EntryFromEvent}. */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        EventBatch.<PendingEntry>current(Projection.AUDIT_TRAIL, writer::write).add(EntryFromEvent.of(message));
    }

    @ResetHandler
    void reset(Rebuild rebuild) {
        if (rebuild.includes(Projection.AUDIT_TRAIL)) {
            writer.clear();
        }
    }
}
