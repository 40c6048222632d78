package nl.actionledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * The suite's HTTP client. A failure to get any answer is an answer too: {@link #TIMED_OUT} when the service kept the
 * request past the client's timeout (a hang), {@link #NO_CONNECTION} when the connection was refused or cut (a
 * killed process).
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Pseudo status of a request that got no answer within the client's timeout. */
    static final int TIMED_OUT = -1;
    /** Pseudo status of a request whose connection was refused or broken. */
    static final int NO_CONNECTION = -2;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Duration timeout;

    Http(Duration timeout) {
        this.timeout = timeout;
    }

    Answer get(String url, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        if (token != null) {
            request.header("Authorization", token);
        }
        return send(request.build());
    }

    Answer put(String url, String token, String jsonBody) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody))
                .build());
    }

    Answer post(String url, String token, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .POST(
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody));
        headers.forEach(request::header);
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("X-Correlation-Id").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Idempotent-Replayed").isPresent(),
                    System.nanoTime() - start);
        } catch (HttpTimeoutException e) {
            return new Answer(TIMED_OUT, e.toString(), null, null, "", false, System.nanoTime() - start);
        } catch (IOException e) {
            return new Answer(NO_CONNECTION, e.toString(), null, null, "", false, System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(NO_CONNECTION, "interrupted", null, null, "", false, System.nanoTime() - start);
        }
    }

    record Answer(
            int status,
            String body,
            String retryAfter,
            String correlationId,
            String contentType,
            boolean replayed,
            long nanos) {

        boolean ok() {
            return status == 200;
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        Answer require(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }
    }
}
