package nl.actionledger.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The global indexes of events, read from the event table. The tracking token a handler receives does not give them:
 * when concurrent commits leave a gap and a later event fills it, that event's token still stands at the highest
 * index seen so far, so two events would share one "position". One indexed lookup per batch of events is the price
 * of an audit trail whose positions match the event table's; the projections of one batch share it (the lookup is
 * kept with the batch's unit of work).
 */
@Component
public class EventPositions {

    private static final String KNOWN = EventPositions.class.getName();

    private final JdbcClient jdbc;

    EventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return the global index of each event, by event identifier
     * @throws IllegalStateException when one of them is not in the event table
     */
    public Map<String, Long> globalIndexesOf(Collection<String> eventIdentifiers) {
        Map<String, Long> known = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(KNOWN, key -> new HashMap<>()) : new HashMap<>();
        Set<String> wanted = Set.copyOf(eventIdentifiers);
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
