package nl.actionledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import nl.actionledger.support.persistence.DatabaseUnavailable;
import nl.actionledger.support.persistence.EventTable;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends outside a transaction are committed in groups, on a real PostgreSQL with the event table's triggers. The
 * tests hold the table with a lock so that the writer's first group waits, and appends arriving meanwhile queue up as
 * the next group: what each test then sees does not depend on timing.
 */
class EventAppendsIntegrationTest {

    private static final String ACTION = "Action";

    private static String url;
    private static DataSource owner;
    private static JdbcClient superuser;
    private static EventAppends engine;
    private static final ExecutorService COMMANDS = Executors.newCachedThreadPool();

    @BeforeAll
    static void migrate() {
        url = EmbeddedPostgresDatabase.newDatabase();
        Flyway.configure()
                .dataSource(url, EmbeddedPostgresDatabase.OWNER, EmbeddedPostgresDatabase.PASSWORD)
                .schemas("event_store")
                .defaultSchema("event_store")
                .placeholders(Map.of(
                        "runtime_role",
                        EmbeddedPostgresDatabase.RUNTIME,
                        "reader_role",
                        EmbeddedPostgresDatabase.READER))
                .load()
                .migrate();
        owner = EmbeddedPostgresDatabase.connect(url, EmbeddedPostgresDatabase.OWNER);
        superuser = JdbcClient.create(EmbeddedPostgresDatabase.superuser(url));
        DataSource runtime = EmbeddedPostgresDatabase.connect(url, EmbeddedPostgresDatabase.RUNTIME);
        engine = new EventAppends(JdbcEventStorageEngine.builder()
                .schema(EventTable.schema())
                .connectionProvider(runtime::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .persistenceExceptionResolver(ConcurrentAppend::causedBy)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .snapshotFilter(SnapshotFilter.rejectAll()));
    }

    @AfterAll
    static void stop() {
        engine.close();
        COMMANDS.shutdownNow();
    }

    @Test
    void appendsThatArriveWhileAGroupIsWrittenAreCommittedTogetherInTheNextGroup() throws SQLException {
        try (Connection lock = lockTheEventTable()) {
            CompletableFuture<Void> first = appendInTheBackground("first", 0);
            awaitTheWriterBlocked();
            List<CompletableFuture<Void>> next = new ArrayList<>();
            for (String action : List.of("second", "third", "fourth")) {
                next.add(appendInTheBackground(action, 0));
            }
            awaitQueued(3);
            lock.commit();
            first.join();
            next.forEach(CompletableFuture::join);
        }

        assertThat(transactionOf("first")).isNotEqualTo(transactionOf("second"));
        assertThat(transactionOf("second")).isEqualTo(transactionOf("third")).isEqualTo(transactionOf("fourth"));
        assertThat(superuser
                        .sql("SELECT count(*) FROM event_store.domain_event_entry WHERE event_hash IS NULL")
                        .query(Long.class)
                        .single())
                .as("each chained by the trigger")
                .isZero();
    }

    @Test
    void anAppendThatIsRefusedFailsAloneAndTheOthersOfItsGroupAreStored() throws SQLException {
        engine.appendEvents(event("taken", 0));
        engine.appendEvents(event("taken", 1));
        CompletableFuture<Void> conflicting;
        List<CompletableFuture<Void>> others = new ArrayList<>();
        try (Connection lock = lockTheEventTable()) {
            CompletableFuture<Void> first = appendInTheBackground("before-the-refusal", 0);
            awaitTheWriterBlocked();
            others.add(appendInTheBackground("beside-the-refusal-1", 0));
            conflicting = appendInTheBackground("taken", 1);
            others.add(appendInTheBackground("beside-the-refusal-2", 0));
            awaitQueued(3);
            lock.commit();
            first.join();
        }

        others.forEach(CompletableFuture::join);
        assertThatThrownBy(conflicting::join)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ConcurrencyException.class);
        assertThat(eventsOf("beside-the-refusal-1")).isEqualTo(1);
        assertThat(eventsOf("beside-the-refusal-2")).isEqualTo(1);
        assertThat(eventsOf("taken")).isEqualTo(2);
    }

    @Test
    void aConnectionThatBreaksUnderAGroupFailsItsAppendsAsTheDatabaseGoneAway() throws SQLException {
        CompletableFuture<Void> cut;
        try (Connection lock = lockTheEventTable()) {
            cut = appendInTheBackground("cut-off", 0);
            awaitTheWriterBlocked();
            superuser
                    .sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            + "WHERE datname = current_database() AND usename = ? AND wait_event_type = 'Lock'")
                    .param(EmbeddedPostgresDatabase.RUNTIME)
                    .query()
                    .listOfRows();
            assertThatThrownBy(cut::join)
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOf(EventStoreException.class)
                    .satisfies(failure ->
                            assertThat(DatabaseUnavailable.causedBy(failure)).isTrue());
            lock.commit();
        }

