package nl.actionledger.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import nl.actionledger.tooling.BrowserPageOnFailure;
import nl.actionledger.tooling.LedgerLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole system as the README's run command starts it: embedded PostgreSQL, command-service and
 * query-service as separate processes. A change goes in through one service and comes out of the other; the web
 * app's coordinators' journeys (in headless chromium, WebAppBrowser) send changes from query-service's page on to
 * command-service. Screenshots in target/webapp-screenshots.
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
    /** Opened by the first journey through the web app, on the same stack. */
    private static WebAppBrowser browser;

    @RegisterExtension
    static final BrowserPageOnFailure PAGE_ON_FAILURE =
            new BrowserPageOnFailure(() -> browser == null ? null : browser.driver());

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path home = Path.of("").toAbsolutePath().getParent();
        databasePort = freePort();
        run = LocalRun.start(new LocalRunSettings(
                freePort(),
                freePort(),
                null,
                databasePort,
                dataDir,
                home.resolve("command-service/target/command-service.jar"),
                home.resolve("query-service/target/query-service.jar"),
                LocalRunSettings.LOOPBACK));
    }

    @AfterAll
    static void stopTheSystem() {
        if (browser != null) {
            browser.close();
        }
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void theWholePlanIsLoadedAndVisible() {
        await().atMost(VISIBLE_WITHIN)
                .untilAsserted(() -> assertThat(json(get(run.queryUrl(), "evaluator", "/api/plans/eu-wap-nl/actions")
                                .body()))
                        .hasSize(53));
        JsonNode action = json(get(run.queryUrl(), "evaluator", "/api/plans/eu-wap-nl/actions/57")
                .body());
        assertThat(action.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(action.get("timeframe").get("type").asText()).isEqualTo("ALREADY_DONE");
        assertThat(action.get("lastChangedBy").asText()).isEqualTo("system");
    }

    @Test
    @Order(2)
    void aChangeFlowsFromCommandToViewHistoryAndAudit() {
        // Only an admin can assign an action that has no organisation yet; then its coordinator may change it.
        HttpResponse<String> assigned = post(
                run.commandUrl(),
                "admin",
                "/api/plans/eu-wap-nl/actions/2/assignment",
                "{\"organisation\":\"LVVN\",\"contact\":\"Programme team\",\"reason\":\"LVVN runs the campaigns\"}",
                Map.of());
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        HttpResponse<String> accepted = post(
                run.commandUrl(),
                "coordinator",
                "/api/plans/eu-wap-nl/actions/2/status",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"Campaign on glass eels started\"}",
                Map.of("X-Correlation-Id", "e2e-2"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("ETag")).contains("\"2\"");

        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            JsonNode view = json(get(run.queryUrl(), "evaluator", "/api/plans/eu-wap-nl/actions/2")
                    .body());
            assertThat(view.get("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(view.get("organisation").asText()).isEqualTo("lvvn");
            assertThat(view.get("organisationName").asText()).contains("LVVN");
            assertThat(view.get("version").asLong()).isEqualTo(2);
            assertThat(view.get("lastChangedBy").asText()).isEqualTo("coordinator");
        });

        JsonNode trail = json(get(run.queryUrl(), "auditor", "/api/plans/eu-wap-nl/actions/2/audit")
                        .body())
                .get("entries");
        assertThat(trail).hasSize(3);
        JsonNode change = trail.get(0);
        assertThat(change.get("type").asText()).isEqualTo("ActionStatusChanged");
        assertThat(change.get("actor").asText()).isEqualTo("coordinator");
        assertThat(change.get("reason").asText()).isEqualTo("Campaign on glass eels started");
        assertThat(change.get("correlationId").asText()).isEqualTo("e2e-2");
        assertThat(change.get("changes").get(0).get("before").asText()).isEqualTo("CONTINUOUS");
        assertThat(change.get("changes").get(0).get("after").asText()).isEqualTo("IN_PROGRESS");

        JsonNode audit = json(get(run.queryUrl(), "auditor", "/api/audit?actor=coordinator&planId=eu-wap-nl")
                .body());
        assertThat(audit.get("entries").get(0).get("eventId").asText())
                .isEqualTo(change.get("eventId").asText());
    }

    /** The local run ships the organisations that implement the Dutch plan, listed at start by the system. */
    @Test
    @Order(2)
    void theOrganisationsOfTheDutchPlanAreListed() {
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            JsonNode organisations =
                    json(get(run.queryUrl(), "evaluator", "/api/organisations").body());
            List<String> ids = new ArrayList<>();
            organisations.forEach(organisation -> ids.add(organisation.get("id").asText()));
            assertThat(ids).contains("lvvn", "rvo", "nvwa", "douane", "politie", "om");
        });
    }

    @Test
    @Order(3)
    void bothServicesAnswerBadRequestsWithProblems() {
        String statusPath = "/api/plans/eu-wap-nl/actions/8/status";
        String body = "{\"status\":\"ON_HOLD\",\"reason\":\"waiting\"}";
        assertProblem(
                send(HttpRequest.newBuilder(URI.create(run.commandUrl() + statusPath))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build()),
                401);
        assertProblem(post(run.commandUrl(), "evaluator", statusPath, body, Map.of()), 403);
        assertProblem(post(run.commandUrl(), "coordinator", statusPath, "{\"status\":\"ON_HOLD\"}", Map.of()), 400);
        assertProblem(
                post(run.commandUrl(), "coordinator", "/api/plans/eu-wap-nl/actions/4/status", body, Map.of()), 404);
        assertProblem(post(run.commandUrl(), "coordinator", statusPath, body, Map.of()), 403);
        assertProblem(post(run.commandUrl(), "admin", statusPath, body, Map.of("If-Match", "\"7\"")), 412);

        assertProblem(
                send(HttpRequest.newBuilder(URI.create(run.queryUrl() + "/api/audit"))
                        .build()),
                401);
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
        HttpResponse<String> afterRestart = post(
                run.commandUrl(),
                "coordinator",
                "/api/plans/eu-wap-nl/actions/2/status",
                "{\"status\":\"COMPLETED\",\"reason\":\"Campaign finished\"}",
                Map.of("If-Match", "\"2\""));
        assertThat(afterRestart.statusCode()).as(afterRestart.body()).isEqualTo(200);
        assertThat(afterRestart.headers().firstValue("ETag")).contains("\"3\"");
    }

    /** The local run keeps its data across restarts, so what it acknowledges must survive a crash too. */
    @Test
    @Order(6)
    void theEmbeddedDatabaseIsDurable() throws Exception {
        try (Connection connection = database();
                Statement statement = connection.createStatement()) {
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
        try (Connection connection = database();
                Statement statement = connection.createStatement()) {
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
        assertThatThrownBy(
                        () -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, LedgerLogins.RUNTIME, LedgerLogins.RUNTIME)
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    /** The services listen on the loopback address only: from another address of this machine they cannot be reached. */
    @Test
    @Order(8)
    void theServicesListenOnThisMachineOnly() throws Exception {
        InetAddress otherAddress = NetworkInterface.networkInterfaces()
                .filter(network -> isUp(network))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst()
                .orElse(null);
        assumeTrue(otherAddress != null, "this machine has no address but the loopback one");
        for (String url : List.of(run.commandUrl(), run.queryUrl())) {
            int port = URI.create(url).getPort();
            assertThatThrownBy(() -> {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress(otherAddress, port), 2000);
                        }
                    })
                    .as(url + " on " + otherAddress)
                    .isInstanceOf(IOException.class);
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
        try (Connection connection = database();
                Statement statement = connection.createStatement();
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
            HttpResponse<String> accepted = post(
                    run.commandUrl(),
                    "admin",
                    "/api/plans/eu-wap-nl/actions/12/status",
                    "{\"status\":\"" + status + "\",\"reason\":\"lag probe " + i + "\"}",
                    Map.of());
            long acceptedAt = System.nanoTime();
            long version = json(accepted.body()).get("version").asLong();
            await().atMost(VISIBLE_WITHIN)
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> json(get(run.queryUrl(), "evaluator", "/api/plans/eu-wap-nl/actions/12")
                                            .body())
                                    .get("version")
                                    .asLong()
                            == version);
            millis.add((System.nanoTime() - acceptedAt) / 1_000_000);
        }
        millis.sort(Long::compare);
        System.out.println("Change visible in query-service after (ms, sorted, includes polling): " + millis);
        assertThat(millis).hasSize(10);
    }

    private static final String ACTION_10 = "/actions/eu-wap-nl/10";

    /**
     * The coordinators' journey across both services: the change form on query-service's page, the change recorded by
     * command-service with the signed-in coordinator as its actor, the new state on the page after the redirect, and
     * the change in the timeline an auditor reads (a coordinator's role may not read the audit trail).
     */
    @Test
    @Order(9)
    void aCoordinatorChangesAStatusInTheWebAppAndAnAuditorSeesItInTheTimeline() throws IOException {
        long assigned = assignToTheCoordinatorsOrganisation("10");
        WebAppBrowser browser = browser();
        browser.open(ACTION_10, "coordinator");
        assertThat(loadedVersion(browser)).isEqualTo(assigned);
        new Select(browser.find("#status-new")).selectByValue("ON_HOLD");
        browser.find("#status-reason").sendKeys("Waiting for the customs pilot");
        browser.screenshot("coordinator-change-form");
        browser.submit("#change-status");

        long changed = assigned + 1;
        assertThat(browser.currentUrl()).endsWith(ACTION_10 + "?changed=" + changed);
        assertThat(browser.find("#current-status").getText()).isEqualTo("On hold");
        assertThat(browser.find("#change-done").getText()).contains("version " + changed);
        assertThat(browser.find(".facts").getText()).contains("· coordinator");
        assertThat(loadedVersion(browser)).isEqualTo(changed);
        browser.screenshot("coordinator-changed-status");

        // the actor is the coordinator as command-service authenticated them
        JsonNode latest = json(get(run.queryUrl(), "auditor", "/api/plans/eu-wap-nl/actions/10/audit")
                        .body())
                .get("entries")
                .get(0);
        assertThat(latest.get("actor").asText()).isEqualTo("coordinator");
        assertThat(latest.get("reason").asText()).isEqualTo("Waiting for the customs pilot");

        browser.signOut();
        browser.open(ACTION_10, "auditor");
        assertThat(browser.has("#change-status"))
                .as("an auditor is not offered the form")
                .isFalse();
        assertThat(browser.find("#timeline li[data-version='" + changed + "']").getText())
                .contains("by coordinator", "Waiting for the customs pilot", "NOT_STARTED", "ON_HOLD");
        browser.screenshot("auditor-timeline-after-coordinators-change");
        browser.signOut();
    }

    /**
     * Someone else changes the action between the coordinator's loading the page and sending the form: command-service
     * answers 412 to the version the form carried, and the page says so plainly, in English and in Dutch.
     */
    @Test
    @Order(10)
    void aStaleVersionShowsThatSomeoneElseChangedTheActionFirst() throws IOException {
        WebAppBrowser browser = browser();
        browser.open(ACTION_10, "coordinator");
        long loaded = loadedVersion(browser);
        changeTimeframeMeanwhile(loaded, "2025 - 2027");

        new Select(browser.find("#status-new")).selectByValue("IN_PROGRESS");
        browser.find("#status-reason").sendKeys("Pilot started");
        browser.submit("#change-status");

        assertThat(browser.find("#change-problem").getText())
                .startsWith("Someone else changed this action after you opened it, so your change was not made.");
        assertThat(browser.has("#change-status"))
                .as("the stale form is not offered again")
                .isFalse();
        browser.screenshot("coordinator-stale-version");
        browser.find("#change-reload").click();
        assertThat(loadedVersion(browser)).isEqualTo(loaded + 1);
        assertThat(browser.find(".facts").getText()).contains("2025 - 2027");

        browser.open(ACTION_10 + "?lang=nl", "coordinator");
        changeTimeframeMeanwhile(loaded + 1, "2025 - 2028");
        new Select(browser.find("#status-new")).selectByValue("IN_PROGRESS");
        browser.find("#status-reason").sendKeys("Pilot gestart");
        browser.submit("#change-status");
        assertThat(browser.find("#change-problem").getText())
                .startsWith("Iemand anders heeft deze actie gewijzigd nadat u haar opende");
        assertThat(browser.find("#change-reload").getText()).isEqualTo("De actie opnieuw laden");
        browser.screenshot("coordinator-stale-version-nl");
        browser.signOut();

        // neither stale change was made
        JsonNode view = json(get(run.queryUrl(), "evaluator", "/api/plans/eu-wap-nl/actions/10")
                .body());
        assertThat(view.get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(view.get("version").asLong()).isEqualTo(loaded + 2);
    }

    private static WebAppBrowser browser() {
        if (browser == null) {
            browser = WebAppBrowser.open(run.queryUrl());
        }
        return browser;
    }

    private static long loadedVersion(WebAppBrowser browser) {
        return Long.parseLong(
                browser.find("#change-status input[name='version']").getDomAttribute("value"));
    }

    /** Only an admin can assign an action to an organisation; then that organisation's coordinators may change it. */
    private static long assignToTheCoordinatorsOrganisation(String actionId) {
        HttpResponse<String> assigned = post(
                run.commandUrl(),
                "admin",
                "/api/plans/eu-wap-nl/actions/" + actionId + "/assignment",
                "{\"organisation\":\"LVVN\",\"reason\":\"LVVN leads the customs pilot\"}",
                Map.of());
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        long version = json(assigned.body()).get("version").asLong();
        awaitVersion(actionId, version);
        return version;
    }

    /** Another user's change through the API, on the version the coordinator's page loaded. */
    private static void changeTimeframeMeanwhile(long version, String timeframe) {
        HttpResponse<String> changed = post(
                run.commandUrl(),
                "admin",
                "/api/plans/eu-wap-nl/actions/10/timeframe",
                "{\"timeframe\":\"" + timeframe + "\",\"reason\":\"The pilot runs longer\"}",
                Map.of("If-Match", "\"" + version + "\""));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        awaitVersion("10", version + 1);
    }

    private static void awaitVersion(String actionId, long version) {
        await().atMost(VISIBLE_WITHIN)
                .untilAsserted(() -> assertThat(
                                json(get(run.queryUrl(), "evaluator", "/api/plans/eu-wap-nl/actions/" + actionId)
                                                .body())
                                        .get("version")
                                        .asLong())
                        .isEqualTo(version));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response.body()).get("errorCode").asText()).isNotBlank();
    }

    private static HttpResponse<String> post(
            String base, String user, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    private static HttpResponse<String> get(String base, String user, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(user))
                .build());
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
