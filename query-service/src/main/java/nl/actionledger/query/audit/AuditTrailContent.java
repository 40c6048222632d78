package nl.actionledger.query.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.actionledger.query.rebuild.EventTableReader;
import nl.actionledger.query.rebuild.StoredEvent;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares what the audit trail says with what the events say: for every event in a range, its entry must carry the
 * event's type, time, actor, reason, correlation id and field changes exactly as the projection derives them from the
 * event ({@link EntryFromEvent}). An entry edited in {@code query_model} (a changed reason, actor or "before") differs.
 * Events are read a chunk at a time, each chunk its own short queries, by the reader a rebuild in bulk reads them with:
 * the same serializer and upcasters as the projections, without the storage engine's gap tracking per event or its
 * general time-stamp parser, which were about a third of this check's cost.
 */
@Component
class AuditTrailContent {

    private static final Logger log = LoggerFactory.getLogger(AuditTrailContent.class);

    static final int CHUNK = 1_000;

    private final EventTableReader events;
    private final JdbcClient jdbc;

    AuditTrailContent(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer eventSerializer, Configuration axon) {
        this.events = new EventTableReader(jdbc, eventSerializer, axon.upcasterChain());
        this.jdbc = jdbc;
    }

    /**
     * @return the positions of entries whose content differs from their event, after {@code after} up to {@code upTo},
     *         at most {@code limit}; an event without an entry is the count check's business and is not listed here
     */
    List<Long> differing(long after, long upTo, int limit) {
        List<Long> differing = new ArrayList<>();
        long position = after;
        while (position < upTo && differing.size() < limit) {
            EventTableReader.Page page = events.read(position, upTo, List.of(), CHUNK);
            if (page.positions().length == 0) {
                break;
            }
            differing.addAll(compare(page.events()));
            position = page.positions()[page.positions().length - 1];
        }
        return differing.stream().limit(limit).toList();
    }

    private List<Long> compare(List<StoredEvent> chunk) {
        if (chunk.isEmpty()) {
            return List.of();
        }
        Long[] positions = chunk.stream().map(StoredEvent::globalIndex).toArray(Long[]::new);
        Map<Long, PendingEntry> stored = stored(positions);
        List<Long> differing = new ArrayList<>();
        for (StoredEvent event : chunk) {
            PendingEntry entry = stored.get(event.globalIndex());
            if (entry != null) {
                PendingEntry fromEvent = EntryFromEvent.of(event.message());
                if (!entry.equals(fromEvent)) {
                    log.warn(
                            "The audit entry at position {} differs from its event in {}",
                            event.globalIndex(),
                            entry.differencesFrom(fromEvent));
                    differing.add(event.globalIndex());
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
}
