package nl.actionledger.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.actionledger.tooling.FreshDirectory;

/**
 * A fresh embedded PostgreSQL 17 for one run, configured as a production server would be in the ways that matter
 * to the figures: durable commits (zonky turns fsync and synchronous commit off by default) and enough shared
 * buffers for a history of a million events.
 */
final class BenchmarkDatabase implements AutoCloseable {

    static final String RUNTIME_ROLE = "ledger_app";
    private static final Map<String, String> SERVER_SETTINGS = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on",
            "shared_buffers", "1GB",
            "max_connections", "200",
            // StatementProfile: where the server's time goes during the write tests
            "shared_preload_libraries", "pg_stat_statements",
            "pg_stat_statements.track", "top");

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private BenchmarkDatabase(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    /**
     * Starts the server in {@code directory} (deleted when it stops); its log, with a line for every autovacuum and
     * autoanalyze and the CPU each took, goes to {@code logDirectory}/postgresql.log, which stays.
     */
    static BenchmarkDatabase start(Path directory, Path logDirectory) throws IOException {
        FreshDirectory.create(directory);
        Files.createDirectories(logDirectory);
        Files.deleteIfExists(logDirectory.resolve("postgresql.log"));
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true);
        SERVER_SETTINGS.forEach(builder::setServerConfig);
        // Which of PostgreSQL's processes that start and end during a write test ("startedOrEnded") did what.
        builder.setServerConfig("logging_collector", "on");
        builder.setServerConfig("log_directory", logDirectory.toAbsolutePath().toString());
        builder.setServerConfig("log_filename", "postgresql.log");
        builder.setServerConfig("log_autovacuum_min_duration", "0");
        BenchmarkDatabase database = new BenchmarkDatabase(builder.start(), directory);
        database.execute("CREATE ROLE " + RUNTIME_ROLE + " LOGIN PASSWORD '" + RUNTIME_ROLE + "'");
        database.execute("CREATE EXTENSION pg_stat_statements");
        return database;
    }

    /** The process id of the server's postmaster, from the first line of its {@code postmaster.pid}. */
    long serverPid() {
        try {
            return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid"))
                    .get(0)
                    .strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The process of the server that serves this connection. */
    static long backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Waits until a closed connection's backend has ended and the postmaster has reaped it (its {@code /proc} entry is
     * gone; on a system without {@code /proc} at once). A backend that ends during the next phase would put the CPU
     * of its whole life into that phase's figures ({@link CpuUsage}).
     */
    void awaitBackendEnded(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.exists(Path.of("/proc", Long.toString(pid)))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The backend " + pid + " did not end within 30 s of its connection");
            }
            Thread.sleep(20);
        }
    }

    /** The superuser's connection: for the generator, the raw limits and the checks. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(
                jdbcUrl() + "?ApplicationName=benchmark&reWriteBatchedInserts=true", "postgres", "postgres");
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database) + "?ApplicationName=benchmark", "postgres", "postgres");
    }

    /**
     * The server's processes by pid, each named by what it does: a client backend by its connection's application
     * name (the services name theirs), any other by its type ({@code walwriter}, {@code autovacuum worker}, ...).
     */
    Map<Long, String> serverProcesses() {
        Map<Long, String> processes = new LinkedHashMap<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                     SELECT pid, CASE WHEN backend_type = 'client backend'
                                      THEN coalesce(nullif(application_name, ''), 'unnamed client')
                                      ELSE backend_type END
                     FROM pg_stat_activity""")) {
            while (rows.next()) {
                processes.put(rows.getLong(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the server's processes", e);
        }
        return processes;
    }

    String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /**
     * A database of its own on this server, owned by a role of the same name that both migrates and runs, as a
     * team would set up a plain service: for the CRUD baseline. Returns the service's database environment.
     */
    Map<String, String> createOwnDatabase(String name) {
        execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
        execute("CREATE DATABASE " + name + " OWNER " + name);
        return Map.of("DATABASE_JDBC_URL", jdbcUrl(name), "DATABASE_USER", name, "DATABASE_PASSWORD", name);
    }

    /**
     * Drops a database and writes every page it dirtied now, so that neither its autovacuum nor a checkpoint of its
     * writes lands in a later measurement.
     */
    void dropDatabase(String name) {
        execute("DROP DATABASE " + name + " WITH (FORCE)");
        execute("CHECKPOINT");
    }

    /** The services connect as a role that cannot rewrite history, as in production; the owner migrates. */
    Map<String, String> serviceEnvironment() {
        return Map.of(
                "DATABASE_JDBC_URL",
                jdbcUrl(),
                "DATABASE_USER",
                RUNTIME_ROLE,
                "DATABASE_PASSWORD",
                RUNTIME_ROLE,
                "DATABASE_MIGRATION_USER",
                "postgres",
                "DATABASE_MIGRATION_PASSWORD",
                "postgres");
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
        return single(sql, result -> result.getLong(1));
    }

    String queryText(String sql) {
        return single(sql, result -> result.getString(1));
    }

    private <T> T single(String sql, Column<T> column) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return column.read(result);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run: " + sql, e);
        }
    }

    private interface Column<T> {
        T read(ResultSet result) throws SQLException;
    }

    Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("SELECT version()")) {
                result.next();
                description.put("version", result.getString(1));
            }
            for (String setting : List.of(
                    "fsync",
                    "synchronous_commit",
                    "full_page_writes",
                    "shared_buffers",
                    "max_connections",
                    "wal_level",
                    "checkpoint_timeout",
                    "max_wal_size",
                    "log_autovacuum_min_duration")) {
                try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
                    result.next();
                    description.put(setting, result.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not describe the database", e);
        }
        return description;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
