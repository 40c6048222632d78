package nl.actionledger.query.audit;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.actionledger.query.EventPositions;

/** An audit entry as a handler makes it, before its batch is written; the global index is looked up then. */
record PendingEntry(
        String eventId,
        String aggregateId,
        String planId,
        String actionId,
        long sequenceNumber,
        String eventType,
        Instant occurredAt,
        String actor,
        String actorName,
        String reason,
        String correlationId,
        List<FieldChange> changes) {

    EventPositions.StoredEvent stored() {
        return new EventPositions.StoredEvent(eventId, aggregateId, sequenceNumber);
    }

    /**
     * The names of the components in which this entry and {@code other} differ: what an operator needs to see which
     * part of an entry was changed, without the values (reasons and contacts) in the log.
     */
    List<String> differencesFrom(PendingEntry other) {
        List<String> differences = new ArrayList<>();
        for (RecordComponent component : PendingEntry.class.getRecordComponents()) {
            try {
                if (!Objects.equals(
                        component.getAccessor().invoke(this),
                        component.getAccessor().invoke(other))) {
                    differences.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return differences;
    }
}
