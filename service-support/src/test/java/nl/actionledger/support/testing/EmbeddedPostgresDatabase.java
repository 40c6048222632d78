package nl.actionledger.support.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL 17 for integration tests: one server per test JVM, a fresh database per test class
 * that asks for one, so classes never see each other's events.
 *
 * <p>The services connect as in production: the migrations run as {@link #OWNER}, who owns each test database and
 * is no superuser; command-service works as {@link #RUNTIME} and reads of the events are granted to {@link #READER}.
 * Only a test that tampers with history on purpose needs more ({@link #superuser}).
 */
public final class EmbeddedPostgresDatabase {

    public static final String OWNER = "ledger_test_owner";
    public static final String RUNTIME = "ledger_test_runtime";
    public static final String READER = "ledger_test_reader";
    /** Every test login has this password: the server is reachable from this machine only, for this JVM's life. */
    public static final String PASSWORD = "test";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresDatabase() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
            for (String login : List.of(OWNER, RUNTIME, READER)) {
                superuserExecute("CREATE ROLE " + login + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
        }
        return server;
    }

    private static void superuserExecute(String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run on the embedded PostgreSQL: " + sql, e);
        }
    }

    /**
     * Creates a new, empty database owned by {@link #OWNER} and returns its JDBC URL, which names no user: give one
     * with the connection.
     */
    public static synchronized String newDatabase() {
        String name = "ledger_test_" + DATABASES.incrementAndGet();
        server();
        superuserExecute("CREATE DATABASE " + name + " OWNER " + OWNER);
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + name;
    }

    /**
     * How a service reaches a new database as in production: migrations as the owner, the service as the runtime
     * login (which may append events), reads of the events granted to the reader.
     */
    public static Map<String, String> serviceProperties(String url) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", RUNTIME);
        properties.put("spring.datasource.password", PASSWORD);
        properties.put("spring.flyway.user", OWNER);
        properties.put("spring.flyway.password", PASSWORD);
        properties.put("spring.flyway.placeholders.reader_role", READER);
        return properties;
    }

    /** Points Spring's data source at a new database (see {@link #serviceProperties}) and returns its URL. */
    public static String register(DynamicPropertyRegistry registry) {
        String url = newDatabase();
        serviceProperties(url).forEach((key, value) -> registry.add(key, () -> value));
        return url;
    }

    /** The service's properties as command-line arguments, which outrank application.yml. */
    public static List<String> serviceArguments(String url) {
        return serviceProperties(url).entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toList();
    }

    public static DataSource connect(String url, String login) {
        return new DriverManagerDataSource(url, login, PASSWORD);
    }

    /**
     * The server's superuser, for tests that rewrite history on purpose (what an attacker with that access would
     * do) and for the test of the login check itself. No service connects this way.
     */
    public static DataSource superuser(String url) {
        server();
        return new DriverManagerDataSource(url, "postgres", "postgres");
    }
}
