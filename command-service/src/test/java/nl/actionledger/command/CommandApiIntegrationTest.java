package nl.actionledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import nl.actionledger.command.action.ChangeActionStatusCommand;
import nl.actionledger.command.action.Requester;
import nl.actionledger.command.eventstore.MissingActorException;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.support.testing.CommittedApiDescription;
import nl.actionledger.support.testing.DocumentedProblems;
import nl.actionledger.support.testing.DocumentedRoles;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import nl.actionledger.support.testing.RecordedSpans;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Command-service through HTTP on a real PostgreSQL: what is stored for an accepted change, what every kind of
 * bad request gets (and that it stores nothing), registration at start-up, the schema traps, and concurrent
 * writers on one and on two instances.
 */
// Tracing on (it is off by default), its spans recorded: see the test of one trace per change.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.tracing.export.enabled=true")
@Import(RecordedSpans.Recording.class)
@ActiveProfiles("test")
class CommandApiIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static String databaseUrl;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        databaseUrl = EmbeddedPostgresDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<ApplicationRunner> runners;

    @Autowired
    Cache actionCache;

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    RecordedSpans recordedSpans;

    // --- accepted changes -------------------------------------------------------------------------------

    @Test
    void statusChangeIsStoredWithActorCorrelationIdAndBeforeAndAfter() {
        assignToTheCoordinatorsOrganisation("28");
        HttpResponse<String> response = post(
                port,
                "coordinator",
                "/api/plans/eu-wap-nl/actions/28/status",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"Kick-off held\"}",
                Map.of("X-Correlation-Id", "req-28-a"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(json(response.body()))
                .isEqualTo(json("{\"planId\":\"eu-wap-nl\",\"actionId\":\"28\",\"version\":2}"));

        Map<String, Object> event = jdbc.sql("""
                        SELECT payload_type, convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta,
                               time_stamp FROM event_store.domain_event_entry
                        WHERE aggregate_identifier = 'eu-wap-nl/28' AND sequence_number = 2""").query().singleRow();
        assertThat(event.get("payload_type")).isEqualTo("nl.actionledger.events.ActionStatusChangedEvent");
        JsonNode payload = json((String) event.get("payload"));
        assertThat(payload.get("previousStatus").asString()).isEqualTo("CONTINUOUS");
        assertThat(payload.get("newStatus").asString()).isEqualTo("IN_PROGRESS");
        assertThat(payload.get("reason").asString()).isEqualTo("Kick-off held");
        JsonNode metadata = json((String) event.get("meta"));
        assertThat(metadata.get("actor").asString()).isEqualTo("coordinator");
        assertThat(metadata.get("correlationId").asString()).isEqualTo("req-28-a");
        assertThat((String) event.get("time_stamp")).isNotBlank();
    }

    /** Sent in one piece with its length, not as a chunk and a closing chunk (WholeResponses): answers and problems. */
    @Test
    void answersAndProblemsGoOutWholeWithTheirLength() {
        HttpResponse<String> accepted = post(
                port,
                "admin",
                "/api/plans/eu-wap-nl/actions/37/status",
                "{\"status\":\"ON_HOLD\",\"reason\":\"Waiting for the budget\"}",
                Map.of());
        HttpResponse<String> refused = post(
                port,
                "admin",
                "/api/plans/eu-wap-nl/actions/999/status",
                "{\"status\":\"ON_HOLD\",\"reason\":\"No such action\"}",
                Map.of());

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertProblem(refused, 404, "ACTION_NOT_FOUND");
        for (HttpResponse<String> response : List.of(accepted, refused)) {
            assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
            assertThat(response.headers().firstValueAsLong("Content-Length"))
                    .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void generatesACorrelationIdWhenNoneIsGiven() {
        HttpResponse<String> response = post(
                port,
                "admin",
                "/api/plans/eu-wap-nl/actions/29/assignment",
                "{\"organisation\":\"RVO\",\"contact\":\"CITES bureau\",\"reason\":\"RVO runs e-permitting\"}",
                Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        String generated = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        String stored = jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' FROM event_store.domain_event_entry
                        WHERE aggregate_identifier = 'eu-wap-nl/29' AND sequence_number = 1""").query(String.class).single();
        assertThat(stored).isEqualTo(generated).isNotBlank();
    }

    @Test
    void aChangeIsOneTraceFromTheRequestThroughTheCommandToItsEventWhichCarriesTheTraceOn() {
        String traceId = RecordedSpans.newTraceId();
        String clientSpan = RecordedSpans.newSpanId();
        HttpResponse<String> response = post(
                port,
                "admin",
                "/api/plans/eu-wap-nl/actions/50/status",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"Traced\"}",
                Map.of("traceparent", RecordedSpans.traceparent(traceId, clientSpan)));
        assertThat(response.statusCode()).isEqualTo(200);

        String eventTraceparent = jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'traceparent' FROM event_store.domain_event_entry
                        WHERE aggregate_identifier = 'eu-wap-nl/50' ORDER BY sequence_number DESC LIMIT 1""").query(String.class).single();
        assertThat(eventTraceparent).startsWith("00-" + traceId + "-");

        RecordedSpans.Trace trace = recordedSpans.trace(traceId);
        SpanData request = trace.spans().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no HTTP span in " + trace));
        assertThat(request.getParentSpanId()).isEqualTo(clientSpan);
        SpanData handling = trace.named("CommandBus.handleCommand").stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no command handling span in " + trace));
        assertThat(trace.descendsFrom(handling, request)).isTrue();
        SpanData eventsParent = trace.withId(RecordedSpans.spanIdOf(eventTraceparent))
                .orElseThrow(() -> new AssertionError("the event's parent span is not in " + trace));
        assertThat(trace.descendsFrom(eventsParent, handling)).isTrue();
        // The actor stays out of the spans (application.yml: an erasure could not remove it from a tracing backend).
        assertThat(trace.spans())
                .allSatisfy(span ->
                        assertThat(span.getAttributes().asMap().toString()).doesNotContain("admin"));
    }

    @Test
    void timeframeIsStoredTypedAndRaw() {
        HttpResponse<String> response = post(
                port,
                "admin",
                "/api/plans/eu-wap-nl/actions/10/timeframe",
                "{\"timeframe\":\"Vanaf 2026\",\"reason\":\"Study delayed\"}",
                Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode payload = json(jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry
                        WHERE aggregate_identifier = 'eu-wap-nl/10' AND sequence_number = 1""").query(String.class).single());
        assertThat(payload.get("previousTimeframe").get("type").asString()).isEqualTo("RANGE");
        assertThat(payload.get("newTimeframe").get("type").asString()).isEqualTo("FROM");
        assertThat(payload.get("newTimeframe").get("fromYear").asInt()).isEqualTo(2026);
        assertThat(payload.get("newTimeframe").get("raw").asString()).isEqualTo("Vanaf 2026");
    }

    @Test
    void theActorComesFromAuthenticationNotFromTheBody() {
        HttpResponse<String> response = post(
                port,
                "coordinator",
                "/api/plans/eu-wap-nl/actions/11/status",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"x\",\"actor\":\"someone-else\"}",
                Map.of());

        assertProblem(response, 400, "UNKNOWN_FIELD");
        assertThat(eventsOf("eu-wap-nl/11")).isEqualTo(1);
    }

    /** Sign-in refuses a user without a name; behind it, the event store refuses an event without an actor. */
    @Test
    void noChangeIsAppendedWithoutAnActor() {
        for (Map<String, String> metadata : List.of(
                Map.<String, String>of(),
                Map.of(EventMetadataKeys.ACTOR, ""),
                Map.of(EventMetadataKeys.ACTOR, "  ", EventMetadataKeys.ACTOR_NAME, "r.devries"))) {
            var command = GenericCommandMessage.asCommandMessage(new ChangeActionStatusCommand(
                            ActionRef.of("eu-wap-nl", "12"),
                            ImplementationStatus.ON_HOLD,
                            "nobody asked",
                            null,
                            new Requester("", null, true)))
                    .andMetaData(metadata);

            assertThatThrownBy(() -> commandGateway.sendAndWait(command))
                    .as("metadata %s", metadata)
                    .isInstanceOf(MissingActorException.class);
        }
        assertThat(eventsOf("eu-wap-nl/12")).isEqualTo(1);
    }

    // --- refused requests: a problem response, and nothing stored -------------------------------------

    @ParameterizedTest(name = "{0} {1} as {2} -> {4} {5}")
    @CsvSource(
            delimiter = '|',
            value = {
                "status     | 14 | evaluator   | {\"status\":\"IN_PROGRESS\",\"reason\":\"r\"}                 | 403 | FORBIDDEN",
                "status     | 14 | auditor     | {\"status\":\"IN_PROGRESS\",\"reason\":\"r\"}                 | 403 | FORBIDDEN",
                "status     | 14 | coordinator | {\"status\":\"IN_PROGRESS\"                                  | 400 | MALFORMED_JSON",
                "status     | 14 | coordinator | {\"status\":\"IN_PROGRESS\"}                                 | 400 | VALIDATION_FAILED",
                "status     | 14 | coordinator | {\"status\":\"IN_PROGRESS\",\"reason\":\"   \"}              | 400 | VALIDATION_FAILED",
                "status     | 14 | coordinator | {\"reason\":\"r\"}                                           | 400 | VALIDATION_FAILED",
                "status     | 14 | coordinator | {\"status\":\"FINISHED\",\"reason\":\"r\"}                   | 400 | UNKNOWN_VALUE",
                "status     | 14 | coordinator | {\"status\":7,\"reason\":\"r\"}                              | 400 | UNKNOWN_VALUE",
                "status     | 14 | coordinator | {\"status\":\"IN_PROGRESS\",\"reason\":[\"r\"]}              | 400 | INVALID_VALUE",
                "status     | 14 | coordinator | {\"status\":\"IN_PROGRESS\",\"reason\":\"r\",\"version\":9}  | 400 | UNKNOWN_FIELD",
                "status     | 14 | coordinator | []                                                          | 400 | INVALID_VALUE",
                "status     | 14 | coordinator | {\"status\":\"CONTINUOUS\",\"reason\":\"no-op\"}             | 422 | NO_CHANGE",
                "assignment | 14 | coordinator | {\"contact\":\"x\",\"reason\":\"r\"}                         | 400 | VALIDATION_FAILED",
                "timeframe  | 14 | coordinator | {\"timeframe\":\"soon\",\"reason\":\"r\"}                    | 400 | UNPARSEABLE_TIMEFRAME",
                "timeframe  | 14 | coordinator | {\"timeframe\":\"2027 - 2025\",\"reason\":\"r\"}             | 400 | UNPARSEABLE_TIMEFRAME",
                "timeframe  | 14 | coordinator | {\"timeframe\":\"continuous\",\"reason\":\"same thing\"}     | 422 | NO_CHANGE",
                "status     | 99 | coordinator | {\"status\":\"IN_PROGRESS\",\"reason\":\"r\"}                 | 404 | ACTION_NOT_FOUND",
                "status     | 16 | coordinator | {\"status\":\"IN_PROGRESS\",\"reason\":\"not ours\"}          | 403 | NOT_PERMITTED",
                "assignment | 16 | coordinator | {\"organisation\":\"LVVN\",\"reason\":\"claim it\"}      | 403 | NOT_PERMITTED",
            })
    void refusesBadRequestsWithAProblemAndStoresNothing(
            String command, String actionId, String user, String body, int status, String errorCode) {
        assignToTheCoordinatorsOrganisation("14");
        long before = allEvents();

        HttpResponse<String> response =
                post(port, user, "/api/plans/eu-wap-nl/actions/" + actionId + "/" + command, body, Map.of());

        assertProblem(response, status, errorCode);
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void refusesAnOverlongReason() {
        String body = "{\"status\":\"IN_PROGRESS\",\"reason\":\"" + "x".repeat(2001) + "\"}";
        assertProblem(
                post(port, "coordinator", "/api/plans/eu-wap-nl/actions/14/status", body, Map.of()),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void unknownPlanIsNotFound() {
        assertProblem(
                post(
                        port,
                        "coordinator",
                        "/api/plans/eu-wap-be/actions/14/status",
                        "{\"status\":\"IN_PROGRESS\",\"reason\":\"r\"}",
                        Map.of()),
                404,
                "PLAN_NOT_FOUND");
    }

    @Test
    void missingOrWrongCredentialsAreUnauthorized() {
        HttpResponse<String> anonymous =
                send(HttpRequest.newBuilder(uri(port, "/api/plans/eu-wap-nl/actions/14/status"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"IN_PROGRESS\",\"reason\":\"r\"}"))
                        .build());
        assertProblem(anonymous, 401, "UNAUTHENTICATED");

        HttpResponse<String> wrongPassword =
                send(HttpRequest.newBuilder(uri(port, "/api/plans/eu-wap-nl/actions/14/status"))
                        .header("Authorization", basic("coordinator", "wrong"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"IN_PROGRESS\",\"reason\":\"r\"}"))
                        .build());
        assertProblem(wrongPassword, 401, "UNAUTHENTICATED");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"action-ledger\"");
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"action-ledger\"");
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(port, "/api/plans/eu-wap-nl/actions/14/status"))
                .header("Authorization", basic("coordinator", "coordinator"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("status=IN_PROGRESS"))
                .build());
        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void staleIfMatchIsAPreconditionFailureAndStoresNothing(CapturedOutput output) {
        String path = "/api/plans/eu-wap-nl/actions/15/status";
        HttpResponse<String> first =
                post(port, "admin", path, "{\"status\":\"ON_HOLD\",\"reason\":\"a\"}", Map.of("If-Match", "\"0\""));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).contains("\"1\"");

        HttpResponse<String> stale =
                post(port, "admin", path, "{\"status\":\"IN_PROGRESS\",\"reason\":\"b\"}", Map.of("If-Match", "\"0\""));
        assertProblem(stale, 412, "VERSION_MISMATCH");
        assertThat(output.getAll())
                .as("an expected refusal is an answer, not a warning in the log")
                .doesNotContain("ActionChangeRejectedException");
        assertProblem(
                post(
                        port,
                        "admin",
                        path,
                        "{\"status\":\"IN_PROGRESS\",\"reason\":\"b\"}",
                        Map.of("If-Match", "\"banana\"")),
                400,
                "INVALID_IF_MATCH");
        // the current version, but weak: If-Match compares strongly, so it never matches
        assertProblem(
                post(
                        port,
                        "admin",
                        path,
                        "{\"status\":\"IN_PROGRESS\",\"reason\":\"b\"}",
                        Map.of("If-Match", "W/\"1\"")),
                412,
                "VERSION_MISMATCH");
        assertThat(eventsOf("eu-wap-nl/15")).isEqualTo(2);

        HttpResponse<String> current =
                post(port, "admin", path, "{\"status\":\"IN_PROGRESS\",\"reason\":\"b\"}", Map.of("If-Match", "\"1\""));
        assertThat(current.statusCode()).isEqualTo(200);
    }

    // --- idempotency keys ---------------------------------------------------------------------------------

    /** A client that lost the answer sends the same request again and gets the first answer; nothing new is stored. */
    @Test
    void aRepeatWithTheSameKeyGetsTheFirstAnswerAndStoresNothing() {
        String path = "/api/plans/eu-wap-nl/actions/42/status";
        long before = eventsOf("eu-wap-nl/42");
        Map<String, String> key = Map.of("Idempotency-Key", "3b0e6c1e-42-1");

        HttpResponse<String> first =
                post(port, "admin", path, "{\"status\":\"IN_PROGRESS\",\"reason\":\"Started\"}", key);
        // the same request, written differently
        HttpResponse<String> again =
                post(port, "admin", path, "{ \"reason\": \"Started\", \"status\": \"IN_PROGRESS\" }", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again.body())).isEqualTo(json(first.body()));
        assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(again.headers().firstValue("X-Correlation-Id"))
                .isEqualTo(first.headers().firstValue("X-Correlation-Id"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(eventsOf("eu-wap-nl/42")).isEqualTo(before + 1);

        assertProblem(
                post(port, "admin", path, "{\"status\":\"ON_HOLD\",\"reason\":\"Started\"}", key),
                422,
                "IDEMPOTENCY_KEY_REUSED");
        assertProblem(
                post(
                        port,
                        "admin",
                        "/api/plans/eu-wap-nl/actions/44/status",
                        "{\"status\":\"IN_PROGRESS\",\"reason\":\"Started\"}",
                        key),
                422,
                "IDEMPOTENCY_KEY_REUSED");
        assertThat(eventsOf("eu-wap-nl/42")).isEqualTo(before + 1);
    }

    /** A key belongs to the user who sent it: another user's request with the same key is a request of its own. */
    @Test
    void aKeyBelongsToItsUser() {
        assignToTheCoordinatorsOrganisation("45");
        String path = "/api/plans/eu-wap-nl/actions/45/timeframe";
        Map<String, String> key = Map.of("Idempotency-Key", "same-key-45");
        long before = eventsOf("eu-wap-nl/45");

        assertThat(post(port, "admin", path, "{\"timeframe\":\"2027\",\"reason\":\"Later\"}", key)
                        .statusCode())
                .isEqualTo(200);
        assertThat(post(port, "coordinator", path, "{\"timeframe\":\"2028\",\"reason\":\"Even later\"}", key)
                        .statusCode())
                .isEqualTo(200);
        assertThat(eventsOf("eu-wap-nl/45")).isEqualTo(before + 2);
    }

    /** A refusal is an answer too: the repeat gets it again, even once the action has changed so that it would pass. */
    @Test
    void aRepeatedRefusalIsTheFirstRefusal() {
        String path = "/api/plans/eu-wap-nl/actions/46/status";
        long version = eventsOf("eu-wap-nl/46") - 1;
        Map<String, String> stale = Map.of("Idempotency-Key", "k-46", "If-Match", "\"" + (version + 1) + "\"");

        HttpResponse<String> first = post(port, "admin", path, "{\"status\":\"ON_HOLD\",\"reason\":\"Paused\"}", stale);
        assertProblem(first, 412, "VERSION_MISMATCH");
        assertThat(post(port, "admin", path, "{\"status\":\"IN_PROGRESS\",\"reason\":\"Go\"}", Map.of())
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> again = post(port, "admin", path, "{\"status\":\"ON_HOLD\",\"reason\":\"Paused\"}", stale);
        assertProblem(again, 412, "VERSION_MISMATCH");
        assertThat(json(again.body())).isEqualTo(json(first.body()));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(eventsOf("eu-wap-nl/46")).isEqualTo(version + 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "", "256"})
    void aKeyThatIsNotVisibleAsciiOrTooLongIsRefused(String badKey) {
        badKey = badKey.equals("256") ? "k".repeat(256) : badKey;
        long before = allEvents();
        assertProblem(
                post(
                        port,
                        "admin",
                        "/api/plans/eu-wap-nl/actions/47/status",
                        "{\"status\":\"ON_HOLD\",\"reason\":\"Paused\"}",
                        Map.of("Idempotency-Key", badKey)),
                400,
                "INVALID_IDEMPOTENCY_KEY");
        assertThat(allEvents()).isEqualTo(before);
    }

    /** Eight copies of one request at once, half of them on another instance: one change, one answer for all. */
    @Test
    void copiesOfARequestSentAtOnceToTwoInstancesMakeOneChange() throws Exception {
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            int secondPort = second.getEnvironment().getProperty("local.server.port", Integer.class);
            long before = eventsOf("eu-wap-nl/48");
            List<Callable<HttpResponse<String>>> copies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int target = i % 2 == 0 ? port : secondPort;
                copies.add(() -> post(
                        target,
                        "admin",
                        "/api/plans/eu-wap-nl/actions/48/assignment",
                        "{\"organisation\":\"NVWA\",\"reason\":\"Inspections\"}",
                        Map.of("Idempotency-Key", "k-48")));
            }
            List<HttpResponse<String>> answers = runAll(copies);

            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(json(answer.body())).isEqualTo(json(answers.get(0).body()));
            });
            assertThat(eventsOf("eu-wap-nl/48")).isEqualTo(before + 1);
        }
    }

    /** The database refuses events stamped far from its clock; that is the deployment's fault, not the request's. */
    @Test
    void aClockFarFromTheDatabasesIsUnavailabilityAndStoresNothing() {
        String path = "/api/plans/eu-wap-nl/actions/16/status";
        long before = eventsOf("eu-wap-nl/16");
        GenericEventMessage.clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5));
        try {
            HttpResponse<String> refused = post(
                    port,
                    "admin",
                    path,
                    "{\"status\":\"ON_HOLD\",\"reason\":\"a\"}",
                    Map.of("If-Match", "\"" + (before - 1) + "\""));
            assertProblem(refused, 503, "CLOCK_DRIFT");
            assertThat(refused.headers().firstValue("Retry-After")).contains("60");
        } finally {
            GenericEventMessage.clock = Clock.systemUTC();
        }
        assertThat(eventsOf("eu-wap-nl/16")).isEqualTo(before);

        HttpResponse<String> retried = post(
                port,
                "admin",
                path,
                "{\"status\":\"ON_HOLD\",\"reason\":\"a\"}",
                Map.of("If-Match", "\"" + (before - 1) + "\""));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(eventsOf("eu-wap-nl/16")).isEqualTo(before + 1);
    }

    @Test
    void healthIsPublicAndOtherActuatorEndpointsNeedAdmin() {
        assertThat(send(HttpRequest.newBuilder(uri(port, "/actuator/health")).build())
                        .body())
                .contains("\"UP\"");
        assertProblem(get(port, "coordinator", "/actuator/info"), 403, "FORBIDDEN");
        assertThat(get(port, "admin", "/actuator/info").statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri(port, "/v3/api-docs")).build())
                        .statusCode())
                .isEqualTo(200);
    }

    /**
     * The API description served is the one committed in openapi/command-service.json. (Here, in this class's context,
     * rather than in a context of its own: a further context left open would keep its logging set-up for the tests
     * that come after it, such as the structured logs of ObservabilityIntegrationTest.)
     */
    @Test
    void theServedApiDescriptionIsTheCommittedOne() throws IOException {
        HttpResponse<String> served =
                send(HttpRequest.newBuilder(uri(port, "/v3/api-docs")).build());

        assertThat(served.statusCode()).isEqualTo(200);
        CommittedApiDescription.check("command-service", served.body());
    }

    /** The roles the description gives each endpoint are those the security rules enforce, call by call. */
    @Test
    void theDocumentedRolesAreTheEnforcedOnes() {
        DocumentedRoles.assertEnforced(
                port,
                send(HttpRequest.newBuilder(uri(port, "/v3/api-docs")).build()).body());
    }

    // --- hostile input: every request gets a 4xx problem and stores nothing ---------------------------------

    static Stream<String> hostileBodies() {
        String nested = "[".repeat(3000) + "]".repeat(3000);
        return Stream.of(
                "",
                "null",
                "[]",
                "\"status\"",
                "123",
                "not json",
                "{\"status\":",
                "{\"status\":\"IN_PROGRESS\",}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"r\",\"x\":" + nested + "}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"" + "x".repeat(20_000) + "\"}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"" + "y".repeat(2001) + "\"}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"nul\\u0000byte\"}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"escape \\u001b[31m red\"}",
                "{\"organisation\":\"NVWA\\r\\nINFO forged log line\",\"reason\":\"r\"}",
                "{\"timeframe\":\"2024\\n2025\",\"reason\":\"r\"}",
                "{\"organisation\":\"NVWA\\u0085forged\",\"reason\":\"r\"}",
                "{\"organisation\":\"NVWA\\u2028forged\",\"reason\":\"r\"}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"approved \\u202Edesufer\"}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"lone \\ud800 surrogate\"}",
                "{\"timeframe\":\"2024\\udc00\",\"reason\":\"r\"}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":5}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":true}",
                "{\"organisation\":12345,\"reason\":\"r\"}",
                "{\"status\":\"IN_PROGRESS' OR '1'='1\",\"reason\":\"r\"}",
                "{\"timeframe\":\"2024'); DROP TABLE event_store.domain_event_entry; --\",\"reason\":\"r\"}",
                "{\"status\":[\"IN_PROGRESS\"],\"reason\":\"r\"}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":{\"text\":\"r\"}}",
                "{\"status\":\"in_progress\",\"reason\":\"r\"}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"r\",\"actor\":\"minister\"}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"r\",\"timestamp\":\"2020-01-01T00:00:00Z\"}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"r\",\"version\":0}",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"r\",\"metaData\":{\"actor\":\"minister\"}}",
                "{\"organisation\":\"LVVN\",\"reason\":\"r\",\"correlationId\":\"forged\"}",
                "{\"status\":\"IN_PROGRESS\",\"status\":\"COMPLETED\",\"reason\":\"r\"}",
                "{\"organisation\":\"LVVN\",\"organisation\":\"NVWA\",\"reason\":\"r\"}");
    }

    @ParameterizedTest
    @MethodSource("hostileBodies")
    void hostileBodiesGetAProblemAndStoreNothing(String body) {
        assignToTheCoordinatorsOrganisation("18");
        long before = allEvents();
        for (String command : List.of("status", "assignment", "timeframe")) {
            HttpResponse<String> response =
                    post(port, "coordinator", "/api/plans/eu-wap-nl/actions/18/" + command, body, Map.of());
            assertThat(response.statusCode())
                    .as(command + " " + abbreviated(body) + " -> " + response.body())
                    .isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at nl.actionledger");
        }
        assertThat(allEvents()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a-correlation-id-that-is-far-too-long-to-be-one-a-correlation-id-that-is-far-too-long-to-be-one-abcdefg",
                "has space",
                "ümlaut",
                "semi;colon"
            })
    void hostileCorrelationIdsAreRefused(String correlationId) {
        assertProblem(
                post(
                        port,
                        "admin",
                        "/api/plans/eu-wap-nl/actions/19/status",
                        "{\"status\":\"ON_HOLD\",\"reason\":\"r\"}",
                        Map.of("X-Correlation-Id", correlationId)),
                400,
                "INVALID_CORRELATION_ID");
    }

    private static String abbreviated(String body) {
        return body.length() > 80 ? body.substring(0, 80) + "..." : body;
    }

    // --- who may call what: every cell of the README's table for command-service ---------------------------

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST | /api/plans/eu-wap-nl/actions/22/status     | anonymous   | 401",
                "POST | /api/plans/eu-wap-nl/actions/22/status     | coordinator | allowed",
                "POST | /api/plans/eu-wap-nl/actions/22/status     | evaluator   | 403",
                "POST | /api/plans/eu-wap-nl/actions/22/status     | auditor     | 403",
                "POST | /api/plans/eu-wap-nl/actions/22/status     | admin       | allowed",
                "POST | /api/plans/eu-wap-nl/actions/22/assignment | anonymous   | 401",
                "POST | /api/plans/eu-wap-nl/actions/22/assignment | coordinator | allowed",
                "POST | /api/plans/eu-wap-nl/actions/22/assignment | evaluator   | 403",
                "POST | /api/plans/eu-wap-nl/actions/22/assignment | auditor     | 403",
                "POST | /api/plans/eu-wap-nl/actions/22/assignment | admin       | allowed",
                "POST | /api/plans/eu-wap-nl/actions/22/timeframe  | anonymous   | 401",
                "POST | /api/plans/eu-wap-nl/actions/22/timeframe  | coordinator | allowed",
                "POST | /api/plans/eu-wap-nl/actions/22/timeframe  | evaluator   | 403",
                "POST | /api/plans/eu-wap-nl/actions/22/timeframe  | auditor     | 403",
                "POST | /api/plans/eu-wap-nl/actions/22/timeframe  | admin       | allowed",
                "POST | /api/admin/checkpoints                     | anonymous   | 401",
                "POST | /api/admin/checkpoints                     | coordinator | 403",
                "POST | /api/admin/checkpoints                     | evaluator   | 403",
                "POST | /api/admin/checkpoints                     | auditor     | 403",
                "POST | /api/admin/checkpoints                     | admin       | allowed",
                "GET  | /actuator/info                             | anonymous   | 401",
                "GET  | /actuator/info                             | coordinator | 403",
                "GET  | /actuator/info                             | evaluator   | 403",
                "GET  | /actuator/info                             | auditor     | 403",
                "GET  | /actuator/info                             | admin       | allowed",
                "GET  | /actuator/health                           | anonymous   | allowed",
                "GET  | /actuator/health                           | evaluator   | allowed",
                "GET  | /v3/api-docs                               | anonymous   | allowed",
                "GET  | /api/plans/eu-wap-nl/actions/22            | admin       | 403",
            })
    void accessFollowsTheRoleTable(String method, String path, String user, String expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path));
        if (!"anonymous".equals(user)) {
            request.header("Authorization", basic(user, user));
        }
        // An empty body: whoever is let through gets 400, so nothing is changed by this test.
        request = "POST".equals(method)
                ? request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                : request.GET();
        HttpResponse<String> response = send(request.build());

        if ("allowed".equals(expected)) {
            assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403);
        } else {
            assertProblem(
                    response, Integer.parseInt(expected), "401".equals(expected) ? "UNAUTHENTICATED" : "FORBIDDEN");
        }
    }

    // --- registration -------------------------------------------------------------------------------------

    @Test
    void registersEveryActionOnceAsSystem() throws Exception {
        List<Map<String, Object>> registrations = jdbc.sql("""
                        SELECT aggregate_identifier, convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' AS actor
                        FROM event_store.domain_event_entry WHERE sequence_number = 0 AND type = 'Action'""").query().listOfRows();
        assertThat(registrations)
                .hasSize(53)
                .allSatisfy(row -> assertThat(row.get("actor")).isEqualTo("system"));
        List<Map<String, Object>> organisations = jdbc.sql("""
                        SELECT aggregate_identifier, convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' AS actor
                        FROM event_store.domain_event_entry WHERE sequence_number = 0 AND type = 'Organisation'""").query().listOfRows();
        assertThat(organisations)
                .extracting(row -> row.get("aggregate_identifier"))
                .contains(
                        "organisation:lvvn",
                        "organisation:rvo",
                        "organisation:nvwa",
                        "organisation:douane",
                        "organisation:politie",
                        "organisation:om");
        assertThat(organisations).allSatisfy(row -> assertThat(row.get("actor")).isEqualTo("system"));
        long before = allEvents();

        for (ApplicationRunner runner : runners) {
            runner.run(null);
        }

        assertThat(allEvents()).isEqualTo(before);
    }

    // --- the schema traps ---------------------------------------------------------------------------------

    @Test
    void payloadMetadataAndTokenColumnsAreBytea() {
        List<Map<String, Object>> columns = jdbc.sql("""
                        SELECT table_name, column_name, data_type FROM information_schema.columns
                        WHERE table_schema = 'event_store'
                          AND column_name IN ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')""").query().listOfRows();
        assertThat(columns)
                .hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(column -> assertThat(column.get("data_type"))
                        .as(column.toString())
                        .isEqualTo("bytea"));
        assertThat(jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theGlobalIndexComesFromItsOwnSequenceOneAtATime() {
        long increment = jdbc.sql("""
                        SELECT increment_by FROM pg_sequences
                        WHERE schemaname = 'event_store' AND sequencename = 'domain_event_entry_global_index_seq'""").query(Long.class).single();
        assertThat(increment).isEqualTo(1);
        // One instance, one number per event: the 53 registrations took 1..53 without gaps.
        Map<String, Object> range = jdbc.sql("""
                        SELECT min(global_index) AS low, max(global_index) AS high, count(*) AS events
                        FROM event_store.domain_event_entry WHERE sequence_number = 0""").query().singleRow();
        assertThat(((Number) range.get("high")).longValue() - ((Number) range.get("low")).longValue() + 1)
                .isEqualTo(((Number) range.get("events")).longValue());
    }

    // --- tamper evidence ------------------------------------------------------------------------------------

    @Test
    void everyAppendedEventIsChainedToThePreviousOneOfItsAction() {
        assertThat(post(
                                port,
                                "admin",
                                "/api/plans/eu-wap-nl/actions/33/status",
                                "{\"status\":\"IN_PROGRESS\",\"reason\":\"chained\"}",
                                Map.of())
                        .statusCode())
                .isEqualTo(200);

        Boolean chained = jdbc.sql("""
                        SELECT e1.event_hash = event_store.event_hash(e0.event_hash, e1.type, e1.aggregate_identifier,
                                   e1.sequence_number, e1.time_stamp, e1.payload_type, e1.meta_data, e1.payload,
                                   e1.inserted_at, e1.inserted_by)
                        FROM event_store.domain_event_entry e0 JOIN event_store.domain_event_entry e1
                          ON e1.aggregate_identifier = e0.aggregate_identifier AND e1.sequence_number = e0.sequence_number + 1
                        WHERE e0.aggregate_identifier = 'eu-wap-nl/33' AND e0.sequence_number = 0""").query(Boolean.class).single();
        assertThat(chained).isTrue();
    }

    /** A browser sends remembered Basic credentials with requests other sites make: those are refused here too. */
    @Test
    void aCheckpointRequestThatAnotherSiteCouldHaveSentIsRefused() {
        HttpRequest.Builder noBodyType = HttpRequest.newBuilder(uri(port, "/api/admin/checkpoints"))
                .header("Authorization", basic("admin", "admin"))
                .POST(HttpRequest.BodyPublishers.noBody());
        HttpRequest.Builder form = HttpRequest.newBuilder(uri(port, "/api/admin/checkpoints"))
                .header("Authorization", basic("admin", "admin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b"));

        assertProblem(send(noBodyType.build()), 403, "CROSS_SITE_REQUEST_REFUSED");
        assertProblem(send(form.build()), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(send(noBodyType.header("X-Requested-With", "curl").build()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAdminRecordsACheckpointOnDemand() {
        assertProblem(post(port, "coordinator", "/api/admin/checkpoints", "", Map.of()), 403, "FORBIDDEN");

        HttpResponse<String> recorded = post(port, "admin", "/api/admin/checkpoints", "", Map.of());

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        JsonNode checkpoint = json(recorded.body());
        assertThat(checkpoint.get("chains").asInt()).isGreaterThanOrEqualTo(53);
        assertThat(checkpoint.get("digest").asString()).hasSize(64);
        assertThat(jdbc.sql("SELECT count(*) FROM event_store.chain_checkpoint_head WHERE checkpoint_id = ?")
                        .param(checkpoint.get("id").asLong())
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    /**
     * A checkpoint reads every event's time stamp and every chain's head: one at a time. Held open (it waits for a lock
     * the test holds on the checkpoint table), a second request is a 429 problem with Retry-After, while changes and
     * readiness still answer.
     */
    @Test
    void aCheckpointWhileOneIsBeingRecordedIs429AndChangesGoOn() throws Exception {
        CompletableFuture<HttpResponse<String>> first;
        try (Connection lock = EmbeddedPostgresDatabase.connect(databaseUrl, EmbeddedPostgresDatabase.OWNER)
                .getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE event_store.chain_checkpoint IN ACCESS EXCLUSIVE MODE");
            }
            first = HTTP.sendAsync(
                    HttpRequest.newBuilder(uri(port, "/api/admin/checkpoints"))
                            .header("Authorization", basic("admin", "admin"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(""))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofMillis(4500))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND query LIKE '%record_checkpoint%'""").query(Long.class).single() == 1);

            HttpResponse<String> second = post(port, "admin", "/api/admin/checkpoints", "", Map.of());
            assertProblem(second, 429, "TOO_BUSY");
            assertThat(second.headers().firstValue("Retry-After")).contains("5");
            assertThat(first).as("still waiting for the lock").isNotDone();
            assertThat(post(
                                    port,
                                    "admin",
                                    "/api/plans/eu-wap-nl/actions/49/status",
                                    "{\"status\":\"ON_HOLD\",\"reason\":\"Waiting for the budget\"}",
                                    Map.of())
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> readiness = send(HttpRequest.newBuilder(uri(port, "/actuator/health/readiness"))
                    .build());
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            lock.rollback();
        }
        assertThat(first.get().statusCode()).as(first.get().body()).isEqualTo(200);
        assertThat(post(port, "admin", "/api/admin/checkpoints", "", Map.of()).statusCode())
                .isEqualTo(200);
    }

    /** A statement PostgreSQL gives up on at the lock timeout (5 s) stores nothing and is 503, not 500. */
    @Test
    void aStatementCancelledAtItsLockTimeoutIs503WithRetryAfter() throws Exception {
        try (Connection lock = EmbeddedPostgresDatabase.connect(databaseUrl, EmbeddedPostgresDatabase.OWNER)
                .getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE event_store.chain_checkpoint IN ACCESS EXCLUSIVE MODE");
            }
            HttpResponse<String> refused = post(port, "admin", "/api/admin/checkpoints", "", Map.of());

            assertProblem(refused, 503, "DATABASE_TIMEOUT");
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            lock.rollback();
        }
        assertThat(post(port, "admin", "/api/admin/checkpoints", "", Map.of()).statusCode())
                .isEqualTo(200);
    }

    // --- concurrency ----------------------------------------------------------------------------------------

    @Test
    void concurrentWritersOnTwoInstancesLoseNoUpdate() throws Exception {
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            int secondPort = second.getEnvironment().getProperty("local.server.port", Integer.class);
            long registrationsBefore = jdbc.sql(
                            "SELECT count(*) FROM event_store.domain_event_entry WHERE sequence_number = 0 AND type = 'Action'")
                    .query(Long.class)
                    .single();
            assertThat(registrationsBefore)
                    .as("the second instance registered nothing again")
                    .isEqualTo(53);

            int writers = 24;
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int target = i % 2 == 0 ? port : secondPort;
                String body =
                        "{\"organisation\":\"nvwa\",\"contact\":\"Person " + i + "\",\"reason\":\"writer " + i + "\"}";
                calls.add(() -> post(target, "admin", "/api/plans/eu-wap-nl/actions/31/assignment", body, Map.of()));
            }
            List<HttpResponse<String>> responses = runAll(calls);

            List<Long> versions = responses.stream()
                    .filter(r -> r.statusCode() == 200)
                    .map(r -> json(r.body()).get("version").asLong())
                    .toList();
            // Conflicts between the instances are retried, so every writer gets through.
            assertThat(responses)
                    .allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
            assertThat(versions).doesNotHaveDuplicates();
            List<Long> stored = jdbc.sql("""
                            SELECT sequence_number FROM event_store.domain_event_entry
                            WHERE aggregate_identifier = 'eu-wap-nl/31' ORDER BY sequence_number""").query(Long.class).list();
            assertThat(stored).hasSize(versions.size() + 1);
            assertThat(stored.get(stored.size() - 1)).isEqualTo(versions.size());
            assertThat(versions).containsExactlyInAnyOrderElementsOf(stored.subList(1, stored.size()));
        }
    }

    /**
     * Each instance keeps the actions it decided on in memory. A change made through the other instance makes that
     * copy stale, and a decision must still be the one the stored history gives: an If-Match naming the newer version
     * is accepted, a coordinator of the organisation the other instance assigned may make changes, a change is
     * appended after the other instance's rather than over it, and no "no change" is decided on an old status.
     */
    @Test
    void anInstanceDecidesOnTheStoredHistoryAfterTheOtherInstanceChangedTheAction() {
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            int secondPort = second.getEnvironment().getProperty("local.server.port", Integer.class);
            String action = "/api/plans/eu-wap-nl/actions/35/";
            assertVersion(
                    post(
                            port,
                            "admin",
                            action + "assignment",
                            "{\"organisation\":\"NVWA\",\"reason\":\"first owner\"}",
                            Map.of()),
                    1);
            assertVersion(
                    post(
                            secondPort,
                            "admin",
                            action + "assignment",
                            "{\"organisation\":\"LVVN\",\"reason\":\"handed over\"}",
                            Map.of("If-Match", "\"1\"")),
                    2);

            assertVersion(
                    post(
                            port,
                            "coordinator",
                            action + "status",
                            "{\"status\":\"IN_PROGRESS\",\"reason\":\"started\"}",
                            Map.of("If-Match", "\"2\"")),
                    3);
            assertVersion(
                    post(
                            secondPort,
                            "coordinator",
                            action + "status",
                            "{\"status\":\"ON_HOLD\",\"reason\":\"paused\"}",
                            Map.of()),
                    4);
            assertVersion(
                    post(
                            port,
                            "coordinator",
                            action + "status",
                            "{\"status\":\"IN_PROGRESS\",\"reason\":\"resumed\"}",
                            Map.of()),
                    5);

            assertThat(eventsOf("eu-wap-nl/35")).isEqualTo(6);
        }
    }

    private static void assertVersion(HttpResponse<String> response, long version) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).contains("\"" + version + "\"");
    }

    @Test
    void concurrentWritersWithTheSameIfMatchLetExactlyOneThrough() throws Exception {
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = "{\"organisation\":\"rvo\",\"contact\":\"Team " + i + "\",\"reason\":\"claim " + i + "\"}";
            calls.add(() -> post(
                    port, "admin", "/api/plans/eu-wap-nl/actions/32/assignment", body, Map.of("If-Match", "\"0\"")));
        }
        List<HttpResponse<String>> responses = runAll(calls);

        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 412).hasSize(7);
        assertThat(eventsOf("eu-wap-nl/32")).isEqualTo(2);
    }

    private ConfigurableApplicationContext startSecondInstance() {
        // Command-line arguments, because default properties lose against application.yml.
        List<String> arguments = new ArrayList<>(EmbeddedPostgresDatabase.serviceArguments(databaseUrl));
        arguments.add("--server.port=0");
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new));
    }

    private static List<HttpResponse<String>> runAll(List<Callable<HttpResponse<String>>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCoordinatorMayHandTheirOwnActionOverButNotTakeItBack() {
        assignToTheCoordinatorsOrganisation("17");
        String path = "/api/plans/eu-wap-nl/actions/17/assignment";

        assertThat(post(port, "coordinator", path, "{\"organisation\":\"NVWA\",\"reason\":\"theirs\"}", Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertProblem(
                post(port, "coordinator", path, "{\"organisation\":\"LVVN\",\"reason\":\"back\"}", Map.of()),
                403,
                "NOT_PERMITTED");
        assertThat(eventsOf("eu-wap-nl/17")).isEqualTo(3);
    }

    /**
     * A snapshot is outside the hash chains: one that reassigns an action must change no permission. Nobody can write
     * one (the table refuses it), and one a superuser puts there with the guard switched off is ignored.
     */
    @Test
    void aForgedSnapshotChangesNoPermission() {
        HttpResponse<String> assigned = post(
                port,
                "admin",
                "/api/plans/eu-wap-nl/actions/41/assignment",
                "{\"organisation\":\"NVWA\",\"reason\":\"NVWA coordinates this action\"}",
                Map.of());
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        long version = eventsOf("eu-wap-nl/41") - 1;
        String registration = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry
                        WHERE aggregate_identifier = 'eu-wap-nl/41' AND sequence_number = 0""").query(String.class).single();
        JsonNode registered = json(registration);
        String forged = "{\"id\":\"eu-wap-nl/41\",\"ref\":" + registered.get("action") + ",\"status\":"
                + registered.get("status") + ",\"assignment\":{\"organisationId\":\"lvvn\",\"contact\":null},"
                + "\"timeframe\":" + registered.get("timeframe") + ",\"version\":" + version + "}";
        String insert = """
                INSERT INTO event_store.snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    time_stamp, payload_type, payload, meta_data)
                VALUES ('eu-wap-nl/41', ?, 'Action', gen_random_uuid()::text, ?, 'nl.actionledger.command.action.Action',
                        convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))""";

        String now = Instant.now().toString();
        assertThatThrownBy(() ->
                        jdbc.sql(insert).param(version).param(now).param(forged).update())
                .rootCause()
                .hasMessageContaining("permission denied");
        JdbcClient owner =
                JdbcClient.create(EmbeddedPostgresDatabase.connect(databaseUrl, EmbeddedPostgresDatabase.OWNER));
        assertThatThrownBy(() -> owner.sql(insert)
                        .param(version)
                        .param(now)
                        .param(forged)
                        .update())
                .rootCause()
                .hasMessageContaining("snapshots are not used");
        JdbcClient superuser = JdbcClient.create(EmbeddedPostgresDatabase.superuser(databaseUrl));
        superuser
                .sql("ALTER TABLE event_store.snapshot_event_entry DISABLE TRIGGER snapshot_event_entry_refused")
                .update();
        try {
            superuser.sql(insert).param(version).param(now).param(forged).update();
        } finally {
            superuser
                    .sql("ALTER TABLE event_store.snapshot_event_entry ENABLE TRIGGER snapshot_event_entry_refused")
                    .update();
        }
        actionCache.removeAll();

        assertProblem(
                post(
                        port,
                        "coordinator",
                        "/api/plans/eu-wap-nl/actions/41/status",
                        "{\"status\":\"IN_PROGRESS\",\"reason\":\"forged\"}",
                        Map.of()),
                403,
                "NOT_PERMITTED");
        assertThat(eventsOf("eu-wap-nl/41")).isEqualTo(version + 1);
    }

    /** Only an admin can assign an unassigned action; afterwards the coordinator (of LVVN) may change it. */
    private void assignToTheCoordinatorsOrganisation(String actionId) {
        HttpResponse<String> response = post(
                port,
                "admin",
                "/api/plans/eu-wap-nl/actions/" + actionId + "/assignment",
                "{\"organisation\":\"LVVN\",\"reason\":\"LVVN coordinates this action\"}",
                Map.of());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 422);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private long allEvents() {
        return jdbc.sql("SELECT count(*) FROM event_store.domain_event_entry")
                .query(Long.class)
                .single();
    }

    private long eventsOf(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregateId)
                .query(Long.class)
                .single();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String errorCode) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("errorCode").asString()).isEqualTo(errorCode);
        assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("Exception");
        DocumentedProblems.assertListed("command-service", response, errorCode);
    }

    private static HttpResponse<String> post(
            int port, String user, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path))
                .header("Authorization", basic(user, user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    private static HttpResponse<String> get(int port, String user, String path) {
        return send(HttpRequest.newBuilder(uri(port, path))
                .header("Authorization", basic(user, user))
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
