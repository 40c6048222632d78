package nl.actionledger.query.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.actionledger.events.ActionRegisteredEvent;

/**
 * What a batch of events adds to the timeline, worked out in memory from the actions' current states: the baselines
 * it registers and the states it begins. Nothing stored changes: the timeline is append-only.
 *
 * @param begun new states, in event order
 */
record TimelineWrites(List<ActionRegisteredEvent> baselines, List<ActionState> begun) {

    /**
     * Idempotent: a registration of an action that has states, or an event at or before an action's current state,
     * is skipped, so a redelivered batch writes nothing.
     *
     * @param current   each action's current (latest) state as stored, by aggregate id
     * @param positions each event's global index, by event identifier
     */
    static TimelineWrites of(
            List<TimelineEvent> events, Map<String, ActionState> current, Map<String, Long> positions) {
        List<ActionRegisteredEvent> baselines = new ArrayList<>();
        List<ActionState> begun = new ArrayList<>();
        Map<String, ActionState> latest = new HashMap<>(current);
        for (TimelineEvent event : events) {
            ActionState previous = latest.get(event.aggregateId());
            ActionState.EventFacts facts = event.facts(positions.get(event.eventId()));
            ActionState next;
            if (event.registration() != null) {
                if (previous != null) {
                    continue;
                }
                baselines.add(event.registration());
                next = ActionState.registered(event.aggregateId(), event.registration(), facts);
            } else {
                if (previous == null) {
                    throw new IllegalStateException("Event " + event.sequenceNumber() + " of " + event.aggregateId()
                            + " arrived before its registration");
                }
                if (event.sequenceNumber() <= previous.sequenceNumber()) {
                    continue;
                }
                next = event.change().apply(previous.next(facts));
            }
            latest.put(event.aggregateId(), next);
            begun.add(next);
        }
        return new TimelineWrites(baselines, begun);
    }
}
