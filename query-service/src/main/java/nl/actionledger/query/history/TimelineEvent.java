package nl.actionledger.query.history;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.query.EventNames;
import nl.actionledger.query.EventPositions;
import nl.actionledger.query.person.ContactText;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * An event as the timeline keeps it until its batch is written; its global index is looked up then. The one place that
 * says what an event means for the timeline: the projection's handler and the bulk rebuild both start here.
 *
 * @param registration the event that registered the action, or {@code null} for an event that changes it
 * @param change       what a changing event does to the action's state ({@code null} for a registration)
 */
record TimelineEvent(
        String eventId,
        String aggregateId,
        long sequenceNumber,
        Instant at,
        String type,
        String actor,
        String reason,
        ActionRegisteredEvent registration,
        UnaryOperator<ActionState> change) {

    EventPositions.StoredEvent stored() {
        return new EventPositions.StoredEvent(eventId, aggregateId, sequenceNumber);
    }

    /** Empty for an event that is not part of an action's timeline. */
    static Optional<TimelineEvent> of(DomainEventMessage<?> message) {
        Object event = message.getPayload();
        if (event instanceof ActionRegisteredEvent registered) {
            return Optional.of(of(message, null, registered, null));
        }
        if (event instanceof ActionStatusChangedEvent changed) {
            return Optional.of(of(message, changed.reason(), null, state -> state.withStatus(changed.newStatus())));
        }
        if (event instanceof ActionReopenedEvent reopened) {
            return Optional.of(of(message, reopened.reason(), null, state -> state.withStatus(reopened.newStatus())));
        }
        if (event instanceof ActionReassignedEvent reassigned) {
            return Optional.of(of(
                    message,
                    reassigned.reason(),
                    null,
                    state -> state.withAssignment(
                            reassigned.newAssignment().organisationId(), ContactText.of(reassigned.newAssignment()))));
        }
        if (event instanceof ActionTimeframeRevisedEvent revised) {
            return Optional.of(
                    of(message, revised.reason(), null, state -> state.withTimeframe(revised.newTimeframe())));
        }
        return Optional.empty();
    }

    private static TimelineEvent of(
            DomainEventMessage<?> message,
            String reason,
            ActionRegisteredEvent registration,
            UnaryOperator<ActionState> change) {
        Object actor = message.getMetaData().get(EventMetadataKeys.ACTOR);
        return new TimelineEvent(
                message.getIdentifier(),
                message.getAggregateIdentifier(),
                message.getSequenceNumber(),
                message.getTimestamp(),
                EventNames.of(message),
                actor == null ? null : actor.toString(),
                reason,
                registration,
                change);
    }

    ActionState.EventFacts facts(long position) {
        return new ActionState.EventFacts(sequenceNumber, at, position, type, actor, reason);
    }
}
