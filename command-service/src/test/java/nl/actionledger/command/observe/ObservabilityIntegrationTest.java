package nl.actionledger.command.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import nl.actionledger.support.testing.RecordedSpans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator sees of command-service: JSON log lines that name the request's correlation id and actor,
 * Prometheus metrics (for admins only) with the commands by endpoint and the refusals by errorCode, and no tracing
 * while it is not switched on (this context runs with the defaults; CommandApiIntegrationTest's traces).
 */
// Tracing as by default (off), but every trace sampled and every span recorded: a span made all the same would show.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.structured.format.console=ecs", "management.tracing.sampling.probability=1.0"})
@Import(RecordedSpans.Recording.class)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STATUS = "/api/plans/eu-wap-nl/actions/%s/status";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordedSpans recordedSpans;

    @Test
    void aLineLoggedDuringARequestNamesItsCorrelationIdAndActor(CapturedOutput output) {
        // Action 61 is assigned to no organisation: a coordinator is refused, and the refusal is logged.
        HttpResponse<String> refused = post(
                "coordinator",
                STATUS.formatted("61"),
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"Started\"}",
                Map.of("X-Correlation-Id", "obs-61-refused"));
        assertThat(refused.statusCode()).isEqualTo(403);

        JsonNode line = output.getOut()
                .lines()
                .filter(text -> text.contains("obs-61-refused"))
                .map(JSON::readTree)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line names the request:\n" + output.getOut()));
        assertThat(line.get("correlationId").asString()).isEqualTo("obs-61-refused");
        assertThat(line.get("actor").asString()).isEqualTo("coordinator");
        assertThat(line.get("message").asString()).contains("Refused POST");
    }

    @Test
    void aRequestWithoutAnIdGetsOneForItsLogLines(CapturedOutput output) {
        HttpResponse<String> refused = post(
                "coordinator", STATUS.formatted("62"), "{\"status\":\"IN_PROGRESS\",\"reason\":\"Started\"}", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);

        JsonNode line = output.getOut()
                .lines()
                .filter(text -> text.contains("Refused POST") && text.contains("/62/"))
                .map(JSON::readTree)
                .findFirst()
                .orElseThrow();
        assertThat(line.get("correlationId").asString()).matches("[0-9a-f-]{36}");
        assertThat(line.get("actor").asString()).isEqualTo("coordinator");
    }

    @Test
    void prometheusShowsCommandsByEndpointAndRefusalsByErrorCode() {
        assertThat(post("admin", STATUS.formatted("63"), "{\"status\":\"ON_HOLD\",\"reason\":\"Paused\"}", Map.of())
                        .statusCode())
                .isEqualTo(200);
        // Refused once, then answered again from its idempotency key: one refusal, counted once.
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(post(
                                    "admin",
                                    STATUS.formatted("63"),
                                    "{\"status\":\"ON_HOLD\",\"reason\":\"Paused\"}",
                                    Map.of("Idempotency-Key", "observability-63"))
                            .statusCode())
                    .isEqualTo(422);
        }
        assertThat(get(null, "/api/plans/eu-wap-nl/actions/63").statusCode()).isEqualTo(401);

        HttpResponse<String> scrape = get("admin", "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"200\"[^}]*"
                        + "uri=\"/api/plans/\\{planId}/actions/\\{actionId}/status\"")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"0\\.05\"")
                .containsPattern(
                        "actionledger_refusals_total\\{[^}]*errorCode=\"NO_CHANGE\"[^}]*status=\"422\"[^}]*} 1")
                .containsPattern("actionledger_refusals_total\\{[^}]*errorCode=\"UNAUTHENTICATED\"")
                .contains("application=\"command-service\"")
                // The log's events by level, counted as they are written (LoggedEventCounts).
                .containsPattern("logback_events_total\\{[^}]*level=\"info\"[^}]*} [1-9]")
                // Each request's timer, no long-task timer of the requests in flight (its cost per request, unread).
                .doesNotContain("http_server_requests_active");
    }

    @Test
    void tracingIsOffUnlessSwitchedOnNoSpansAndNoTraceContextInTheEvents() {
        HttpResponse<String> accepted = post(
                "admin",
                STATUS.formatted("66"),
                "{\"status\":\"ON_HOLD\",\"reason\":\"Paused\"}",
                Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertThat(accepted.statusCode()).isEqualTo(200);

        String metadata = jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry
                        WHERE aggregate_identifier = 'eu-wap-nl/66' ORDER BY sequence_number DESC LIMIT 1""").query(String.class).single();
        assertThat(JSON.readTree(metadata).has("traceparent")).as(metadata).isFalse();
        assertThat(recordedSpans.all()).isEmpty();
    }

    @Test
    void noTurboFilterIsAskedOnEveryLevelCheckOfEveryLogger() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(logging.getTurboFilterList()).isEmpty();
    }

    @Test
    void onlyAdminsMayScrape() {
        assertThat(get(null, "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("coordinator", "/actuator/prometheus").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> post(String user, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    private HttpResponse<String> get(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
