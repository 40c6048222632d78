package nl.actionledger.query.audit;

import java.time.Instant;
import java.util.List;

/** One event of the audit trail as auditors see it. */
public record AuditEntryView(
        String eventId,
        long position,
        String planId,
        String actionId,
        long version,
        String type,
        Instant occurredAt,
        String actor,
        String reason,
        String correlationId,
        List<FieldChange> changes) {
}
