package nl.actionledger.query.audit;

import java.time.Instant;
import java.util.List;

/** An audit entry as a handler makes it, before its batch is written; the global index is looked up then. */
record PendingEntry(String eventId, String aggregateId, String planId, String actionId, long sequenceNumber,
                    String eventType, Instant occurredAt, String actor, String actorName, String reason,
                    String correlationId,
                    List<FieldChange> changes) {
}
