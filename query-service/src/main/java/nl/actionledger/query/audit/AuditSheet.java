package nl.actionledger.query.audit;

import java.util.List;
import nl.actionledger.query.sheets.Csv;

/**
 * Audit entries as CSV: one row per changed field, the entry's columns repeated on each, so that a spreadsheet can
 * filter and sort by any of them; an entry that changed no field (a registration) is one row without a field.
 */
final class AuditSheet {

    static final List<String> HEADER = List.of(
            "position",
            "occurred_at",
            "plan_id",
            "action_id",
            "version",
            "type",
            "actor",
            "actor_name",
            "reason",
            "correlation_id",
            "field",
            "before",
            "after",
            "event_id");

    private AuditSheet() {}

    static byte[] csv(List<AuditEntryView> entries) {
        Csv csv = Csv.withHeader(HEADER);
        for (AuditEntryView entry : entries) {
            if (entry.changes().isEmpty()) {
                csv.row(
                        entry.position(),
                        entry.occurredAt(),
                        entry.planId(),
                        entry.actionId(),
                        entry.version(),
                        entry.type(),
                        entry.actor(),
                        entry.actorName(),
                        entry.reason(),
                        entry.correlationId(),
                        null,
                        null,
                        null,
                        entry.eventId());
            }
            for (FieldChange change : entry.changes()) {
                csv.row(
                        entry.position(),
                        entry.occurredAt(),
                        entry.planId(),
                        entry.actionId(),
                        entry.version(),
                        entry.type(),
                        entry.actor(),
                        entry.actorName(),
                        entry.reason(),
                        entry.correlationId(),
                        change.field(),
                        change.before(),
                        change.after(),
                        entry.eventId());
            }
        }
        return csv.bytes();
    }
}
