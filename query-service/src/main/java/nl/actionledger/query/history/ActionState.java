package nl.actionledger.query.history;

import java.time.Instant;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;

/**
 * One state an action was in: what the event at {@code sequenceNumber} made of it, in force from that event's time
 * until the action's next state begins.
 *
 * @param position the event's global index in the event table
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
        String organisation,
        String contact,
        Timeframe timeframe) {

    /** The state a registration begins: as registered, with no assignment yet. */
    static ActionState registered(String aggregateId, ActionRegisteredEvent event, EventFacts facts) {
        return new ActionState(aggregateId, facts.sequenceNumber(), event.action().planId(), event.action().actionId(),
                facts.at(), facts.position(), facts.type(), facts.actor(), facts.reason(), event.status(), null,
                null, event.timeframe());
    }

    /** The state the next event begins: the same values, the new event's who, when and why. */
    ActionState next(EventFacts event) {
        return new ActionState(aggregateId, event.sequenceNumber(), planId, actionId, event.at(),
                event.position(), event.type(), event.actor(), event.reason(), status, organisation, contact, timeframe);
    }

    ActionState withStatus(ImplementationStatus newStatus) {
        return new ActionState(aggregateId, sequenceNumber, planId, actionId, validFrom, position, eventType,
                actor, reason, newStatus, organisation, contact, timeframe);
    }

    ActionState withAssignment(String newOrganisation, String newContact) {
        return new ActionState(aggregateId, sequenceNumber, planId, actionId, validFrom, position, eventType,
                actor, reason, status, newOrganisation, newContact, timeframe);
    }

    ActionState withTimeframe(Timeframe newTimeframe) {
        return new ActionState(aggregateId, sequenceNumber, planId, actionId, validFrom, position, eventType,
                actor, reason, status, organisation, contact, newTimeframe);
    }

    /** Who did what, when and why: the parts of an event every state records. */
    record EventFacts(long sequenceNumber, Instant at, long position, String type, String actor, String reason) {
    }
}
