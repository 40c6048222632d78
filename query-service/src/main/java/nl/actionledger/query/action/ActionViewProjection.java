package nl.actionledger.query.action;

import java.time.Instant;
import java.util.function.Consumer;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.query.EventBatch;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code action_view} at the state of each action's last event, a batch of events at a time (see
 * {@link EventBatch}). Idempotent: an event whose sequence number the row already reflects is skipped, so
 * redelivery after a crash changes nothing.
 */
@Component
@ProcessingGroup(Projection.PROCESSOR)
class ActionViewProjection {

    private final ActionViewWriter writer;

    ActionViewProjection(ActionViewWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(ActionRegisteredEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(EventMetadataKeys.ACTOR) String actor) {
        record(new RowChange(event.action(), sequenceNumber, at, actor, true, action -> {
            action.setBaseline(event.euActionNumber(), event.description(), event.objective().number(),
                    event.objective().text(), event.objective().inferred(), event.priority().number(),
                    event.priority().title());
            action.setCommitment(event.commitment());
            action.setTimeframe(event.timeframe());
            action.setStatus(event.status());
        }));
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
                event.newAssignment().organisationId(), event.newAssignment().contact()));
    }

    @EventHandler
    void on(ActionTimeframeRevisedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(EventMetadataKeys.ACTOR) String actor) {
        update(event.action(), sequenceNumber, at, actor, action -> action.setTimeframe(event.newTimeframe()));
    }

    @ResetHandler
    void reset(Rebuild rebuild) {
        if (rebuild.includes(Projection.ACTION_VIEWS)) {
            writer.clear();
        }
    }

    private void update(ActionRef ref, long sequenceNumber, Instant at, String actor, Consumer<CurrentAction> change) {
        record(new RowChange(ref, sequenceNumber, at, actor, false, change));
    }

    private void record(RowChange change) {
        EventBatch.<RowChange>current(Projection.ACTION_VIEWS, writer::write).add(change);
    }
}
