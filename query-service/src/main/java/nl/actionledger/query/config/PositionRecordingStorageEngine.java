package nl.actionledger.query.config;

import java.sql.ResultSet;
import java.sql.SQLException;
import nl.actionledger.query.EventPositions;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, telling {@link EventPositions} the global index of each event it reads for a processor:
 * the row has it, the token the processor hands on with the event does not always (see there).
 */
final class PositionRecordingStorageEngine extends JdbcEventStorageEngine {

    private final EventPositions positions;
    private final String globalIndexColumn;

    PositionRecordingStorageEngine(Builder builder, EventPositions positions, String globalIndexColumn) {
        super(builder);
        this.positions = positions;
        this.globalIndexColumn = globalIndexColumn;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> event = super.getTrackedEventData(resultSet, previousToken);
        positions.recordRead(event.getEventIdentifier(), resultSet.getLong(globalIndexColumn));
        return event;
    }
}
