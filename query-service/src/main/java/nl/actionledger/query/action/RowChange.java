package nl.actionledger.query.action;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.query.person.ContactText;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * What one event does to its action's row in {@code action_view}, kept until the batch is written. The one place
 * that says so: the projection's handler and the bulk rebuild both start here.
 *
 * @param registers true for the event that creates the row
 */
record RowChange(
        ActionRef action,
        long sequenceNumber,
        Instant at,
        String actor,
        boolean registers,
        Consumer<CurrentAction> change) {

    /** Empty for an event that does not change an action's row. */
    static Optional<RowChange> of(DomainEventMessage<?> message) {
        Object event = message.getPayload();
        if (event instanceof ActionRegisteredEvent registered) {
            return Optional.of(new RowChange(
                    registered.action(),
                    message.getSequenceNumber(),
                    message.getTimestamp(),
                    actor(message),
                    true,
                    row -> {
                        row.setBaseline(
                                registered.euActionNumber(),
                                registered.description(),
                                registered.objective().number(),
                                registered.objective().text(),
                                registered.objective().inferred(),
                                registered.priority().number(),
                                registered.priority().title());
                        row.setCommitment(registered.commitment());
                        row.setTimeframe(registered.timeframe());
                        row.setStatus(registered.status());
                    }));
        }
        if (event instanceof ActionStatusChangedEvent changed) {
            return update(message, changed.action(), row -> row.setStatus(changed.newStatus()));
        }
        if (event instanceof ActionReopenedEvent reopened) {
            return update(message, reopened.action(), row -> row.setStatus(reopened.newStatus()));
        }
        if (event instanceof ActionReassignedEvent reassigned) {
            return update(
                    message,
                    reassigned.action(),
                    row -> row.setAssignment(
                            reassigned.newAssignment().organisationId(), ContactText.of(reassigned.newAssignment())));
        }
        if (event instanceof ActionTimeframeRevisedEvent revised) {
            return update(message, revised.action(), row -> row.setTimeframe(revised.newTimeframe()));
        }
        return Optional.empty();
    }

    private static Optional<RowChange> update(
            DomainEventMessage<?> message, ActionRef action, Consumer<CurrentAction> change) {
        return Optional.of(new RowChange(
                action, message.getSequenceNumber(), message.getTimestamp(), actor(message), false, change));
    }

    private static String actor(DomainEventMessage<?> message) {
        Object actor = message.getMetaData().get(EventMetadataKeys.ACTOR);
        return actor == null ? null : actor.toString();
    }
}
