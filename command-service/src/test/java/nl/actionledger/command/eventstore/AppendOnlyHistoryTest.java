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
        Flyway.configure()
                .dataSource(url, OWNER_ROLE, EmbeddedPostgresDatabase.PASSWORD)
                .schemas("event_store")
                .defaultSchema("event_store")
                .placeholders(Map.of("runtime_role", RUNTIME_ROLE, "reader_role", READER_ROLE))
                .load()
                .migrate();
        try (Connection runtime = connect(RUNTIME_ROLE);
                Statement statement = runtime.createStatement()) {
            statement.execute(insert("agg-1", 0));
        }
    }

    @Test
    void theRuntimeRoleAppendsAndReads() throws SQLException {
        try (Connection runtime = connect(RUNTIME_ROLE);
                Statement statement = runtime.createStatement()) {
            statement.execute(insert("agg-2", 0));
            var rows = statement.executeQuery(
                    "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = 'agg-2'");
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void theRuntimeRoleCannotUpdateDeleteOrTruncateEvents() throws SQLException {
        try (Connection runtime = connect(RUNTIME_ROLE);
                Statement statement = runtime.createStatement()) {
            assertRefused(
                    statement,
                    "UPDATE event_store.domain_event_entry SET payload = 'x' WHERE aggregate_identifier = 'agg-1'");
            assertRefused(statement, "DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = 'agg-1'");
            assertRefused(statement, "TRUNCATE event_store.domain_event_entry");
        }
    }

    @Test
    void theReaderRoleCanOnlyRead() throws SQLException {
        try (Connection reader = connect(READER_ROLE);
                Statement statement = reader.createStatement()) {
            assertThat(statement
                            .executeQuery("SELECT * FROM event_store.domain_event_entry")
                            .next())
                    .isTrue();
            assertRefused(statement, insert("agg-3", 0));
            assertRefused(statement, "DELETE FROM event_store.domain_event_entry");
        }
    }

    @Test
    void evenTheOwnerCannotRewriteHistory() throws SQLException {
        try (Connection owner = connect(OWNER_ROLE);
                Statement statement = owner.createStatement()) {
            assertThatThrownBy(
                            () -> statement.execute(
                                    "UPDATE event_store.domain_event_entry SET payload = 'x' WHERE aggregate_identifier = 'agg-1'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("DELETE FROM event_store.domain_event_entry"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("TRUNCATE event_store.domain_event_entry"))
                    .hasMessageContaining("append-only");
        }
    }

    /** A runtime login cannot put an event into the past of a report; when and by whom it inserted one is recorded. */
    @Test
    void theDatabaseRecordsWhenAndByWhomAnEventWasInsertedAndRefusesABackDatedOne() throws SQLException {
        try (Connection runtime = connect(RUNTIME_ROLE);
                Statement statement = runtime.createStatement()) {
            assertThatThrownBy(() -> statement.execute(insert("agg-4", 0, "'2026-01-01T00:00:00Z'")))
                    .hasMessageContaining("more than 10 seconds from the database's clock")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
            assertThatThrownBy(() -> statement.execute(insert("agg-4", 0, "'2999-01-01T00:00:00Z'")))
                    .hasMessageContaining("more than 10 seconds");

            statement.execute(insert("agg-4", 0));
            assertThat(stored(statement, "agg-4"))
                    .isEqualTo(Map.of("insertedBy", RUNTIME_ROLE, "insertedNow", true, "hashedWithInsertion", true));
        }
    }

    /**
     * PostgreSQL would read 'now', a time without a zone or a space for the 'T' as an instant; the stored text must be
     * the one form every reader parses, for the importing owner too.
     */
    @Test
    void anEventIsStampedOnlyAsAnInstantInUtc() throws SQLException {
        String now = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')";
        for (String role : new String[] {RUNTIME_ROLE, OWNER_ROLE}) {
            try (Connection connection = connect(role);
                    Statement statement = connection.createStatement()) {
                for (String timeStamp : new String[] {
                    "'now'",
                    now,
                    now + " || '+00:00'",
                    "replace(" + now + ", 'T', ' ') || 'Z'",
                    now + " || '.1234567890Z'",
                    now + " || 'Z '"
                }) {
                    assertThatThrownBy(() -> statement.execute(insert("agg-6", 0, timeStamp)))
                            .as(timeStamp)
                            .hasMessageContaining("not an ISO-8601 instant in UTC")
                            .satisfies(e ->
                                    assertThat(((SQLException) e).getSQLState()).isEqualTo("22007"));
                }
                statement.execute(insert("agg-6-" + role, 0, now + " || 'Z'"));
                statement.execute(insert("agg-7-" + role, 0, now + " || '.123456789Z'"));
            }
        }
    }

    /** History is imported as the owner, which no service connects as; the insertion says so. */
    @Test
    void theOwnerMayImportOlderEvents() throws SQLException {
        try (Connection owner = connect(OWNER_ROLE);
                Statement statement = owner.createStatement()) {
            statement.execute(insert("agg-5", 0, "'2021-03-01T09:00:00Z'"));
            assertThat(stored(statement, "agg-5")).containsEntry("insertedBy", OWNER_ROLE);
        }
    }

    @Test
    void checkpointsCannotBeTruncatedEvenByTheOwner() throws SQLException {
        try (Connection owner = connect(OWNER_ROLE);
                Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.execute("TRUNCATE event_store.chain_checkpoint_head"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("TRUNCATE event_store.chain_checkpoint CASCADE"))
                    .hasMessageContaining("append-only");
        }
    }

    /** No session can put its own sha256() or encode() in the way of the functions the triggers run. */
    @Test
    void everyFunctionOfTheEventStoreResolvesNamesInAFixedPlace() throws SQLException {
        try (Connection owner = connect(OWNER_ROLE);
                Statement statement = owner.createStatement()) {
            var rows = statement.executeQuery("""
                    SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM unnest(proconfig) setting
                                                              WHERE setting LIKE 'search\\_path=%pg\\_temp')),
                           count(*)
                    FROM pg_proc WHERE pronamespace = 'event_store'::regnamespace""");
            rows.next();
            assertThat(rows.getLong(1))
                    .as("functions without a fixed search_path")
                    .isZero();
            assertThat(rows.getLong(2)).isGreaterThanOrEqualTo(6);
        }
    }

    /**
     * ANALYZE reads 300 rows per unit of the largest statistics target of the table's columns: one column left at the
     * default would bring back the full sample (V15).
     */
    @Test
    void everyColumnOfTheEventTableHasStatisticsFromASmallSample() throws SQLException {
        try (Connection owner = connect(OWNER_ROLE);
                Statement statement = owner.createStatement()) {
            var rows = statement.executeQuery("""
                    SELECT count(*) FILTER (WHERE attstattarget IS DISTINCT FROM 10), count(*) FROM pg_attribute
                    WHERE attrelid = 'event_store.domain_event_entry'::regclass AND attnum > 0 AND NOT attisdropped""");
            rows.next();
            assertThat(rows.getLong(1))
                    .as("columns with another statistics target")
                    .isZero();
            assertThat(rows.getLong(2)).isEqualTo(13);
        }
    }

    /** Actions are decided from their events alone: nobody writes snapshots. */
    @Test
    void nobodyCanWriteASnapshot() throws SQLException {
        String snapshot = "INSERT INTO event_store.snapshot_event_entry (aggregate_identifier, sequence_number, type, "
                + "event_identifier, time_stamp, payload_type, payload) VALUES ('agg-1', 0, 'Action', 'x', "
                + "'2026-01-01T00:00:00Z', 'Action', '\\x7b7d')";
        try (Connection runtime = connect(RUNTIME_ROLE);
                Statement statement = runtime.createStatement()) {
            assertRefused(statement, snapshot);
        }
        try (Connection owner = connect(OWNER_ROLE);
                Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.execute(snapshot)).hasMessageContaining("snapshots are not used");
        }
    }

    /** Refused by the grants, before the trigger is even asked. */
    private static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }

    private static Connection connect(String role) throws SQLException {
        return DriverManager.getConnection(url, role, EmbeddedPostgresDatabase.PASSWORD);
    }

    /** An event stamped now, as command-service stamps them. */
    private static String insert(String aggregate, long sequence) {
        return insert(aggregate, sequence, "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
    }

    private static String insert(String aggregate, long sequence, String timeStamp) {
        return "INSERT INTO event_store.domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload, inserted_by) VALUES "
                + "(nextval('event_store.domain_event_entry_global_index_seq'), gen_random_uuid()::text, '" + aggregate
                + "', " + sequence + ", 'Action', " + timeStamp + ", 'test.Event', '\\x7b7d', 'someone else')";
    }

    private static Map<String, Object> stored(Statement statement, String aggregate) throws SQLException {
        var rows = statement.executeQuery("""
                SELECT inserted_by, abs(extract(EPOCH FROM inserted_at - now())) < 60 AS inserted_now,
                       event_hash = event_store.event_hash(NULL, type, aggregate_identifier, sequence_number, time_stamp,
                                                           payload_type, meta_data, payload, inserted_at, inserted_by)
                           AS hashed_with_insertion
                FROM event_store.domain_event_entry WHERE aggregate_identifier = '%s'""".formatted(aggregate));
        assertThat(rows.next()).isTrue();
        return Map.of(
                "insertedBy",
                rows.getString(1),
                "insertedNow",
                rows.getBoolean(2),
                "hashedWithInsertion",
                rows.getBoolean(3));
    }
}
