package nl.actionledger.query.history;

import java.util.List;
import java.util.Map;
import nl.actionledger.query.EventBatch;
import nl.actionledger.query.EventPositions;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the temporal projection: each event ends the action's current state and begins a new one, a batch of events
 * at a time (see {@link EventBatch} and {@link TimelineWrites}; what each event means is {@link TimelineEvent#of}).
 * Idempotent: an event whose state is already recorded is skipped. Added after the first release: on its first start it
 * finds no token and builds itself from the first event.
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
    void on(Object event, DomainEventMessage<?> message) {
        TimelineEvent.of(message)
                .ifPresent(timelineEvent -> EventBatch.<TimelineEvent>current(Projection.ACTION_TIMELINE, this::write)
                        .add(timelineEvent));
    }

    @ResetHandler
    void reset(Rebuild rebuild) {
        if (rebuild.includes(Projection.ACTION_TIMELINE)) {
            timeline.clear();
        }
    }

    private void write(List<TimelineEvent> events) {
        Map<String, ActionState> current = timeline.currentStates(
                events.stream().map(TimelineEvent::aggregateId).toList());
        Map<String, Long> globalIndexes = positions.globalIndexesOf(
                events.stream().map(TimelineEvent::stored).toList());
        timeline.write(TimelineWrites.of(events, current, globalIndexes));
    }
}
