package nl.actionledger.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import nl.actionledger.tooling.LedgerLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's PostgreSQL across restarts: the same data, new passwords, and never one without a password. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsTheDataAndGivesTheLoginsNewPasswords() throws Exception {
        Path directory = dataDir.resolve("postgres");
        int port = freePort();
        Map<String, String> first;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, port)) {
            first = database.commandServiceEnvironment();
            try (Connection connection = database.superuser().getConnection()) {
                connection.createStatement().execute("CREATE TABLE kept (id INT)");
            }
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, port)) {
            Map<String, String> second = database.commandServiceEnvironment();
            assertThat(second.get("DATABASE_PASSWORD")).isNotEqualTo(first.get("DATABASE_PASSWORD"));
            try (Connection runtime = DriverManager.getConnection(
                    second.get("DATABASE_JDBC_URL"), LedgerLogins.RUNTIME, second.get("DATABASE_PASSWORD"))) {
                assertThat(runtime.createStatement().executeQuery("SELECT 1").next())
                        .isTrue();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    second.get("DATABASE_JDBC_URL"),
                                    LedgerLogins.RUNTIME,
                                    first.get("DATABASE_PASSWORD"))
                            .close())
                    .hasMessageContaining("password authentication failed");
            try (Connection connection = database.superuser().getConnection()) {
                assertThat(connection
                                .createStatement()
                                .executeQuery("SELECT count(*) FROM kept")
                                .next())
                        .isTrue();
            }
        }
        assertThat(Files.getPosixFilePermissions(directory.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE)))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    /** A cluster of an earlier local run lets everyone in without a password: it is not started, and says why. */
    @Test
    void refusesADatabaseThatAnEarlierVersionMadeWithoutPasswords() throws Exception {
        Path directory = dataDir.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, freePort())) {
            assertThat(database.superuser()).isNotNull();
        }
        Files.delete(directory.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE));

        assertThatThrownBy(() -> EmbeddedDatabase.start(directory, freePort()).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("earlier version of the local run")
                .hasMessageContaining("delete " + directory);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
