package nl.actionledger.query.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
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

    static final String ENTRY = "query_model.audit_entry";
    static final String[] ENTRY_ROW = {
        "event_id",
        "global_index",
        "aggregate_id",
        "plan_id",
        "action_id",
        "sequence_number",
        "event_type",
        "occurred_at",
        "actor",
        "actor_name",
        "reason",
        "correlation_id"
    };
    static final String CHANGE = "query_model.audit_change";
    static final String[] CHANGE_ROW = {"global_index", "position", "field", "before_value", "after_value"};

    private final JdbcTemplate jdbc;
    private final EventPositions positions;

    AuditTrailWriter(JdbcTemplate jdbc, EventPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    void write(List<PendingEntry> entries) {
        Map<String, Long> globalIndexes = positions.globalIndexesOf(
                entries.stream().map(PendingEntry::stored).toList());
        List<Object[]> entryRows = new ArrayList<>(entries.size());
        List<Object[]> changeRows = new ArrayList<>();
        for (PendingEntry entry : entries) {
            long globalIndex = globalIndexes.get(entry.eventId());
            entryRows.add(entryRow(entry, globalIndex));
            changeRows.addAll(changeRows(entry, globalIndex));
        }
        jdbc.batchUpdate(insert(ENTRY, ENTRY_ROW, "global_index"), entryRows);
        jdbc.batchUpdate(insert(CHANGE, CHANGE_ROW, "global_index, position"), changeRows);
    }

    /** The values of an entry's {@code audit_entry} row, in the order of {@link #ENTRY_ROW}. */
    static Object[] entryRow(PendingEntry entry, long globalIndex) {
        return new Object[] {
            entry.eventId(),
            globalIndex,
            entry.aggregateId(),
            entry.planId(),
            entry.actionId(),
            entry.sequenceNumber(),
            entry.eventType(),
            Timestamp.from(entry.occurredAt()),
            entry.actor(),
            entry.actorName(),
            entry.reason(),
            entry.correlationId()
        };
    }

    /** The values of an entry's {@code audit_change} rows, each in the order of {@link #CHANGE_ROW}. */
    static List<Object[]> changeRows(PendingEntry entry, long globalIndex) {
        List<FieldChange> changes = entry.changes();
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (int position = 0; position < changes.size(); position++) {
            FieldChange change = changes.get(position);
            rows.add(new Object[] {globalIndex, position, change.field(), change.before(), change.after()});
        }
        return rows;
    }

    /** Entries already there (a redelivered batch) are left as they are: an event's entry never changes. */
    private static String insert(String table, String[] columns, String key) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.length, "?")) + ") ON CONFLICT (" + key
                + ") DO NOTHING";
    }

    void clear() {
        jdbc.update("TRUNCATE query_model.audit_change, query_model.audit_entry");
    }
}
