package nl.actionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The benchmark's HTTP client for both services (or for the CRUD baseline, which answers both kinds of request);
 * every call is timed.
 */
final class LedgerClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String commandUrl;
    private final String queryUrl;

    LedgerClient(String commandUrl, String queryUrl) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
    }

    /** A change to one action of command-service: {@code kind} is status, assignment or timeframe. */
    Response change(String token, String planId, String actionId, String kind, String body, Long ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(commandUrl + changePath(planId, actionId, kind)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", "\"" + ifMatch + "\"");
        }
        return send(request.build());
    }

    /**
     * As {@link #change}, without {@code If-Match}, on one writer's own kept-alive connection to command-service: the
     * write load's way, cheap for the machine that also runs the system under test.
     */
    Response change(
            KeepAliveConnection connection, String token, String planId, String actionId, String kind, String body) {
        return connection.postJson(changePath(planId, actionId, kind), token, body);
    }

    /** A new connection to the service that takes changes, for one writer thread; the caller closes it. */
    KeepAliveConnection openCommandConnection() {
        return new KeepAliveConnection(commandUrl);
    }

    private static String changePath(String planId, String actionId, String kind) {
        return "/api/plans/" + planId + "/actions/" + actionId + "/" + kind;
    }

    /** A PUT to the service that takes changes: the CRUD baseline's admin set-up. */
    Response put(String token, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(commandUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    Response query(String token, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(queryUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", token)
                .GET()
                .build());
    }

    Response queryPost(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(queryUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private Response send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    System.nanoTime() - start,
                    response.headers().firstValueAsLong("Retry-After").orElse(-1));
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** @param retryAfterSeconds the answer's {@code Retry-After} in seconds, -1 without one */
    record Response(int status, String body, long nanos, long retryAfterSeconds) {

        boolean ok() {
            return status == 200;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        Response requireOk(String what) {
            return requireStatus(200, what);
        }

        Response requireStatus(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }
    }
}
