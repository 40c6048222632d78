package nl.actionledger.query.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.actionledger.query.Projection;
import nl.actionledger.query.rebuild.CopyRows;
import nl.actionledger.query.rebuild.ProjectionBulkLoad;
import nl.actionledger.query.rebuild.StoredEvent;
import org.springframework.stereotype.Component;

/**
 * The timeline in bulk: what {@link TimelineEvent#of} and {@link TimelineWrites} make of the events, with each action's
 * current state kept in memory for the whole rebuild instead of read back for every batch.
 */
@Component
class ActionTimelineBulkLoad implements ProjectionBulkLoad {

    @Override
    public Projection projection() {
        return Projection.ACTION_TIMELINE;
    }

    @Override
    public Loader begin() {
        Map<String, ActionState> current = new HashMap<>();
        CopyRows baselines = CopyRows.into(ActionTimeline.BASELINE, ActionTimeline.BASELINE_ROW);
        CopyRows states = CopyRows.into(ActionTimeline.STATE, ActionTimeline.STATE_ROW);
        return (events, connection) -> {
            List<TimelineEvent> timelineEvents = new ArrayList<>(events.size());
            Map<String, Long> positions = new HashMap<>();
            for (StoredEvent event : events) {
                TimelineEvent.of(event.message()).ifPresent(timelineEvent -> {
                    timelineEvents.add(timelineEvent);
                    positions.put(timelineEvent.eventId(), event.globalIndex());
                });
            }
            TimelineWrites writes = TimelineWrites.of(timelineEvents, current, positions);
            writes.baselines().forEach(baseline -> baselines.row(ActionTimeline.baselineRow(baseline)));
            for (ActionState state : writes.begun()) {
                states.row(ActionTimeline.stateRow(state));
                current.put(state.aggregateId(), state);
            }
            baselines.copy(connection);
            states.copy(connection);
        };
    }
}
