package nl.actionledger.query.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.actionledger.query.EventPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes a batch of audit entries in two batched statements. Entries already there (a redelivered batch) are left as
 * they are: an event's entry never changes.
 */
@Repository
class AuditTrailWriter {

    private final JdbcTemplate jdbc;
    private final EventPositions positions;

    AuditTrailWriter(JdbcTemplate jdbc, EventPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    void write(List<PendingEntry> entries) {
        Map<String, Long> globalIndexes = positions.globalIndexesOf(entries.stream().map(PendingEntry::eventId).toList());
        List<Object[]> entryRows = new ArrayList<>(entries.size());
        List<Object[]> changeRows = new ArrayList<>();
        for (PendingEntry entry : entries) {
            entryRows.add(new Object[] {entry.eventId(), globalIndexes.get(entry.eventId()), entry.aggregateId(),
                    entry.planId(), entry.actionId(), entry.sequenceNumber(), entry.eventType(),
                    Timestamp.from(entry.occurredAt()), entry.actor(), entry.actorName(), entry.reason(), entry.correlationId()});
            List<FieldChange> changes = entry.changes();
            for (int position = 0; position < changes.size(); position++) {
                FieldChange change = changes.get(position);
                changeRows.add(new Object[] {globalIndexes.get(entry.eventId()), position, change.field(), change.before(),
                        change.after()});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO query_model.audit_entry (event_id, global_index, aggregate_id, plan_id, action_id,
                    sequence_number, event_type, occurred_at, actor, actor_name, reason, correlation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (global_index) DO NOTHING""", entryRows);
        jdbc.batchUpdate("""
                INSERT INTO query_model.audit_change (global_index, position, field, before_value, after_value)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (global_index, position) DO NOTHING""", changeRows);
    }

    void clear() {
        jdbc.update("TRUNCATE query_model.audit_change, query_model.audit_entry");
    }
}
