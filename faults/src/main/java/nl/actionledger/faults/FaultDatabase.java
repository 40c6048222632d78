package nl.actionledger.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.actionledger.tooling.FreshDirectory;
import nl.actionledger.tooling.LedgerLogins;

/**
 * The suite's PostgreSQL 17 (embedded, durable commits), with the logins of a production deployment
 * ({@link LedgerLogins}), each with its own name as password.
 *
 * <p>It can be stopped and started again on the same port and data directory while the services run: the fault of a
 * database that goes away. Zonky offers no restart, so the server is started again exactly as zonky started it, from
 * the command line the running postmaster was given.
 */
final class FaultDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final List<String> postmasterCommand;
    private LedgerLogins logins;
    private Process restarted;

    private FaultDatabase(EmbeddedPostgres postgres, Path directory, List<String> postmasterCommand) {
        this.postgres = postgres;
        this.directory = directory;
        this.postmasterCommand = postmasterCommand;
    }

    static FaultDatabase start(Path directory) throws IOException {
        FreshDirectory.create(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(true)
                // zonky turns durability off for speed in tests; "nothing acknowledged is lost" needs it on.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                .start();
        FaultDatabase database = new FaultDatabase(postgres, directory, commandLineOf(postmasterPid(directory)));
        try (Connection superuser = database.connect()) {
            database.logins = LedgerLogins.create(superuser, database.jdbcUrl(), login -> login);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the logins", e);
        }
        return database;
    }

    Map<String, String> commandServiceEnvironment() {
        return logins.commandServiceEnvironment();
    }

    Map<String, String> queryServiceEnvironment() {
        return logins.queryServiceEnvironment();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    /** The superuser, for the suite's checks and its own faults. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    /** A login of the services, for a fault that must look as if a service did it. */
    Connection connectAs(String login) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), login, login);
    }

    /**
     * Stops the server as {@code pg_ctl stop -m fast} does (SIGINT to the postmaster: open transactions are rolled back,
     * every connection is closed) and waits until it is gone. The signal is sent directly because pg_ctl refuses to
     * run as root.
     */
    void stop() throws IOException, InterruptedException {
        long pid = postmasterPid(directory);
        Process signal = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                .inheritIO()
                .start();
        if (signal.waitFor() != 0) {
            throw new IllegalStateException("Could not signal the postmaster " + pid);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                || Files.exists(directory.resolve("postmaster.pid"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL did not stop within 60 s");
            }
            Thread.sleep(100);
        }
    }

    /** Starts the server again with the command line, port and data directory it had; returns once it takes logins. */
    void startAgain(Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(postmasterCommand);
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; zonky starts it in a user namespace of its own (unshare -U) then.
            command.addAll(0, List.of("unshare", "-U"));
        }
        restarted = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolveSibling("postgres-restarted.log").toFile()))
                .start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = connect()) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("PostgreSQL did not come back within " + timeout);
    }

    void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run: " + sql, e);
        }
    }

    long queryLong(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run: " + sql, e);
        }
    }

    List<List<String>> queryRows(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run: " + sql, e);
        }
    }

    private static long postmasterPid(Path directory) throws IOException {
        return Long.parseLong(
                Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip());
    }

    /** The postmaster's own argument list (Linux: {@code /proc/<pid>/cmdline}, NUL-separated). */
    private static List<String> commandLineOf(long pid) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
        List<String> arguments = new ArrayList<>(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")));
        Path executable = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe"));
        arguments.set(0, executable.toString());
        return arguments;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        if (restarted != null) {
            restarted.destroy();
        }
    }
}