        assertThat(eventsOf("cut-off")).isZero();
        engine.appendEvents(event("after-the-cut", 0));
        assertThat(eventsOf("after-the-cut"))
                .as("the next group takes a new connection")
                .isEqualTo(1);
    }

    @Test
    void aGroupStoresEachOfItsEventsAsAxonsOwnStatementDoes() throws SQLException {
        Instant now = Instant.now();
        EventStorageEngine axon = JdbcEventStorageEngine.builder()
                .schema(EventTable.schema())
                .connectionProvider(
                        EmbeddedPostgresDatabase.connect(url, EmbeddedPostgresDatabase.RUNTIME)::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .build();
        for (String row : List.of("first", "second")) {
            axon.appendEvents(eventWithMetaData("by-axon-" + row, row, now));
        }
        try (Connection lock = lockTheEventTable()) {
            CompletableFuture<Void> holding = appendInTheBackground("holding", 0);
            awaitTheWriterBlocked();
            List<CompletableFuture<Void>> grouped = new ArrayList<>();
            for (String row : List.of("first", "second")) {
                grouped.add(appendInTheBackground("grouped-" + row, eventWithMetaData("in-a-group-" + row, row, now)));
            }
            awaitQueued(2);
            lock.commit();
            holding.join();
            grouped.forEach(CompletableFuture::join);
        }

        assertThat(transactionOf("in-a-group-first")).isEqualTo(transactionOf("in-a-group-second"));
        assertThat(storedColumnsOf("in-a-group-first")).isEqualTo(storedColumnsOf("by-axon-first"));
        assertThat(storedColumnsOf("in-a-group-second")).isEqualTo(storedColumnsOf("by-axon-second"));
        assertThat(storedColumnsOf("in-a-group-first")).isNotEqualTo(storedColumnsOf("in-a-group-second"));
    }

    private static GenericDomainEventMessage<String> eventWithMetaData(String action, String content, Instant at) {
        return new GenericDomainEventMessage<>(
                ACTION,
                "test-" + action,
                0,
                "changed " + content,
                Map.of("actor", "coordinator-" + content, "correlationId", "c-" + content),
                "event-" + action,
                at);
    }

    /** What an append stores, apart from the aggregate's and the event's identifiers and what the trigger adds. */
    private static Map<String, Object> storedColumnsOf(String action) {
        String stored = """
                SELECT sequence_number, type, time_stamp, payload_type, payload_revision,
                       encode(payload, 'escape') AS payload, encode(meta_data, 'escape') AS meta_data
                FROM event_store.domain_event_entry WHERE aggregate_identifier = ?""";
        return superuser.sql(stored).param("test-" + action).query().singleRow();
    }

    /** Holds off every INSERT into the event table until the returned connection commits. */
    private static Connection lockTheEventTable() throws SQLException {
        Connection connection = owner.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE event_store.domain_event_entry IN SHARE MODE");
        }
        return connection;
    }

    private static void awaitTheWriterBlocked() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> superuser
                                .sql(
                                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND usename = ? "
                                                + "AND wait_event_type = 'Lock'")
                                .param(EmbeddedPostgresDatabase.RUNTIME)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    /** Waits until this many commands wait for their group: queued, while the writer is held by the lock. */
    private static void awaitQueued(int appends) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                                .filter(thread -> thread.getName().startsWith("command-"))
                                .filter(thread -> thread.getState() == Thread.State.WAITING)
                                .count()
                        >= appends + 1);
    }

    private static CompletableFuture<Void> appendInTheBackground(String action, long sequence) {
        return appendInTheBackground(action, event(action, sequence));
    }

    private static CompletableFuture<Void> appendInTheBackground(String name, EventMessage<?> event) {
        return CompletableFuture.runAsync(
                () -> {
                    Thread.currentThread().setName("command-" + name);
                    try {
                        engine.appendEvents(event);
                    } finally {
                        Thread.currentThread().setName("finished");
                    }
                },
                COMMANDS);
    }

    private static GenericDomainEventMessage<String> event(String action, long sequence) {
        return new GenericDomainEventMessage<>(ACTION, "test-" + action, sequence, "changed " + action);
    }

    private static String transactionOf(String action) {
        return superuser
                .sql("SELECT xmin::text FROM event_store.domain_event_entry WHERE aggregate_identifier = ?")
                .param("test-" + action)
                .query(String.class)
                .single();
    }

    private static long eventsOf(String action) {
        return superuser
                .sql("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?")
                .param("test-" + action)
                .query(Long.class)
                .single();
    }
}
