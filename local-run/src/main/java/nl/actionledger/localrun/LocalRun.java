package nl.actionledger.localrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole system on one machine with only a JDK: an embedded PostgreSQL 17 (or the one {@code DATABASE_URL}
 * names), then command-service (which migrates the event store and registers the plan), then query-service.
 * Ctrl-C stops both services and the database; the data stays in the data folder for the next run.
 */
public final class LocalRun implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** The role both services connect as in the local run; the embedded server's superuser runs the migrations. */
    static final String RUNTIME_ROLE = "ledger_app";

    private final LocalRunSettings settings;
    private final Map<String, String> environment;
    private final EmbeddedPostgres embeddedPostgres;
    private ServiceProcess commandService;
    private ServiceProcess queryService;

    private LocalRun(LocalRunSettings settings, Map<String, String> environment, EmbeddedPostgres embeddedPostgres) {
        this.settings = settings;
        this.environment = environment;
        this.embeddedPostgres = embeddedPostgres;
    }

    public static void main(String[] args) throws Exception {
        LocalRunSettings settings = LocalRunSettings.fromEnvironment(System.getenv());
        LocalRun run = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Action Ledger ...");
            run.close();
        }, "local-run-shutdown"));
        run.printWelcome();
        Thread.currentThread().join();
    }

    public static LocalRun start(LocalRunSettings settings) throws IOException, InterruptedException {
        Files.createDirectories(settings.dataDir());
        EmbeddedPostgres postgres = null;
        DatabaseSettings database = settings.database();
        if (database == null) {
            System.out.println("Starting embedded PostgreSQL (data in " + settings.dataDir().resolve("postgres") + ") ...");
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(settings.dataDir().resolve("postgres"))
                    .setCleanDataDirectory(false)
                    .setPort(settings.databasePort())
                    // zonky turns durability off for speed in tests; the local run keeps data across restarts,
                    // so an acknowledged change must survive a crash of the machine here as well.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            createRuntimeRole(postgres);
        }
        Map<String, String> environment = new HashMap<>(database == null ? embeddedDatabase(postgres) : Map.of(
                "DATABASE_JDBC_URL", database.jdbcUrl(),
                "DATABASE_USER", database.user(),
                "DATABASE_PASSWORD", database.password()));
        environment.putAll(DemoUsers.asEnvironment());
        LocalRun run = new LocalRun(settings, environment, postgres);
        try {
            // command-service owns the event table: query-service may only start once it has migrated.
            run.startCommandService();
            System.out.println("Starting query-service on port " + settings.queryPort() + " ...");
            run.queryService = ServiceProcess.start("query-service", settings.queryJar(), settings.queryPort(),
                    with(environment, "QUERY_PORT", settings.queryPort()), run.logs());
            run.queryService.awaitHealthy(START_TIMEOUT);
            return run;
        } catch (IOException | InterruptedException | RuntimeException e) {
            run.close();
            throw e;
        }
    }

    private void startCommandService() throws IOException, InterruptedException {
        System.out.println("Starting command-service on port " + settings.commandPort() + " ...");
        commandService = ServiceProcess.start("command-service", settings.commandJar(), settings.commandPort(),
                with(environment, "COMMAND_PORT", settings.commandPort()), logs());
        commandService.awaitHealthy(START_TIMEOUT);
    }

    private Path logs() {
        return settings.dataDir().resolve("logs");
    }

    /** The services work as a role that cannot rewrite history; only their migrations run as the owner. */
    private static Map<String, String> embeddedDatabase(EmbeddedPostgres postgres) {
        return Map.of(
                "DATABASE_JDBC_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "DATABASE_USER", RUNTIME_ROLE,
                "DATABASE_PASSWORD", RUNTIME_ROLE,
                "DATABASE_MIGRATION_USER", "postgres",
                "DATABASE_MIGRATION_PASSWORD", "postgres");
    }

    private static void createRuntimeRole(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + RUNTIME_ROLE + "') "
                    + "THEN CREATE ROLE " + RUNTIME_ROLE + " LOGIN PASSWORD '" + RUNTIME_ROLE + "'; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the runtime role in the embedded PostgreSQL", e);
        }
    }

    private static Map<String, String> with(Map<String, String> environment, String key, int value) {
        Map<String, String> copy = new HashMap<>(environment);
        copy.put(key, Integer.toString(value));
        return copy;
    }

    public String commandUrl() {
        return commandService.baseUrl();
    }

    public String queryUrl() {
        return queryService.baseUrl();
    }

    /** Stops command-service and starts it again against the same database, as an operator's restart would. */
    public void restartCommandService() throws IOException, InterruptedException {
        commandService.close();
        startCommandService();
    }

    private void printWelcome() {
        System.out.println("""

                Action Ledger is running.
                  command-service  %s   (Swagger UI: %s/swagger-ui.html)
                  query-service    %s   (Swagger UI: %s/swagger-ui.html)
                  demo users (password = user name): coordinator, evaluator, auditor, admin
                  try: curl -u evaluator:evaluator %s/api/plans/eu-wap-nl/actions/28
                  logs: %s
                Press Ctrl-C to stop both services and the database; the data stays in %s.
                """.formatted(commandUrl(), commandUrl(), queryUrl(), queryUrl(), queryUrl(),
                logs(), settings.dataDir()));
    }

    @Override
    public void close() {
        if (queryService != null) {
            queryService.close();
        }
        if (commandService != null) {
            commandService.close();
        }
        if (embeddedPostgres != null) {
            try {
                embeddedPostgres.close();
            } catch (IOException e) {
                System.err.println("Could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
            }
        }
    }
}
