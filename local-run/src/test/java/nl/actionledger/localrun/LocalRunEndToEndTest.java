package nl.actionledger.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.actionledger.tooling.LedgerLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system as the README's run command starts it: embedded PostgreSQL, command-service and
 * query-service as separate processes. A change goes in through one service and comes out of the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    @TempDir
    static Path dataDir;
    private static LocalRun run;
    private static int databasePort;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path home = Path.of("").toAbsolutePath().getParent();
        databasePort = freePort();
        run = LocalRun.start(new LocalRunSettings(freePort(), freePort(), null, databasePort, dataDir,
                home.resolve("command-service/target/command-service.jar"),
                home.resolve("query-service/target/query-service.jar"), LocalRunSettings.LOOPBACK));
    }

    @AfterAll
    static void stopTheSystem() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void theWholePlanIsLoadedAndVisible() {
        await().atMost(VISIBLE_WITHIN).untilAsserted(() ->
                assertThat(json(get(run.queryUrl(), "evaluator", "/api/plans/eu-wap-nl/actions").body())).hasSize(53));
        JsonNode action = json(get(run.queryUrl(), "evaluator", "/api/plans/eu-wap-nl/actions/57").body());
        assertThat(action.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(action.get("timeframe").get("type").asText()).isEqualTo("ALREADY_DONE");
        assertThat(action.get("lastChangedBy").asText()).isEqualTo("system");
    }

    @Test
    @Order(2)
    void aChangeFlowsFromCommandToViewHistoryAndAudit() {
        // Only an admin can assign an action that has no organisation yet; then its coordinator may change it.
        HttpResponse<String> assigned = post(run.commandUrl(), "admin", "/api/plans/eu-wap-nl/actions/2/assignment",
                "{\"organisation\":\"LVVN\",\"contact\":\"Programme team\",\"reason\":\"LVVN runs the campaigns\"}",
                Map.of());
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        HttpResponse<String> accepted = post(run.commandUrl(), "coordinator", "/api/plans/eu-wap-nl/actions/2/status",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"Campaign on glass eels started\"}",
                Map.of("X-Correlation-Id", "e2e-2"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("ETag")).contains("\"2\"");

        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            JsonNode view = json(get(run.queryUrl(), "evaluator", "/api/plans/eu-wap-nl/actions/2").body());
            assertThat(view.get("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(view.get("organisation").asText()).isEqualTo("lvvn");
            assertThat(view.get("organisationName").asText()).contains("LVVN");
            assertThat(view.get("version").asLong()).isEqualTo(2);
            assertThat(view.get("lastChangedBy").asText()).isEqualTo("coordinator");
        });

        JsonNode trail = json(get(run.queryUrl(), "auditor", "/api/plans/eu-wap-nl/actions/2/audit").body())
                .get("entries");
        assertThat(trail).hasSize(3);
        JsonNode change = trail.get(0);
        assertThat(change.get("type").asText()).isEqualTo("ActionStatusChanged");
        assertThat(change.get("actor").asText()).isEqualTo("coordinator");
        assertThat(change.get("reason").asText()).isEqualTo("Campaign on glass eels started");
        assertThat(change.get("correlationId").asText()).isEqualTo("e2e-2");
        assertThat(change.get("changes").get(0).get("before").asText()).isEqualTo("CONTINUOUS");
        assertThat(change.get("changes").get(0).get("after").asText()).isEqualTo("IN_PROGRESS");

        JsonNode audit = json(get(run.queryUrl(), "auditor", "/api/audit?actor=coordinator&planId=eu-wap-nl").body());
        assertThat(audit.get("entries").get(0).get("eventId").asText()).isEqualTo(change.get("eventId").asText());
    }

    /** The local run ships the organisations that implement the Dutch plan, listed at start by the system. */
    @Test
    @Order(2)
    void theOrganisationsOfTheDutchPlanAreListed() {
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            JsonNode organisations = json(get(run.queryUrl(), "evaluator", "/api/organisations").body());
            java.util.List<String> ids = new java.util.ArrayList<>();
            organisations.forEach(organisation -> ids.add(organisation.get("id").asText()));
            assertThat(ids).contains("lvvn", "rvo", "nvwa", "douane", "politie", "om");
        });
    }

    @Test
    @Order(3)
    void bothServicesAnswerBadRequestsWithProblems() {
        String statusPath = "/api/plans/eu-wap-nl/actions/8/status";
        String body = "{\"status\":\"ON_HOLD\",\"reason\":\"waiting\"}";
        assertProblem(send(HttpRequest.newBuilder(URI.create(run.commandUrl() + statusPath))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build()), 401);
        assertProblem(post(run.commandUrl(), "evaluator", statusPath, body, Map.of()), 403);
        assertProblem(post(run.commandUrl(), "coordinator", statusPath, "{\"status\":\"ON_HOLD\"}", Map.of()), 400);
        assertProblem(post(run.commandUrl(), "coordinator", "/api/plans/eu-wap-nl/actions/4/status", body, Map.of()), 404);
        assertProblem(post(run.commandUrl(), "coordinator", statusPath, body, Map.of()), 403);
        assertProblem(post(run.commandUrl(), "admin", statusPath, body, Map.of("If-Match", "\"7\"")), 412);

        assertProblem(send(HttpRequest.newBuilder(URI.create(run.queryUrl() + "/api/audit")).build()), 401);
        assertProblem(get(run.queryUrl(), "evaluator", "/api/audit"), 403);
        assertProblem(get(run.queryUrl(), "evaluator", "/api/plans/eu-wap-nl/actions?status=SLEEPING"), 400);
        assertProblem(get(run.queryUrl(), "evaluator", "/api/plans/eu-wap-nl/actions/4"), 404);
    }

    @Test
    @Order(4)
    void aRestartRegistersNothingTwice() throws Exception {
        long eventsBefore = countEvents();

        run.restartCommandService();

        // Counted in the event table itself: a projection could lag behind a second registration.
        assertThat(countEvents()).isEqualTo(eventsBefore);
        HttpResponse<String> afterRestart = post(run.commandUrl(), "coordinator", "/api/plans/eu-wap-nl/actions/2/status",
                "{\"status\":\"COMPLETED\",\"reason\":\"Campaign finished\"}", Map.of("If-Match", "\"2\""));
        assertThat(afterRestart.statusCode()).as(afterRestart.body()).isEqualTo(200);
        assertThat(afterRestart.headers().firstValue("ETag")).contains("\"3\"");
    }

    /** The local run keeps its data across restarts, so what it acknowledges must survive a crash too. */
    @Test
    @Order(6)
    void theEmbeddedDatabaseIsDurable() throws Exception {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
                    result.next();
                    assertThat(result.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    /** Each service works as its own login, and the database lets nobody in without a password. */
    @Test
    @Order(7)
    void eachServiceHasItsOwnLoginAndTheDatabaseAsksForPasswords() throws Exception {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            List<String> logins = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT DISTINCT usename FROM pg_stat_activity "
                    + "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() ORDER BY usename")) {
                while (result.next()) {
                    logins.add(result.getString(1));
                }
            }
            assertThat(logins).containsExactly(LedgerLogins.RUNTIME, LedgerLogins.READER);
            try (ResultSet result = statement.executeQuery("SHOW listen_addresses")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("127.0.0.1");
            }
            try (ResultSet result = statement.executeQuery("SELECT DISTINCT auth_method FROM pg_hba_file_rules")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("scram-sha-256");
                assertThat(result.next()).isFalse();
            }
        }
        String url = "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, LedgerLogins.RUNTIME, LedgerLogins.RUNTIME).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    /** The services listen on the loopback address only: from another address of this machine they cannot be reached. */
    @Test
    @Order(8)
    void theServicesListenOnThisMachineOnly() throws Exception {
        InetAddress otherAddress = NetworkInterface.networkInterfaces()
                .filter(network -> isUp(network))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst().orElse(null);
        assumeTrue(otherAddress != null, "this machine has no address but the loopback one");
        for (String url : List.of(run.commandUrl(), run.queryUrl())) {
            int port = URI.create(url).getPort();
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(otherAddress, port), 2000);
                }
            }).as(url + " on " + otherAddress).isInstanceOf(IOException.class);
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private static long countEvents() throws Exception {
        try (Connection connection = database(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM event_store.domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection database() throws Exception {
        return run.embeddedSuperuser().getConnection();
    }

    /** Not a timed assertion: prints how long changes take to show, for the README's figure. */
    @Test
    @Order(5)
    void reportsHowQuicklyAChangeBecomesVisible() {
        List<Long> millis = new ArrayList<>();
        String[] statuses = {"ON_HOLD", "IN_PROGRESS"};
        for (int i = 0; i < 10; i++) {
            String status = statuses[i % 2];
            HttpResponse<String> accepted = post(run.commandUrl(), "admin", "/api/plans/eu-wap-nl/actions/12/status",
                    "{\"status\":\"" + status + "\",\"reason\":\"lag probe " + i + "\"}", Map.of());
            long acceptedAt = System.nanoTime();
            long version = json(accepted.body()).get("version").asLong();
            await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(5)).until(() ->
                    json(get(run.queryUrl(), "evaluator", "/api/plans/eu-wap-nl/actions/12").body())
                            .get("version").asLong() == version);
            millis.add((System.nanoTime() - acceptedAt) / 1_000_000);
        }
        millis.sort(Long::compare);
        System.out.println("Change visible in query-service after (ms, sorted, includes polling): " + millis);
        assertThat(millis).hasSize(10);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response.body()).get("errorCode").asText()).isNotBlank();
    }

    private static HttpResponse<String> post(String base, String user, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    private static HttpResponse<String> get(String base, String user, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The demo users' password is their name. */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + text, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
