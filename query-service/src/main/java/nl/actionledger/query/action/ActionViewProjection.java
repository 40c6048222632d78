package nl.actionledger.query.action;

import java.time.Instant;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.EventMetadataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code action_view} at the state of each action's last event. Idempotent: an event whose sequence
 * number the row already reflects is skipped, so redelivery after a crash changes nothing.
 */
@Component
@ProcessingGroup(ActionViewProjection.NAME)
class ActionViewProjection {

    static final String NAME = "action-views";

    private final CurrentActionRepository actions;

    ActionViewProjection(CurrentActionRepository actions) {
        this.actions = actions;
    }

    @EventHandler
    void on(ActionRegisteredEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(EventMetadataKeys.ACTOR) String actor) {
        ActionRef ref = event.action();
        if (actions.existsById(ref.toString())) {
            return;
        }
        CurrentAction action = new CurrentAction(ref.toString(), ref.planId(), ref.actionId());
        action.setBaseline(event.euActionNumber(), event.description(), event.objective().number(),
                event.objective().text(), event.objective().inferred(), event.priority().number(),
                event.priority().title());
        action.setCommitment(event.commitment());
        action.setTimeframe(event.timeframe());
        action.setStatus(event.status());
        action.recordChange(sequenceNumber, at, actor);
        actions.save(action);
    }

    @EventHandler
    void on(ActionStatusChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(EventMetadataKeys.ACTOR) String actor) {
        update(event.action(), sequenceNumber, at, actor, action -> action.setStatus(event.newStatus()));
    }

    @EventHandler
    void on(ActionReopenedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(EventMetadataKeys.ACTOR) String actor) {
        update(event.action(), sequenceNumber, at, actor, action -> action.setStatus(event.newStatus()));
    }

    @EventHandler
    void on(ActionReassignedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(EventMetadataKeys.ACTOR) String actor) {
        update(event.action(), sequenceNumber, at, actor, action -> action.setAssignment(
                event.newAssignment().organisation(), event.newAssignment().contact()));
    }

    @EventHandler
    void on(ActionTimeframeRevisedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(EventMetadataKeys.ACTOR) String actor) {
        update(event.action(), sequenceNumber, at, actor, action -> action.setTimeframe(event.newTimeframe()));
    }

    @ResetHandler
    void reset() {
        actions.deleteAllInBatch();
    }

    private void update(ActionRef ref, long sequenceNumber, Instant at, String actor,
                        java.util.function.Consumer<CurrentAction> change) {
        CurrentAction action = actions.findById(ref.toString()).orElseThrow(() -> new IllegalStateException(
                "Event " + sequenceNumber + " of " + ref + " arrived before its registration"));
        if (action.alreadyReflects(sequenceNumber)) {
            return;
        }
        change.accept(action);
        action.recordChange(sequenceNumber, at, actor);
    }
}
