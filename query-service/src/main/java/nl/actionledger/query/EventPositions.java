package nl.actionledger.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
    private final Cache<String, Long> recentlyRead = Caffeine.newBuilder().maximumSize(RECENTLY_READ).build();

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
    public Map<String, Long> globalIndexesOf(Collection<String> eventIdentifiers) {
        Map<String, Long> known = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(KNOWN, key -> new HashMap<>()) : new HashMap<>();
        Set<String> wanted = Set.copyOf(eventIdentifiers);
        for (String id : wanted) {
            Long read = recentlyRead.getIfPresent(id);
            if (read != null) {
                known.putIfAbsent(id, read);
            }
        }
        String[] missing = wanted.stream().filter(id -> !known.containsKey(id)).toArray(String[]::new);
        if (missing.length > 0) {
            jdbc.sql("SELECT event_identifier, global_index FROM event_store.domain_event_entry WHERE event_identifier = ANY(?)")
                    .param(missing)
                    .query(rs -> {
                        known.put(rs.getString(1), rs.getLong(2));
                    });
        }
        if (!known.keySet().containsAll(wanted)) {
            throw new IllegalStateException("Events handed to a projection are missing from the event table: "
                    + wanted.stream().filter(id -> !known.containsKey(id)).limit(5).toList());
        }
        return wanted.stream().collect(Collectors.toMap(id -> id, known::get));
    }
}
