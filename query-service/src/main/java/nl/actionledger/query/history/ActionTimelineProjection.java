package nl.actionledger.query.history;

import java.time.Instant;
import java.util.function.UnaryOperator;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.query.EventNames;
import nl.actionledger.query.EventPositions;
import nl.actionledger.query.history.ActionState.EventFacts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Builds the temporal projection: each event ends the action's current state and begins a new one. Idempotent:
 * an event whose state is already recorded is skipped. Added after the first release: on its first start it finds
 * no token and builds itself from the first event.
 */
@Component
@ProcessingGroup(ActionTimelineProjection.NAME)
class ActionTimelineProjection {

    static final String NAME = "action-timeline";

    private final ActionTimeline timeline;
    private final EventPositions positions;

    ActionTimelineProjection(ActionTimeline timeline, EventPositions positions) {
        this.timeline = timeline;
        this.positions = positions;
    }

    @EventHandler
    void on(ActionRegisteredEvent event, DomainEventMessage<?> message,
            @MetaDataValue(EventMetadataKeys.ACTOR) String actor) {
        if (timeline.hasState(message.getAggregateIdentifier(), message.getSequenceNumber())) {
            return;
        }
        timeline.insertBaseline(event);
        timeline.insert(new ActionState(message.getAggregateIdentifier(), message.getSequenceNumber(),
                event.action().planId(), event.action().actionId(), message.getTimestamp(), null,
                positions.globalIndexOf(message), EventNames.of(message), actor, null, event.status(), null, null,
                event.timeframe()));
    }

    @EventHandler
    void on(ActionStatusChangedEvent event, DomainEventMessage<?> message) {
        advance(message, event.reason(), state -> state.withStatus(event.newStatus()));
    }

    @EventHandler
    void on(ActionReopenedEvent event, DomainEventMessage<?> message) {
        advance(message, event.reason(), state -> state.withStatus(event.newStatus()));
    }

    @EventHandler
    void on(ActionReassignedEvent event, DomainEventMessage<?> message) {
        advance(message, event.reason(), state -> state.withAssignment(
                event.newAssignment().organisation(), event.newAssignment().contact()));
    }

    @EventHandler
    void on(ActionTimeframeRevisedEvent event, DomainEventMessage<?> message) {
        advance(message, event.reason(), state -> state.withTimeframe(event.newTimeframe()));
    }

    @ResetHandler
    void reset() {
        timeline.clear();
    }

    private void advance(DomainEventMessage<?> message, String reason,
                         UnaryOperator<ActionState> change) {
        String aggregateId = message.getAggregateIdentifier();
        if (timeline.hasState(aggregateId, message.getSequenceNumber())) {
            return;
        }
        ActionState current = timeline.currentState(aggregateId).orElseThrow(() -> new IllegalStateException(
                "Event " + message.getSequenceNumber() + " of " + aggregateId + " arrived before its registration"));
        Instant at = message.getTimestamp();
        Object actor = message.getMetaData().get(EventMetadataKeys.ACTOR);
        EventFacts facts = new EventFacts(message.getSequenceNumber(), at, positions.globalIndexOf(message),
                EventNames.of(message), actor == null ? null : actor.toString(), reason);
        timeline.end(current, at);
        timeline.insert(change.apply(current.next(facts)));
    }
}
