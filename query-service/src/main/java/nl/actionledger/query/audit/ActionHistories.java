package nl.actionledger.query.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One action's audit trail, a page at a time, newest first. A busy action has thousands of entries; a page is one
 * range of the unique index on (aggregate_id, sequence_number), read backwards, joined with its field changes, so
 * its cost does not grow with the action's history.
 */
@Repository
class ActionHistories {

    private final JdbcClient jdbc;

    ActionHistories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param before only entries with a lower version (exclusive keyset); {@code null} for the newest
     * @return up to {@code size} entries, each with its field changes in order, and whether older ones exist
     */
    Slice page(String aggregateId, Long before, int size) {
        List<AuditEntryView> entries = new ArrayList<>();
        // One more than asked, to know whether there is a next page without counting.
        jdbc.sql("""
                        SELECT e.event_id, e.global_index, e.plan_id, e.action_id, e.sequence_number, e.event_type,
                               e.occurred_at, e.actor, e.reason, e.correlation_id,
                               c.field, c.before_value, c.after_value
                        FROM (SELECT * FROM query_model.audit_entry
                              WHERE aggregate_id = :aggregateId AND sequence_number < :before
                              ORDER BY sequence_number DESC LIMIT :limit) e
                        LEFT JOIN query_model.audit_change c ON c.event_id = e.event_id
                        ORDER BY e.sequence_number DESC, c.position""")
                .param("aggregateId", aggregateId)
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", size + 1)
                .query(rs -> {
                    String eventId = rs.getString("event_id");
                    AuditEntryView last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
                    if (last == null || !last.eventId().equals(eventId)) {
                        last = new AuditEntryView(eventId, rs.getLong("global_index"), rs.getString("plan_id"),
                                rs.getString("action_id"), rs.getLong("sequence_number"), rs.getString("event_type"),
                                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                                rs.getString("reason"), rs.getString("correlation_id"), new ArrayList<>());
                        entries.add(last);
                    }
                    if (rs.getString("field") != null) {
                        last.changes().add(new FieldChange(rs.getString("field"), rs.getString("before_value"),
                                rs.getString("after_value")));
                    }
                });
        boolean more = entries.size() > size;
        return new Slice(more ? List.copyOf(entries.subList(0, size)) : List.copyOf(entries), more);
    }

    boolean exists(String aggregateId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM query_model.audit_entry WHERE aggregate_id = ?)")
                .param(aggregateId).query(Boolean.class).single();
    }

    /** @param more whether entries older than the last of these exist */
    record Slice(List<AuditEntryView> entries, boolean more) {
    }
}
