package nl.actionledger.query.config;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import nl.actionledger.query.EventPositions;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, telling {@link EventPositions} the global index of each event it reads for a processor
 * (the row has it, the token the processor hands on with the event does not always: see there), and, for the
 * processors' engine, reading the head of the table no more often than {@link CaughtUpReads} allows.
 */
final class PositionRecordingStorageEngine extends JdbcEventStorageEngine {

    private final EventPositions positions;
    private final String globalIndexColumn;
    private final CaughtUpReads caughtUpReads;

    PositionRecordingStorageEngine(
            Builder builder, EventPositions positions, String globalIndexColumn, CaughtUpReads caughtUpReads) {
        super(builder);
        this.positions = positions;
        this.globalIndexColumn = globalIndexColumn;
        this.caughtUpReads = caughtUpReads;
    }

    /** Nothing (no query) when this thread caught up with the table too recently; what arrived waits for the next read. */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (!caughtUpReads.mayRead()) {
            return List.of();
        }
        List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
        caughtUpReads.read(events.size(), batchSize);
        return events;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> event = super.getTrackedEventData(resultSet, previousToken);
        positions.recordRead(event.getEventIdentifier(), resultSet.getLong(globalIndexColumn));
        return event;
    }
}
