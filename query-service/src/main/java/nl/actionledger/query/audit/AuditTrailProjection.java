package nl.actionledger.query.audit;

import java.util.List;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.query.EventBatch;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import nl.actionledger.query.EventNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Appends one {@code audit_entry} per event, a batch of events at a time (see {@link EventBatch}). Idempotent by
 * the event's position (global index), so a redelivered batch adds nothing.
 * The fallback handler gives events of types added later an entry too, so the trail never has holes.
 */
@Component
@ProcessingGroup(Projection.PROCESSOR)
class AuditTrailProjection {

    private final AuditTrailWriter writer;

    AuditTrailProjection(AuditTrailWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(ActionRegisteredEvent event, DomainEventMessage<?> message) {
        record(message, event.action(), "Registered from " + event.source(), AuditChanges.of(event));
    }

    @EventHandler
    void on(ActionStatusChangedEvent event, DomainEventMessage<?> message) {
        record(message, event.action(), event.reason(), AuditChanges.of(event));
    }

    @EventHandler
    void on(ActionReopenedEvent event, DomainEventMessage<?> message) {
        record(message, event.action(), event.reason(), AuditChanges.of(event));
    }

    @EventHandler
    void on(ActionReassignedEvent event, DomainEventMessage<?> message) {
        record(message, event.action(), event.reason(), AuditChanges.of(event));
    }

    @EventHandler
    void on(ActionTimeframeRevisedEvent event, DomainEventMessage<?> message) {
        record(message, event.action(), event.reason(), AuditChanges.of(event));
    }

    @EventHandler
    void onUnknown(Object event, DomainEventMessage<?> message) {
        String[] parts = message.getAggregateIdentifier().split("/", 2);
        ActionRef action = ActionRef.of(parts[0], parts.length > 1 ? parts[1] : "");
        record(message, action, null, List.of());
    }

    @ResetHandler
    void reset(Rebuild rebuild) {
        if (rebuild.includes(Projection.AUDIT_TRAIL)) {
            writer.clear();
        }
    }

    private void record(DomainEventMessage<?> message, ActionRef action, String reason,
                        List<FieldChange> changes) {
        EventBatch.<PendingEntry>current(Projection.AUDIT_TRAIL, writer::write).add(new PendingEntry(message.getIdentifier(),
                message.getAggregateIdentifier(), action.planId(), action.actionId(), message.getSequenceNumber(),
                EventNames.of(message), message.getTimestamp(), metadata(message, EventMetadataKeys.ACTOR),
                metadata(message, EventMetadataKeys.ACTOR_NAME), reason,
                metadata(message, EventMetadataKeys.CORRELATION_ID), List.copyOf(changes)));
    }

    private static String metadata(DomainEventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
