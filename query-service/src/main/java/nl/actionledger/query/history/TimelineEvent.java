package nl.actionledger.query.history;

import java.time.Instant;
import java.util.function.UnaryOperator;
import nl.actionledger.events.ActionRegisteredEvent;

/**
 * An event as the timeline keeps it until its batch is written; its global index is looked up then.
 *
 * @param registration the event that registered the action, or {@code null} for an event that changes it
 * @param change       what a changing event does to the action's state ({@code null} for a registration)
 */
record TimelineEvent(String eventId, String aggregateId, long sequenceNumber, Instant at, String type, String actor,
                     String reason, ActionRegisteredEvent registration, UnaryOperator<ActionState> change) {

    ActionState.EventFacts facts(long position) {
        return new ActionState.EventFacts(sequenceNumber, at, position, type, actor, reason);
    }
}
