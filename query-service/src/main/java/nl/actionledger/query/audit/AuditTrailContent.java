package nl.actionledger.query.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares what the audit trail says with what the events say: for every event in a range, its entry must carry the
 * event's type, time, actor, reason, correlation id and field changes exactly as the projection derives them from the
 * event ({@link EntryFromEvent}). An entry edited in {@code query_model} (a changed reason, actor or "before") differs.
 * Events are read a chunk at a time, each chunk its own short queries, as the chain verification reads them.
 */
@Component
class AuditTrailContent {

    private static final Logger log = LoggerFactory.getLogger(AuditTrailContent.class);

    static final int CHUNK = 1_000;

    private final EventStorageEngine events;
    private final JdbcClient jdbc;

    AuditTrailContent(EventStorageEngine events, JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * @return the positions of entries whose content differs from their event, after {@code after} up to {@code upTo},
     *         at most {@code limit}; an event without an entry is the count check's business and is not listed here
     */
    List<Long> differing(long after, long upTo, int limit) {
        List<Long> differing = new ArrayList<>();
        List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
        try (Stream<? extends TrackedEventMessage<?>> stream =
                events.readEvents(GapAwareTrackingToken.newInstance(after, Set.of()), false)) {
            var iterator = stream.iterator();
            while (iterator.hasNext() && differing.size() < limit) {
                TrackedEventMessage<?> event = iterator.next();
                if (position(event) > upTo) {
                    break;
                }
                chunk.add(event);
                if (chunk.size() == CHUNK) {
                    differing.addAll(compare(chunk));
                    chunk.clear();
                }
            }
        }
        differing.addAll(compare(chunk));
        return differing.stream().limit(limit).toList();
    }

    private List<Long> compare(List<TrackedEventMessage<?>> chunk) {
        if (chunk.isEmpty()) {
            return List.of();
        }
        Long[] positions = chunk.stream().map(AuditTrailContent::position).toArray(Long[]::new);
        Map<Long, PendingEntry> stored = stored(positions);
        List<Long> differing = new ArrayList<>();
        for (TrackedEventMessage<?> event : chunk) {
            PendingEntry entry = stored.get(position(event));
            if (event instanceof DomainEventMessage<?> domainEvent && entry != null) {
                PendingEntry fromEvent = EntryFromEvent.of(domainEvent);
                if (!entry.equals(fromEvent)) {
                    log.warn(
                            "The audit entry at position {} differs from its event in {}",
                            position(event),
                            entry.differencesFrom(fromEvent));
                    differing.add(position(event));
                }
            }
        }
        return differing;
    }

    private Map<Long, PendingEntry> stored(Long[] positions) {
        Map<Long, List<FieldChange>> changes = new HashMap<>();
        jdbc.sql("""
                        SELECT global_index, field, before_value, after_value FROM query_model.audit_change
                        WHERE global_index = ANY(?) ORDER BY global_index, position""").param(positions).query(rs -> {
            changes.computeIfAbsent(rs.getLong(1), key -> new ArrayList<>())
                    .add(new FieldChange(rs.getString(2), rs.getString(3), rs.getString(4)));
        });
        Map<Long, PendingEntry> entries = new HashMap<>();
        jdbc.sql("""
                        SELECT global_index, event_id, aggregate_id, plan_id, action_id, sequence_number, event_type,
                               occurred_at, actor, actor_name, reason, correlation_id
                        FROM query_model.audit_entry WHERE global_index = ANY(?)""").param(positions).query(rs -> {
            long position = rs.getLong("global_index");
            Timestamp occurredAt = rs.getTimestamp("occurred_at");
            entries.put(
                    position,
                    new PendingEntry(
                            rs.getString("event_id"),
                            rs.getString("aggregate_id"),
                            rs.getString("plan_id"),
                            rs.getString("action_id"),
                            rs.getLong("sequence_number"),
                            rs.getString("event_type"),
                            occurredAt == null ? null : occurredAt.toInstant(),
                            rs.getString("actor"),
                            rs.getString("actor_name"),
                            rs.getString("reason"),
                            rs.getString("correlation_id"),
                            List.copyOf(changes.getOrDefault(position, List.of()))));
        });
        return entries;
    }

    /** Read in order from the event table, an event's token stands at its own global index. */
    private static long position(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }
}
