package nl.actionledger.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The global indexes of events. The tracking token a handler receives does not give them: when concurrent commits leave
 * a gap and a later event fills it, that event's token still stands at the highest index seen so far, so two events
 * would share one "position". The storage engine reads each event's index from its row and records it here
 * ({@link #recordRead}) just before the processor hands the event on, so a batch's projections find their events'
 * indexes without asking the database again; an event no longer among the recently read (a processor far behind the
 * reading, which stays within one fetch of 1,000 events) is looked up in the event table, one indexed query per batch,
 * shared by the batch's projections (kept with its unit of work).
 */
@Component
public class EventPositions {

    private static final String KNOWN = EventPositions.class.getName();
    /** Several fetches of every segment's reader: far more than is read ahead of the handlers. */
    private static final int RECENTLY_READ = 50_000;

    private final JdbcClient jdbc;
    private final Cache<String, Long> recentlyRead =
            Caffeine.newBuilder().maximumSize(RECENTLY_READ).build();

    EventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The global index of an event as read from its row, by the reader that hands it to the processor. */
    public void recordRead(String eventIdentifier, long globalIndex) {
        recentlyRead.put(eventIdentifier, globalIndex);
    }

    /**
     * @return the global index of each event, by event identifier
     * @throws IllegalStateException when one of them is not in the event table
     */
    public Map<String, Long> globalIndexesOf(Collection<StoredEvent> events) {
        Map<String, Long> known = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(KNOWN, key -> new HashMap<>())
                : new HashMap<>();
        Map<String, StoredEvent> wanted = new HashMap<>();
        for (StoredEvent event : events) {
            wanted.put(event.eventId(), event);
            Long read = recentlyRead.getIfPresent(event.eventId());
            if (read != null) {
                known.putIfAbsent(event.eventId(), read);
            }
        }
        List<StoredEvent> missing = wanted.values().stream()
                .filter(event -> !known.containsKey(event.eventId()))
                .toList();
        if (!missing.isEmpty()) {
            // By the key of the event table that is unique (its random identifiers have no index of their own); the
            // identifier read back must be the event's own.
            jdbc.sql("""
                            SELECT e.event_identifier, e.global_index FROM event_store.domain_event_entry e
                            JOIN unnest(?::text[], ?::bigint[]) AS wanted (aggregate_identifier, sequence_number)
                              ON e.aggregate_identifier = wanted.aggregate_identifier
                             AND e.sequence_number = wanted.sequence_number""")
                    .params(
                            missing.stream().map(StoredEvent::aggregateId).toArray(String[]::new),
                            missing.stream().map(StoredEvent::sequenceNumber).toArray(Long[]::new))
                    .query(rs -> {
                        if (wanted.containsKey(rs.getString(1))) {
                            known.put(rs.getString(1), rs.getLong(2));
                        }
                    });
        }
        if (!known.keySet().containsAll(wanted.keySet())) {
            throw new IllegalStateException("Events handed to a projection are missing from the event table: "
                    + wanted.keySet().stream()
                            .filter(id -> !known.containsKey(id))
                            .limit(5)
                            .toList());
        }
        return wanted.keySet().stream().collect(Collectors.toMap(id -> id, known::get));
    }

    /** An event as a projection has it: its identifier, and the action (or other aggregate) and version it belongs to. */
    public record StoredEvent(String eventId, String aggregateId, long sequenceNumber) {}
}
