package nl.actionledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event table as the migrations leave it: the runtime role can append and read, nobody can rewrite. */
class AppendOnlyHistoryTest {

    private static final String OWNER_ROLE = EmbeddedPostgresDatabase.OWNER;
    private static final String RUNTIME_ROLE = EmbeddedPostgresDatabase.RUNTIME;
    private static final String READER_ROLE = EmbeddedPostgresDatabase.READER;
    private static String url;

    @BeforeAll
    static void migrate() throws SQLException {
        url = EmbeddedPostgresDatabase.newDatabase();
        Flyway.configure().dataSource(url, OWNER_ROLE, EmbeddedPostgresDatabase.PASSWORD)
                .schemas("event_store").defaultSchema("event_store")
                .placeholders(Map.of("runtime_role", RUNTIME_ROLE, "reader_role", READER_ROLE))
                .load().migrate();
        try (Connection runtime = connect(RUNTIME_ROLE); Statement statement = runtime.createStatement()) {
            statement.execute(insert("agg-1", 0));
        }
    }

    @Test
    void theRuntimeRoleAppendsAndReads() throws SQLException {
        try (Connection runtime = connect(RUNTIME_ROLE); Statement statement = runtime.createStatement()) {
            statement.execute(insert("agg-2", 0));
            var rows = statement.executeQuery("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = 'agg-2'");
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void theRuntimeRoleCannotUpdateDeleteOrTruncateEvents() throws SQLException {
        try (Connection runtime = connect(RUNTIME_ROLE); Statement statement = runtime.createStatement()) {
            assertRefused(statement, "UPDATE event_store.domain_event_entry SET payload = 'x' WHERE aggregate_identifier = 'agg-1'");
            assertRefused(statement, "DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = 'agg-1'");
            assertRefused(statement, "TRUNCATE event_store.domain_event_entry");
        }
    }

    @Test
    void theReaderRoleCanOnlyRead() throws SQLException {
        try (Connection reader = connect(READER_ROLE); Statement statement = reader.createStatement()) {
            assertThat(statement.executeQuery("SELECT * FROM event_store.domain_event_entry").next()).isTrue();
            assertRefused(statement, insert("agg-3", 0));
            assertRefused(statement, "DELETE FROM event_store.domain_event_entry");
        }
    }

    @Test
    void evenTheOwnerCannotRewriteHistory() throws SQLException {
        try (Connection owner = connect(OWNER_ROLE); Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.execute(
                    "UPDATE event_store.domain_event_entry SET payload = 'x' WHERE aggregate_identifier = 'agg-1'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("DELETE FROM event_store.domain_event_entry"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("TRUNCATE event_store.domain_event_entry"))
                    .hasMessageContaining("append-only");
        }
    }

    /** Refused by the grants, before the trigger is even asked. */
    private static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }

    private static Connection connect(String role) throws SQLException {
        return DriverManager.getConnection(url, role, EmbeddedPostgresDatabase.PASSWORD);
    }

    private static String insert(String aggregate, long sequence) {
        return "INSERT INTO event_store.domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload) VALUES "
                + "(nextval('event_store.domain_event_entry_global_index_seq'), gen_random_uuid()::text, '" + aggregate
                + "', " + sequence + ", 'Action', '2026-01-01T00:00:00Z', 'test.Event', '\\x7b7d')";
    }
}
