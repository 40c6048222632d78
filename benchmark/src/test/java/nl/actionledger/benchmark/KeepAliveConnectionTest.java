package nl.actionledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write load's client against the JDK's own HTTP server: what it sends, what it reads, when it reconnects. */
class KeepAliveConnectionTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private String baseUrl;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> answer(exchange, 200, "{\"version\":7}", false, false));
        server.createContext("/chunked", exchange -> answer(exchange, 200, "x".repeat(20_000), true, false));
        server.createContext("/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "1");
            answer(exchange, 429, "{\"title\":\"busy\"}", false, false);
        });
        server.createContext("/closing", exchange -> answer(exchange, 200, "bye", false, true));
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsTheRequestAndReadsStatusAndBodyOnOneKeptAliveConnection() {
        try (KeepAliveConnection connection = new KeepAliveConnection(baseUrl)) {
            LedgerClient.Response first = connection.postJson("/fixed", "Bearer abc", "{\"status\":\"ONGOING\"}");
            LedgerClient.Response second = connection.postJson("/fixed", "Bearer abc", "{\"status\":\"DONE\"}");

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).isEqualTo("{\"version\":7}");
            assertThat(first.nanos()).isPositive();
            assertThat(second.ok()).isTrue();
        }
        assertThat(received)
                .containsExactly(
                        "POST /fixed Bearer abc application/json {\"status\":\"ONGOING\"}",
                        "POST /fixed Bearer abc application/json {\"status\":\"DONE\"}");
        assertThat(clientPorts).as("both requests on one connection").hasSize(1);
    }

    @Test
    void readsAChunkedBodyAndARefusalWithItsRetryAfter() {
        try (KeepAliveConnection connection = new KeepAliveConnection(baseUrl)) {
            LedgerClient.Response chunked = connection.postJson("/chunked", "Basic x", "{}");
            LedgerClient.Response busy = connection.postJson("/busy", "Basic x", "{}");
            LedgerClient.Response afterThem = connection.postJson("/fixed", "Basic x", "{}");

            assertThat(chunked.body()).hasSize(20_000);
            assertThat(busy.status()).isEqualTo(429);
            assertThat(busy.retryAfterSeconds()).isEqualTo(1);
            assertThat(busy.ok()).isFalse();
            assertThat(afterThem.body()).isEqualTo("{\"version\":7}");
        }
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void opensANewConnectionAfterTheServerSaidItClosesOne() {
        try (KeepAliveConnection connection = new KeepAliveConnection(baseUrl)) {
            assertThat(connection.postJson("/closing", "Basic x", "{}").body()).isEqualTo("bye");
            assertThat(connection.postJson("/fixed", "Basic x", "{}").ok()).isTrue();
        }
        assertThat(received).hasSize(2);
        assertThat(clientPorts).hasSize(2);
    }

    @Test
    void aServerThatIsNotThereIsAnErrorNotAnAnswer() {
        int port = server.getAddress().getPort();
        server.stop(0);
        try (KeepAliveConnection connection = new KeepAliveConnection("http://127.0.0.1:" + port)) {
            assertThatThrownBy(() -> connection.postJson("/fixed", "Basic x", "{}"))
                    .isInstanceOf(UncheckedIOException.class);
        }
    }

    private void answer(HttpExchange exchange, int status, String body, boolean chunked, boolean close)
            throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        received.add(exchange.getRequestMethod()
                + " " + exchange.getRequestURI()
                + " " + exchange.getRequestHeaders().getFirst("Authorization")
                + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (close) {
            exchange.getResponseHeaders().add("Connection", "close");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
