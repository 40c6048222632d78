package nl.actionledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * No user can starve the others: each may send a limited number of changes a minute, and failed sign-ins are limited
 * per user name and per address; beyond, 429 with Retry-After. The sign-in test runs last: it blocks this address.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "actionledger.rate-limit.changes-per-minute=3",
            "actionledger.security.sign-in-throttle.failures-per-user=3",
            "actionledger.security.sign-in-throttle.failures-per-address=6"
        })
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThrottlingIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Order(1)
    void aUserBeyondTheLimitGets429WithRetryAfterAndOthersGoOn() throws Exception {
        for (int change = 0; change < 3; change++) {
            assertThat(timeframe("admin", "20" + (30 + change)).statusCode()).isEqualTo(200);
        }
        long events = jdbc.sql("SELECT count(*) FROM event_store.domain_event_entry")
                .query(Long.class)
                .single();

        HttpResponse<String> refused = timeframe("admin", "2040");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"errorCode\":\"RATE_LIMITED\"");
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(jdbc.sql("SELECT count(*) FROM event_store.domain_event_entry")
                        .query(Long.class)
                        .single())
                .isEqualTo(events);
        // reading is not limited, nor is another user
        assertThat(send("admin", HttpRequest.newBuilder(uri("/actuator/info"))).statusCode())
                .isEqualTo(200);
        assertThat(send(
                                "coordinator",
                                HttpRequest.newBuilder(uri("/api/plans/eu-wap-nl/actions/28/timeframe"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"timeframe\":\"2031\",\"reason\":\"x\"}")))
                        .statusCode())
                .as("the coordinator's own bucket (403: action 28 is not assigned to it)")
                .isEqualTo(403);
    }

    @Test
    @Order(2)
    void repeatedFailedSignInsAreThrottledPerUserAndThenPerAddress() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(signIn("evaluator", "guess-" + attempt).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = signIn("evaluator", "evaluator");
        assertThat(throttled.statusCode())
                .as("even the right password, until the window has passed")
                .isEqualTo(429);
        assertThat(throttled.body()).contains("\"errorCode\":\"SIGN_IN_THROTTLED\"");
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(signIn("admin", "admin").statusCode())
                .as("another user from the same address")
                .isEqualTo(200);

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(signIn("someone-" + attempt, "guess").statusCode()).isEqualTo(401);
        }
        assertThat(signIn("admin", "admin").statusCode())
                .as("six failures from this address")
                .isEqualTo(429);
    }

    private HttpResponse<String> signIn(String user, String password) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri("/actuator/info"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> timeframe(String user, String year) throws Exception {
        return send(
                user,
                HttpRequest.newBuilder(uri("/api/plans/eu-wap-nl/actions/30/timeframe"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"timeframe\":\"" + year + "\",\"reason\":\"Later\"}")));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        request.header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
