package nl.actionledger.query.history;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.actionledger.query.Projection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A handler in the projections' processor that throws, from inside event handling, on the events of the aggregates a
 * test names, and on no other: so that a failure reaches the processor's error handler, which a failing statement of a
 * real projection does not (its rows are written when the batch commits, after the handlers ran). Part of every test's
 * application context (component scanning finds it), inert until a test calls {@link #refuse}.
 */
@Component
@ProcessingGroup(Projection.PROCESSOR)
class RefusingHandler {

    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refusals = new AtomicInteger();

    void refuse(String aggregateId) {
        refused.add(aggregateId);
    }

    void accept(String aggregateId) {
        refused.remove(aggregateId);
    }

    /** How often an event was refused so far. */
    int refusals() {
        return refusals.get();
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (refused.contains(message.getAggregateIdentifier())) {
            refusals.incrementAndGet();
            throw new IllegalStateException("Simulated failure handling " + message.getIdentifier());
        }
    }
}
