package nl.actionledger.query.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.actionledger.query.person.Contacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit trail as auditors read it: one action's entries a page at a time, and a search across the plan. Each page
 * is one indexed range of {@code audit_entry} joined with its field changes.
 */
@Repository
class AuditEntries {

    private static final String ENTRY_WITH_CHANGES = """
            SELECT e.event_id, e.global_index, e.plan_id, e.action_id, e.sequence_number, e.event_type,
                   e.occurred_at, e.actor, e.actor_name, e.reason, e.correlation_id, c.field, c.before_value, c.after_value
            FROM (%s) e
            LEFT JOIN query_model.audit_change c ON c.global_index = e.global_index
            ORDER BY %s, c.position""";

    private final JdbcClient jdbc;
    private final Contacts contacts;

    AuditEntries(JdbcClient jdbc, Contacts contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    /**
     * One action's entries, newest first. A busy action has thousands of entries; a page is one range of the unique
     * index on (aggregate_id, sequence_number), read backwards, so its cost does not grow with the action's history.
     *
     * @param before only entries with a lower version (exclusive keyset); {@code null} for the newest
     * @return up to {@code size} entries, each with its field changes in order, and whether older ones exist
     */
    Slice page(String aggregateId, Long before, int size) {
        // One more than asked, to know whether there is a next page without counting.
        List<AuditEntryView> entries = withChanges(
                """
                        SELECT * FROM query_model.audit_entry
                        WHERE aggregate_id = :aggregateId AND sequence_number < :before
                        ORDER BY sequence_number DESC LIMIT :limit""",
                "e.sequence_number DESC",
                Map.of(
                        "aggregateId",
                        aggregateId,
                        "before",
                        before == null ? Long.MAX_VALUE : before,
                        "limit",
                        size + 1));
        boolean more = entries.size() > size;
        return new Slice(more ? List.copyOf(entries.subList(0, size)) : entries, more);
    }

    /**
     * The entries that match, newest (highest position) first. A page is a range of positions read backwards from
     * {@code before} (on the primary key, or the index on actor or plan and position), so a late page costs what the
     * first does; nothing counts every matching entry.
     *
     * @param before only entries at a lower position (exclusive keyset); {@code null} for the newest
     * @return up to {@code size} entries, each with its field changes in order, and whether older ones match
     */
    Slice search(Criteria criteria, Long before, int size) {
        List<String> conditions = new ArrayList<>(List.of("global_index < :before"));
        Map<String, Object> params = new HashMap<>();
        params.put("before", before == null ? Long.MAX_VALUE : before);
        params.put("limit", size + 1);
        if (criteria.actor() != null && !criteria.actor().isBlank()) {
            conditions.add("actor = :actor");
            params.put("actor", criteria.actor());
        }
        if (criteria.from() != null) {
            conditions.add("occurred_at > :from");
            params.put("from", Timestamp.from(criteria.from()));
        }
        if (criteria.to() != null) {
            conditions.add("occurred_at <= :to");
            params.put("to", Timestamp.from(criteria.to()));
        }
        if (criteria.planId() != null && !criteria.planId().isBlank()) {
            conditions.add("plan_id = :planId");
            params.put("planId", criteria.planId());
        }
        if (criteria.actionId() != null && !criteria.actionId().isBlank()) {
            conditions.add("action_id = :actionId");
            params.put("actionId", criteria.actionId());
        }
        // One more than asked, to know whether there is a next page without counting.
        List<AuditEntryView> entries = withChanges(
                "SELECT * FROM query_model.audit_entry WHERE " + String.join(" AND ", conditions)
                        + " ORDER BY global_index DESC LIMIT :limit",
                "e.global_index DESC",
                params);
        boolean more = entries.size() > size;
        return new Slice(more ? List.copyOf(entries.subList(0, size)) : entries, more);
    }

    boolean actionExists(String aggregateId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM query_model.audit_entry WHERE aggregate_id = ?)")
                .param(aggregateId)
                .query(Boolean.class)
                .single();
    }

    boolean planExists(String planId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM query_model.audit_entry WHERE plan_id = ?)")
                .param(planId)
                .query(Boolean.class)
                .single();
    }

    /** The entries {@code entriesQuery} selects, in {@code order}, each with its field changes in order. */
    private List<AuditEntryView> withChanges(String entriesQuery, String order, Map<String, Object> params) {
        List<AuditEntryView> entries = new ArrayList<>();
        jdbc.sql(ENTRY_WITH_CHANGES.formatted(entriesQuery, order))
                .params(params)
                .query(rs -> {
                    String eventId = rs.getString("event_id");
                    AuditEntryView last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
                    if (last == null || !last.eventId().equals(eventId)) {
                        last = new AuditEntryView(
                                eventId,
                                rs.getLong("global_index"),
                                rs.getString("plan_id"),
                                rs.getString("action_id"),
                                rs.getLong("sequence_number"),
                                rs.getString("event_type"),
                                rs.getTimestamp("occurred_at").toInstant(),
                                rs.getString("actor"),
                                rs.getString("actor_name"),
                                rs.getString("reason"),
                                rs.getString("correlation_id"),
                                new ArrayList<>());
                        entries.add(last);
                    }
                    if (rs.getString("field") != null) {
                        last.changes()
                                .add(new FieldChange(
                                        rs.getString("field"),
                                        rs.getString("before_value"),
                                        rs.getString("after_value")));
                    }
                });
        return opened(entries);
    }

    /**
     * The contacts' before and after values opened: the name, or {@value Contacts#ERASED} for an erased person. The
     * stored values stay sealed, so the audit trail's content check compares them as the projection wrote them.
     */
    private List<AuditEntryView> opened(List<AuditEntryView> entries) {
        List<String> stored = new ArrayList<>();
        entries.forEach(entry -> entry.changes().stream()
                .filter(change -> change.field().equals("contact"))
                .forEach(change -> {
                    stored.add(change.before());
                    stored.add(change.after());
                }));
        if (stored.isEmpty()) {
            return List.copyOf(entries);
        }
        Contacts.Revealer revealer = contacts.revealer(stored);
        return entries.stream()
                .map(entry -> new AuditEntryView(
                        entry.eventId(),
                        entry.position(),
                        entry.planId(),
                        entry.actionId(),
                        entry.version(),
                        entry.type(),
                        entry.occurredAt(),
                        entry.actor(),
                        entry.actorName(),
                        entry.reason(),
                        entry.correlationId(),
                        entry.changes().stream()
                                .map(change -> change.field().equals("contact")
                                        ? new FieldChange(
                                                "contact",
                                                revealer.text(change.before()),
                                                revealer.text(change.after()))
                                        : change)
                                .toList()))
                .toList();
    }

    /**
     * What an audit search filters on; a criterion left out matches every entry. The period is the one every endpoint
     * uses ({@link nl.actionledger.query.time.Period}): after {@code from}, up to and including {@code to}.
     */
    record Criteria(String actor, Instant from, Instant to, String planId, String actionId) {}

    /** @param more whether entries older than the last of these exist (and match) */
    record Slice(List<AuditEntryView> entries, boolean more) {}
}
