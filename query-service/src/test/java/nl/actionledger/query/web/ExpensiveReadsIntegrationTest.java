package nl.actionledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import nl.actionledger.query.config.ExpensiveReadPool;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The bulkhead as requests meet it, on the real database: exports held open (they wait for a lock the test holds on
 * the checkpoint table, which only the export and the chain verification read) take their places and connections of
 * the expensive reads' own pool; the next export page waits for its turn and is then a 429 problem with Retry-After,
 * while a read of another kind, the coordinators' reads and readiness still answer. And one full verification at a time, through the same pool.
 */
class ExpensiveReadsIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EXPORT = "/api/integrity/export?after=0&size=10";

    @Autowired
    ExpensiveReadPool pool;

    @Autowired
    MeterRegistry meters;

    @Test
    void anExportPageWaitsForTheTurnOfAnotherAndIs429IfItLastsWhileOtherReadsAndReadinessAnswer() throws Exception {
        String changes = "/api/plans/eu-wap-nl/changes?from=2025-01-01&to=2025-06-30";
        awaitNoExpensiveReadInFlight();
        // Every request once before the lock, so that none of them is slow for being the first.
        get("evaluator", changes);
        get("coordinator", "/api/plans/eu-wap-nl/actions");
        get(null, "/actuator/health/readiness");
        CompletableFuture<HttpResponse<String>> held;
        try (Connection lock = checkpointTableLocked()) {
            held = sendAsync("auditor", EXPORT);
            awaitWaitingForTheLock(1);

            // The held export waits until the lock is released, or 5 s (its lock timeout); the next page waits for its
            // turn for 2 s (PacedExports.MAX_WAIT): what follows takes less.
            long asked = System.nanoTime();
            HttpResponse<String> refused = get("auditor", EXPORT);
            assertThat(Duration.ofNanos(System.nanoTime() - asked))
                    .as("it waited for its turn first")
                    .isGreaterThanOrEqualTo(PacedExports.MAX_WAIT.minusMillis(100));
            assertProblem(refused, 429, "TOO_BUSY");
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            assertThat(json(refused.body()).get("detail").asString()).contains("Export pages take turns");
            assertThat(held).as("the held export was still waiting").isNotDone();
            assertThat(waitingForALock())
                    .as("the refused page never reached the database")
                    .isEqualTo(1);

            HttpResponse<String> otherKind = get("evaluator", changes);
            assertThat(otherKind.statusCode())
                    .as("a list of changes has places of its own: " + otherKind.body())
                    .isIn(200, 404);
            assertThat(get("coordinator", "/api/organisations").statusCode()).isEqualTo(200);
            assertThat(get("coordinator", "/api/plans/eu-wap-nl/actions").statusCode())
                    .isIn(200, 404);
            HttpResponse<String> readiness = get(null, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            assertThat(json(readiness.body()).get("status").asString()).isEqualTo("UP");
            lock.rollback();
        }
        assertThat(held.get().statusCode()).as(held.get().body()).isEqualTo(200);
        assertThat(get("auditor", EXPORT).statusCode())
                .as("the turn is free again")
                .isEqualTo(200);
    }

    @Test
    void anExpensiveReadCancelledAtItsTimeLimitIsA503ProblemNotA500() throws Exception {
        awaitNoExpensiveReadInFlight();
        try (Connection lock = checkpointTableLocked()) {
            // The export waits for the lock until its lock timeout (5 s) cancels it.
            HttpResponse<String> cancelled = get("auditor", EXPORT);
            assertProblem(cancelled, 503, "QUERY_TIMEOUT");
            assertThat(cancelled.headers().firstValue("Retry-After")).contains("5");
            lock.rollback();
        }
        assertThat(get("auditor", EXPORT).statusCode()).isEqualTo(200);
    }

    @Test
    void withEveryConnectionOfTheExpensiveReadsPoolTakenReadinessAndOtherReadsAnswer() throws Exception {
        awaitNoExpensiveReadInFlight();
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < pool.expensiveReads().getMaximumPoolSize(); i++) {
                taken.add(pool.expensiveReads().getConnection());
            }
            HttpResponse<String> readiness = get(null, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            assertThat(get("coordinator", "/api/plans/eu-wap-nl/actions").statusCode())
                    .isIn(200, 404);
            assertThat(get("auditor", "/api/integrity/verify").statusCode()).isEqualTo(200);
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
    }

    @Test
    void theExpensiveReadsPoolIsSmallReadOnlyAndItsOwn() {
        assertThat(pool.expensiveReads().getPoolName()).isEqualTo(ExpensiveReadPool.POOL_NAME);
        assertThat(pool.expensiveReads().getMaximumPoolSize())
                .as("EXPENSIVE_READS_MAX_CONCURRENT + 1")
                .isEqualTo(5);
        assertThat(pool.expensiveReads().isReadOnly()).isTrue();
        assertThat(jdbc.sql("SELECT current_setting('application_name')")
                        .query(String.class)
                        .single())
                .as("requests outside the bulkhead use the main pool")
                .isNotEqualTo(ExpensiveReadPool.APPLICATION_NAME);
        assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single())
                .as("the main pool keeps spring.datasource.hikari's settings")
                .isEqualTo("off");
        ExpensiveReadPool.enter();
        try {
            assertThat(jdbc.sql("SELECT current_setting('application_name')")
                            .query(String.class)
                            .single())
                    .isEqualTo(ExpensiveReadPool.APPLICATION_NAME);
            assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single())
                    .as("EXPENSIVE_READS_STATEMENT_TIMEOUT")
                    .isEqualTo("10s");
            assertThat(jdbc.sql("SHOW transaction_read_only")
                            .query(String.class)
                            .single())
                    .isEqualTo("on");
        } finally {
            ExpensiveReadPool.leave();
        }
        assertThat(meters.find("hikaricp.connections.max")
                        .tag("pool", ExpensiveReadPool.POOL_NAME)
                        .gauge())
                .as("the pool's metrics, by its name")
                .isNotNull()
                .satisfies(gauge -> assertThat(gauge.value()).isEqualTo(5));
    }

    @Test
    void oneFullVerificationRunsAtATimeThroughTheExpensiveReadsPool() throws Exception {
        long first;
        long waiting;
        awaitNoExpensiveReadInFlight();
        try (Connection lock = checkpointTableLocked()) {
            first = json(post("auditor", "/api/integrity/verify").body())
                    .get("pass")
                    .asLong();
            awaitWaitingForTheLock(1);
            waiting = json(post("auditor", "/api/integrity/verify").body())
                    .get("pass")
                    .asLong();
            assertThat(waiting).isGreaterThan(first);
            for (int i = 0; i < 5; i++) {
                assertThat(json(post("auditor", "/api/integrity/verify").body())
                                .get("pass")
                                .asLong())
                        .as("a pass already waits: no other is started")
                        .isEqualTo(waiting);
            }
            JsonNode latest = getJson("auditor", "/api/integrity/verify");
            assertThat(latest.get("running").get("pass").asLong()).isEqualTo(first);
            lock.rollback();
        }
        // The held pass took as long as the lock was held; the one waiting behind it rests three times as long before
        // it
        // starts (full passes take at most a quarter of the time: FULL_PASSES_MAX_SHARE).
        JsonNode held = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> getJson("auditor", "/api/integrity/verify").path("lastFullPass"),
                        pass -> pass.path("pass").asLong() >= first);
        assertThat(held.path("pass").asLong())
                .as("seen before the waiting pass started: it rests a second or more")
                .isEqualTo(first);
        Instant heldEnded = Instant.parse(held.path("finishedAt").asString());
        Duration heldFor = Duration.between(Instant.parse(held.path("startedAt").asString()), heldEnded);
        JsonNode next = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> getJson("auditor", "/api/integrity/verify").path("lastFullPass"),
                        pass -> pass.path("pass").asLong() >= waiting);
        assertThat(Duration.between(
                        heldEnded, Instant.parse(next.path("startedAt").asString())))
                .isGreaterThanOrEqualTo(heldFor.multipliedBy(3).minusMillis(50));
    }

    /** A transaction of the checkpoint table's owner holding its strongest lock: every read of it waits. */
    private Connection checkpointTableLocked() throws Exception {
        Connection connection = ownerConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE event_store.chain_checkpoint IN ACCESS EXCLUSIVE MODE");
        }
        return connection;
    }

    /** Sessions of the expensive reads' pool waiting for a lock: they hold its connections, not the main pool's. */
    private void awaitWaitingForTheLock(int sessions) {
        await().atMost(Duration.ofMillis(4500))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> waitingForALock() == sessions);
    }

    private long waitingForALock() {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE application_name = ? AND wait_event_type = 'Lock'""")
                .param(ExpensiveReadPool.APPLICATION_NAME)
                .query(Long.class)
                .single();
    }

    /** Reads a test held are over (they end at their lock timeout at the latest), and an export has been answered. */
    private void awaitNoExpensiveReadInFlight() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> waitingForALock() == 0 && get("auditor", EXPORT).statusCode() == 200);
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String user, String path) {
        return HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
