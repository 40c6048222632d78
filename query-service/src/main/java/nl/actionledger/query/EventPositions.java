package nl.actionledger.query;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The global index of an event, read from the event table. The tracking token a handler receives does not give it:
 * when concurrent commits leave a gap and a later event fills it, that event's token still stands at the highest
 * index seen so far, so two events would share one "position". One indexed lookup per event is the price of an
 * audit trail whose positions match the event table's.
 */
@Component
public class EventPositions {

    private final JdbcClient jdbc;

    EventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long globalIndexOf(EventMessage<?> event) {
        return jdbc.sql("SELECT global_index FROM event_store.domain_event_entry WHERE event_identifier = ?")
                .param(event.getIdentifier())
                .query(Long.class)
                .single();
    }
}
