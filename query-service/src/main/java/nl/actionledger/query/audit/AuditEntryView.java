package nl.actionledger.query.audit;

import java.time.Instant;
import java.util.List;

/**
 * One event of the audit trail as auditors see it.
 *
 * @param actor     who made the change: the stable id the sign-in gave (a token's subject, a configured user name)
 * @param actorName the actor's display name at the time, {@code null} when the sign-in gave none (configured users,
 *                  events recorded before names were)
 */
record AuditEntryView(
        String eventId,
        long position,
        String planId,
        String actionId,
        long version,
        String type,
        Instant occurredAt,
        String actor,
        String actorName,
        String reason,
        String correlationId,
        List<FieldChange> changes) {
}
