package nl.actionledger.query.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One action's whole audit trail, read in a single query: a busy action has thousands of entries, and loading them as
 * entities with their changes took a query per hundred entries and most of the time.
 */
@Repository
class ActionHistories {

    private final JdbcClient jdbc;

    ActionHistories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every entry of the action, oldest first, each with its field changes in order. */
    List<AuditEntryView> of(String aggregateId) {
        List<AuditEntryView> history = new ArrayList<>();
        jdbc.sql("""
                        SELECT e.event_id, e.global_index, e.plan_id, e.action_id, e.sequence_number, e.event_type,
                               e.occurred_at, e.actor, e.reason, e.correlation_id,
                               c.field, c.before_value, c.after_value
                        FROM query_model.audit_entry e
                        LEFT JOIN query_model.audit_change c ON c.event_id = e.event_id
                        WHERE e.aggregate_id = ?
                        ORDER BY e.sequence_number, c.position""")
                .param(aggregateId)
                .query(rs -> {
                    String eventId = rs.getString("event_id");
                    AuditEntryView last = history.isEmpty() ? null : history.get(history.size() - 1);
                    if (last == null || !last.eventId().equals(eventId)) {
                        last = new AuditEntryView(eventId, rs.getLong("global_index"), rs.getString("plan_id"),
                                rs.getString("action_id"), rs.getLong("sequence_number"), rs.getString("event_type"),
                                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                                rs.getString("reason"), rs.getString("correlation_id"), new ArrayList<>());
                        history.add(last);
                    }
                    if (rs.getString("field") != null) {
                        last.changes().add(new FieldChange(rs.getString("field"), rs.getString("before_value"),
                                rs.getString("after_value")));
                    }
                });
        return history;
    }
}
