package nl.actionledger.query.webapp;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.actionledger.support.observe.RequestLogContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a change made in the app to command-service's API ({@code POST /api/plans/{planId}/actions/{actionId}/status},
 * {@code .../assignment}, {@code .../timeframe}), as the signed-in user ({@link CommandServiceCredentials}: their access
 * token, or HTTP Basic with their own name and password), so that command-service takes the actor from that sign-in as
 * for any client; with the version the user loaded as {@code If-Match}, and the request's correlation id, so both
 * services' logs and the event name the same one. Its answer becomes a {@link ChangeOutcome}: nothing of it reaches
 * the page but a problem's {@code detail}.
 */
@Component
class CommandServiceClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Command-service waits up to 10 s for a command before it answers 503: a little longer, so that answer arrives. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(12);

    static final List<String> CHANGES = List.of("status", "assignment", "timeframe");

    /**
     * The JDK's client keeps an idle connection for 1,200 s unless told otherwise, command-service's Tomcat closes one
     * after 60 s (its keep-alive timeout). A change sent on a pooled connection just as Tomcat closes it gets no answer
     * and the user is told it could not be sent: closing idle connections well before the server does avoids that
     * race. The setting is the JVM's; it is read when the first JDK client is built, and an operator's own value wins.
     */
    static final String KEEP_ALIVE_PROPERTY = "jdk.httpclient.keepalive.timeout";

    static final int IDLE_CONNECTION_SECONDS = 30;

    static {
        if (System.getProperty(KEEP_ALIVE_PROPERTY) == null) {
            System.setProperty(KEEP_ALIVE_PROPERTY, Integer.toString(IDLE_CONNECTION_SECONDS));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient commandService;

    @Autowired
    CommandServiceClient(@Value("${actionledger.web-app.command-service-url}") String baseUrl) {
        this(RestClient.builder().baseUrl(baseUrl).requestFactory(requestFactory()));
    }

    /** For the tests, which bind the builder to a mock server. */
    CommandServiceClient(RestClient.Builder builder) {
        this.commandService = builder.build();
    }

    private static JdkClientHttpRequestFactory requestFactory() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
        factory.setReadTimeout(READ_TIMEOUT);
        return factory;
    }

    /**
     * @param change   one of {@link #CHANGES}
     * @param body     the request's fields as command-service's API names them
     * @param version  the version of the action the user changed, sent as {@code If-Match: "version"}
     */
    ChangeOutcome send(
            String planId,
            String actionId,
            String change,
            Map<String, String> body,
            long version,
            CommandServiceCredentials user) {
        if (!CHANGES.contains(change)) {
            throw new IllegalArgumentException("Not a change of command-service's API: " + change);
        }
        String correlationId = RequestLogContext.currentCorrelationId();
        try {
            return commandService
                    .post()
                    .uri("/api/plans/{planId}/actions/{actionId}/{change}", planId, actionId, change)
                    .headers(headers -> {
                        headers.set(HttpHeaders.AUTHORIZATION, user.authorization());
                        headers.setIfMatch("\"" + version + "\"");
                        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
                        if (correlationId != null) {
                            headers.set(RequestLogContext.HEADER, correlationId);
                        }
                    })
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(JSON.writeValueAsString(body))
                    .exchange((request, response) -> outcome(response));
        } catch (ResourceAccessException unreachable) {
            return new ChangeOutcome.Unreachable();
        }
    }

    private static ChangeOutcome outcome(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        JsonNode body = json(response.getBody().readAllBytes());
        if (response.getStatusCode().is2xxSuccessful() && body.path("version").isIntegralNumber()) {
            return new ChangeOutcome.Accepted(body.get("version").asLong());
        }
        if (status == HttpStatus.PRECONDITION_FAILED.value()) {
            return new ChangeOutcome.Stale();
        }
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            return new ChangeOutcome.SignInAgain();
        }
        // a problem's detail is written for the client; anything else (a proxy's page, a 500) is not shown
        String detail = body.path("detail").isString() ? body.get("detail").asString() : null;
        return new ChangeOutcome.Refused(status, detail);
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException notJson) {
            return JSON.missingNode();
        }
    }
}
