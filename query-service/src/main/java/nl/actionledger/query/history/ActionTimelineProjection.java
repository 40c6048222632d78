package nl.actionledger.query.history;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.query.EventBatch;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import nl.actionledger.query.EventNames;
import nl.actionledger.query.EventPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the temporal projection: each event ends the action's current state and begins a new one, a batch of events
 * at a time (see {@link EventBatch} and {@link TimelineWrites}). Idempotent: an event whose state is already recorded
 * is skipped. Added after the first release: on its first start it finds no token and builds itself from the first
 * event.
 */
@Component
@ProcessingGroup(Projection.PROCESSOR)
class ActionTimelineProjection {

    private final ActionTimeline timeline;
    private final EventPositions positions;

    ActionTimelineProjection(ActionTimeline timeline, EventPositions positions) {
        this.timeline = timeline;
        this.positions = positions;
    }

    @EventHandler
    void on(ActionRegisteredEvent event, DomainEventMessage<?> message) {
        record(message, null, event, null);
    }

    @EventHandler
    void on(ActionStatusChangedEvent event, DomainEventMessage<?> message) {
        record(message, event.reason(), null, state -> state.withStatus(event.newStatus()));
    }

    @EventHandler
    void on(ActionReopenedEvent event, DomainEventMessage<?> message) {
        record(message, event.reason(), null, state -> state.withStatus(event.newStatus()));
    }

    @EventHandler
    void on(ActionReassignedEvent event, DomainEventMessage<?> message) {
        record(message, event.reason(), null, state -> state.withAssignment(
                event.newAssignment().organisationId(), event.newAssignment().contact()));
    }

    @EventHandler
    void on(ActionTimeframeRevisedEvent event, DomainEventMessage<?> message) {
        record(message, event.reason(), null, state -> state.withTimeframe(event.newTimeframe()));
    }

    @ResetHandler
    void reset(Rebuild rebuild) {
        if (rebuild.includes(Projection.ACTION_TIMELINE)) {
            timeline.clear();
        }
    }

    private void record(DomainEventMessage<?> message, String reason, ActionRegisteredEvent registration,
                        UnaryOperator<ActionState> change) {
        Object actor = message.getMetaData().get(EventMetadataKeys.ACTOR);
        EventBatch.<TimelineEvent>current(Projection.ACTION_TIMELINE, this::write).add(new TimelineEvent(message.getIdentifier(),
                message.getAggregateIdentifier(), message.getSequenceNumber(), message.getTimestamp(),
                EventNames.of(message), actor == null ? null : actor.toString(), reason, registration, change));
    }

    private void write(List<TimelineEvent> events) {
        Map<String, ActionState> current = timeline.currentStates(events.stream().map(TimelineEvent::aggregateId).toList());
        Map<String, Long> globalIndexes = positions.globalIndexesOf(events.stream().map(TimelineEvent::eventId).toList());
        timeline.write(TimelineWrites.of(events, current, globalIndexes));
    }
}
