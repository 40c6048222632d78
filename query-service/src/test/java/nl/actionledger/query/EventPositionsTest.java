package nl.actionledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** An event's global index comes from the row its reader read; the event table is asked only for others. */
class EventPositionsTest {

    private final CountingDataSource database = new CountingDataSource();
    private final EventPositions positions = new EventPositions(JdbcClient.create(database));

    @Test
    void eventsJustReadAreNotLookedUpAgain() {
        positions.recordRead("event-1", 41);
        positions.recordRead("event-2", 40);

        assertThat(positions.globalIndexesOf(List.of(event("event-1"), event("event-2"))))
                .isEqualTo(Map.of("event-1", 41L, "event-2", 40L));
        assertThat(database.connectionsAsked).as("no query").hasValue(0);
    }

    @Test
    void anEventNotReadHereIsLookedUpInTheEventTable() {
        positions.recordRead("event-1", 41);

        assertThatThrownBy(() -> positions.globalIndexesOf(List.of(event("event-1"), event("event-3"))))
                .hasRootCauseMessage("no database in this test");
        assertThat(database.connectionsAsked).hasValue(1);
    }

    private static EventPositions.StoredEvent event(String id) {
        return new EventPositions.StoredEvent(id, "eu-wap-nl/" + id, 3);
    }

    private static final class CountingDataSource extends AbstractDataSource {

        final AtomicInteger connectionsAsked = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            connectionsAsked.incrementAndGet();
            throw new SQLException("no database in this test");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
