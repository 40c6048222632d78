package nl.actionledger.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(example = "6b0d3c1e-8f5a-4c2b-9e7d-2a1f0c4b5d6e")
        String eventId,

        @Schema(example = "1496") long position,
        @Schema(example = "eu-wap-nl") String planId,
        @Schema(example = "28") String actionId,
        @Schema(example = "2") long version,
        @Schema(example = "ActionStatusChanged") String type,
        @Schema(example = "2026-11-20T14:03:12.418Z") Instant occurredAt,
        @Schema(example = "coordinator") String actor,
        String actorName,

        @Schema(example = "Kick-off held with the NVWA and the Douane.")
        String reason,

        @Schema(example = "monitoring-2026-q4") String correlationId,
        List<FieldChange> changes) {}
