package nl.actionledger.query.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.actionledger.events.ActionRegisteredEvent;

/**
 * What a batch of events does to the timeline, worked out in memory from the actions' current states: the baselines
 * it registers, the stored states it ends and the states it begins. A state begun and ended within the batch is
 * inserted already ended, so each row is written once.
 *
 * @param ended stored states that the batch ends, with their new {@code validTo}
 * @param begun new states, in event order; only the last of each action is still open
 */
record TimelineWrites(List<ActionRegisteredEvent> baselines, List<ActionState> ended, List<ActionState> begun) {

    /**
     * Idempotent: a registration of an action that has states, or an event at or before an action's current state,
     * is skipped, so a redelivered batch writes nothing.
     *
     * @param current   each action's current (open) state as stored, by aggregate id
     * @param positions each event's global index, by event identifier
     */
    static TimelineWrites of(List<TimelineEvent> events, Map<String, ActionState> current, Map<String, Long> positions) {
        List<ActionRegisteredEvent> baselines = new ArrayList<>();
        List<ActionState> ended = new ArrayList<>();
        List<ActionState> begun = new ArrayList<>();
        Map<String, ActionState> latest = new HashMap<>(current);
        Map<String, Integer> begunHere = new HashMap<>();
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
                ActionState endedState = previous.endedAt(event.at());
                Integer index = begunHere.get(event.aggregateId());
                if (index == null) {
                    ended.add(endedState);
                } else {
                    begun.set(index, endedState);
                }
                next = event.change().apply(previous.next(facts));
            }
            latest.put(event.aggregateId(), next);
            begunHere.put(event.aggregateId(), begun.size());
            begun.add(next);
        }
        return new TimelineWrites(baselines, ended, begun);
    }
}
