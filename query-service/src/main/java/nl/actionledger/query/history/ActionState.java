package nl.actionledger.query.history;

import java.time.Instant;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;

/**
 * One state an action was in: what the event at {@code sequenceNumber} made of it, in force from that event's time
 * until the action's next state begins.
 *
 * @param position       the event's global index in the event table
 * @param previousStatus the status of the state this one ended ({@code null} for the action's first): the plan's course
 *                       through time counts only the states whose status differs from it
 */
record ActionState(
        String aggregateId,
        long sequenceNumber,
        String planId,
        String actionId,
        Instant validFrom,
        long position,
        String eventType,
        String actor,
        String reason,
        ImplementationStatus status,
        ImplementationStatus previousStatus,
        String organisation,
        String contact,
        Timeframe timeframe) {

    /** The state a registration begins: as registered, with no assignment yet. */
    static ActionState registered(String aggregateId, ActionRegisteredEvent event, EventFacts facts) {
        return new ActionState(
                aggregateId,
                facts.sequenceNumber(),
                event.action().planId(),
                event.action().actionId(),
                facts.at(),
                facts.position(),
                facts.type(),
                facts.actor(),
                facts.reason(),
                event.status(),
                null,
                null,
                null,
                event.timeframe());
    }

    /**
     * The state the next event begins: the same values, the new event's who, when and why. It begins when the event was
     * stamped, but never before this state: the event was decided on this one, so a time stamp earlier than this
     * state's (two command-service instances whose clocks are apart, by at most 10 s) is read as this state's time.
     * An action's states are thus in time order as they are in sequence order.
     */
    ActionState next(EventFacts event) {
        Instant begins = event.at().isBefore(validFrom) ? validFrom : event.at();
        return new ActionState(
                aggregateId,
                event.sequenceNumber(),
                planId,
                actionId,
                begins,
                event.position(),
                event.type(),
                event.actor(),
                event.reason(),
                status,
                status,
                organisation,
                contact,
                timeframe);
    }

    ActionState withStatus(ImplementationStatus newStatus) {
        return new ActionState(
                aggregateId,
                sequenceNumber,
                planId,
                actionId,
                validFrom,
                position,
                eventType,
                actor,
                reason,
                newStatus,
                previousStatus,
                organisation,
                contact,
                timeframe);
    }

    ActionState withAssignment(String newOrganisation, String newContact) {
        return new ActionState(
                aggregateId,
                sequenceNumber,
                planId,
                actionId,
                validFrom,
                position,
                eventType,
                actor,
                reason,
                status,
                previousStatus,
                newOrganisation,
                newContact,
                timeframe);
    }

    ActionState withTimeframe(Timeframe newTimeframe) {
        return new ActionState(
                aggregateId,
                sequenceNumber,
                planId,
                actionId,
                validFrom,
                position,
                eventType,
                actor,
                reason,
                status,
                previousStatus,
                organisation,
                contact,
                newTimeframe);
    }

    /** Who did what, when and why: the parts of an event every state records. */
    record EventFacts(long sequenceNumber, Instant at, long position, String type, String actor, String reason) {}
}
