package nl.actionledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.OrganisationIds;
import nl.actionledger.events.OrganisationRegisteredEvent;
import nl.actionledger.support.persistence.EventTable;
import nl.actionledger.support.testing.DocumentedProblems;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import nl.actionledger.support.testing.RecordedSpans;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Query-service running against a real PostgreSQL whose event table was made by command-service's own migration.
 * Events go in exactly as command-service writes them; everything comes out through HTTP. Subclasses share one
 * application context and one database, so each uses its own action numbers.
 */
// Tracing on (it is off by default) for every trace, its spans recorded: see ProjectionTracingIntegrationTest.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.tracing.export.enabled=true", "management.tracing.sampling.probability=1.0"})
@Import(RecordedSpans.Recording.class)
@ActiveProfiles("test")
public abstract class QueryServiceIntegrationTestBase {

    protected static final Duration VISIBLE_WITHIN = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static String databaseUrl;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        databaseUrl = EmbeddedPostgresDatabase.register(registry);
        // As in production: query-service reads the events and writes only its own tables.
        registry.add("spring.datasource.username", () -> EmbeddedPostgresDatabase.READER);
        migrateEventStore(databaseUrl);
    }

    /** The event table as command-service's own migration leaves it, owned by the owner login. */
    public static void migrateEventStore(String url) {
        Flyway.configure()
                .dataSource(url, EmbeddedPostgresDatabase.OWNER, EmbeddedPostgresDatabase.PASSWORD)
                .schemas("event_store")
                .defaultSchema("event_store")
                .locations("classpath:event-store-migration")
                .placeholders(Map.of(
                        "runtime_role",
                        EmbeddedPostgresDatabase.RUNTIME,
                        "reader_role",
                        EmbeddedPostgresDatabase.READER))
                .load()
                .migrate();
    }

    /** The test database's JDBC URL (no user in it). */
    protected static String databaseUrl() {
        return databaseUrl;
    }

    /** As the owner of the tables, in one transaction: for tests that change what the service cannot (tamper with events, add a trigger). */
    protected static void asOwner(Consumer<JdbcClient> work) {
        try (Connection connection = EmbeddedPostgresDatabase.connect(databaseUrl, EmbeddedPostgresDatabase.OWNER)
                .getConnection()) {
            connection.setAutoCommit(false);
            work.accept(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection of the tables' owner, for a test to hold open (a lock, a transaction) while requests come in. */
    protected static Connection ownerConnection() throws SQLException {
        return EmbeddedPostgresDatabase.connect(databaseUrl, EmbeddedPostgresDatabase.OWNER)
                .getConnection();
    }

    /** See {@link #importHistory}: one per test JVM, the database is the same for every subclass. */
    private static EventStore historyImport;

    private static TransactionTemplate historyImportTransactions;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;
    /** Appends events as command-service would, with whatever time stamp a test gives them: see {@link #importHistory}. */
    protected EventStore eventStore;
    /** A transaction of {@link #eventStore}'s login. */
    protected TransactionTemplate transactions;

    /**
     * Tests write histories that span months, so their events carry time stamps in the past, which the event table
     * refuses from the services' logins (command-service's V7). They append as the owner, the login that may import
     * history, through the same storage engine and serializers as command-service.
     */
    @Autowired
    void importHistory(@Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer) {
        synchronized (QueryServiceIntegrationTestBase.class) {
            if (historyImport == null) {
                DataSource owner = EmbeddedPostgresDatabase.connect(databaseUrl, EmbeddedPostgresDatabase.OWNER);
                DataSourceTransactionManager ownerTransactions = new DataSourceTransactionManager(owner);
                historyImport = EmbeddedEventStore.builder()
                        .storageEngine(JdbcEventStorageEngine.builder()
                                .schema(EventTable.schema())
                                .connectionProvider(new SpringDataSourceConnectionProvider(owner))
                                .transactionManager(new SpringTransactionManager(ownerTransactions))
                                .eventSerializer(eventSerializer)
                                .snapshotSerializer(serializer)
                                .build())
                        .build();
                historyImportTransactions = new TransactionTemplate(ownerTransactions);
            }
        }
        eventStore = historyImport;
        transactions = historyImportTransactions;
    }

    /** A little history of one action: appended one by one, as separate commands would. */
    protected final class History {

        private final ActionRef action;
        private final List<DomainEventMessage<?>> events = new ArrayList<>();

        public History(ActionRef action) {
            this.action = action;
        }

        public History then(Object payload, String actor, String correlationId, Instant at) {
            return then(payload, MetaData.with("actor", actor).and("correlationId", correlationId), at);
        }

        public History then(Object payload, MetaData metaData, Instant at) {
            DomainEventMessage<?> event = TestEvents.message(action, events.size(), payload, metaData, at);
            transactions.executeWithoutResult(tx -> eventStore.publish(event));
            events.add(event);
            return this;
        }

        public DomainEventMessage<?> event(int sequenceNumber) {
            return events.get(sequenceNumber);
        }
    }

    protected HttpResponse<String> get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)));
    }

    protected HttpResponse<String> getAccepting(String user, String path, String mediaType) {
        return send(
                user,
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", mediaType));
    }

    protected HttpResponse<String> get(String user, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(request::header);
        return send(user, request);
    }

    /** The body as bytes, for what is no text (a workbook). */
    protected HttpResponse<byte[]> getBytes(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        authenticate(user, request);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A POST without a body, as a script would send it: with the header that tells it from a cross-site request. */
    protected HttpResponse<String> post(String user, String path) {
        return post(user, path, Map.of("X-Requested-With", "test"), HttpRequest.BodyPublishers.noBody());
    }

    protected HttpResponse<String> post(
            String user, String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(body);
        headers.forEach(request::header);
        return send(user, request);
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) {
        authenticate(user, request);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void authenticate(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
    }

    protected JsonNode getJson(String user, String path) {
        HttpResponse<String> response = get(user, path);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return json(response.body());
    }

    protected JsonNode awaitJson(String user, String path, Predicate<JsonNode> until) {
        return await().atMost(VISIBLE_WITHIN)
                .until(
                        () -> {
                            HttpResponse<String> response = get(user, path);
                            return response.statusCode() == 200 ? json(response.body()) : null;
                        },
                        body -> body != null && until.test(body));
    }

    /** Waits until no projection replays and every one has reached the head of the event table. */
    protected void awaitProjectionsCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            boolean caughtUp = true;
            for (JsonNode projection : getJson("admin", "/api/admin/projections")) {
                caughtUp &= !projection.get("replaying").asBoolean()
                        && projection.get("lag").asLong() == 0;
            }
            return caughtUp;
        });
    }

    /** A checksum of every projection table, row by row, by table name. */
    protected Map<String, String> projectionChecksums() {
        Map<String, String> sums = new HashMap<>();
        for (String table : List.of(
                "action_view", "audit_entry", "audit_change", "action_state", "action_baseline", "organisation")) {
            sums.put(
                    table,
                    jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') "
                                    + "FROM query_model." + table + " t")
                            .query(String.class)
                            .single());
        }
        return sums;
    }

    protected static void assertProblem(HttpResponse<String> response, int status, String errorCode) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("errorCode").asString()).isEqualTo(errorCode);
        DocumentedProblems.assertListed("query-service", response, errorCode);
    }

    protected static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /**
     * Lists the organisation (as command-service's registrar would) unless a test before did: the tests share one event
     * table, where an organisation is registered once, and several need the demo coordinator's organisation (LVVN).
     */
    protected void listedOnce(String id, String displayName, List<String> aliases) {
        String aggregateId = OrganisationIds.aggregateId(id);
        synchronized (QueryServiceIntegrationTestBase.class) {
            boolean listed =
                    jdbc.sql("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?")
                                    .param(aggregateId)
                                    .query(Long.class)
                                    .single()
                            > 0;
            if (!listed) {
                transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>(
                        "Organisation",
                        aggregateId,
                        0,
                        new OrganisationRegisteredEvent(id, displayName, aliases, "listed"),
                        MetaData.with("actor", "system").and("correlationId", "org-" + id),
                        UUID.randomUUID().toString(),
                        Instant.parse("2026-01-01T00:00:00Z"))));
            }
        }
        awaitJson("evaluator", "/api/organisations", list -> list.toString().contains("\"" + id + "\""));
    }
}
