package nl.actionledger.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The whole system on one machine with only a JDK: an embedded PostgreSQL 17 (or the one {@code DATABASE_URL}
 * names), then command-service (which migrates the event store and registers the plan), then query-service.
 * Ctrl-C stops both services and the database; the data stays in the data folder for the next run.
 */
public final class LocalRun implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final LocalRunSettings settings;
    private final Map<String, String> commandEnvironment;
    private final Map<String, String> queryEnvironment;
    private final EmbeddedDatabase embeddedDatabase;
    private ServiceProcess commandService;
    private ServiceProcess queryService;

    private LocalRun(
            LocalRunSettings settings,
            Map<String, String> commandEnvironment,
            Map<String, String> queryEnvironment,
            EmbeddedDatabase embeddedDatabase) {
        this.settings = settings;
        this.commandEnvironment = commandEnvironment;
        this.queryEnvironment = queryEnvironment;
        this.embeddedDatabase = embeddedDatabase;
    }

    public static void main(String[] args) throws Exception {
        LocalRunSettings settings = LocalRunSettings.fromEnvironment(System.getenv());
        LocalRun run = start(settings);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping Action Ledger ...");
                            run.close();
                        },
                        "local-run-shutdown"));
        run.printWelcome();
        Thread.currentThread().join();
    }

    public static LocalRun start(LocalRunSettings settings) throws IOException, InterruptedException {
        Files.createDirectories(settings.dataDir());
        EmbeddedDatabase embedded = null;
        DatabaseSettings database = settings.database();
        Map<String, String> commandEnvironment = new HashMap<>(DemoUsers.asEnvironment());
        Map<String, String> queryEnvironment = new HashMap<>(DemoUsers.asEnvironment());
        if (database == null) {
            System.out.println("Starting embedded PostgreSQL (data in "
                    + settings.dataDir().resolve("postgres") + ") ...");
            embedded = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"), settings.databasePort());
            commandEnvironment.putAll(embedded.commandServiceEnvironment());
            queryEnvironment.putAll(embedded.queryServiceEnvironment());
        } else {
            // Another PostgreSQL: both services connect as the given login, and refuse to if it could rewrite history.
            Map<String, String> external = Map.of(
                    "DATABASE_JDBC_URL", database.jdbcUrl(),
                    "DATABASE_USER", database.user(),
                    "DATABASE_PASSWORD", database.password());
            commandEnvironment.putAll(external);
            queryEnvironment.putAll(external);
        }
        commandEnvironment.put("SERVER_ADDRESS", settings.bindAddress());
        queryEnvironment.put("SERVER_ADDRESS", settings.bindAddress());
        commandEnvironment.put("COMMAND_PORT", Integer.toString(settings.commandPort()));
        queryEnvironment.put("QUERY_PORT", Integer.toString(settings.queryPort()));
        // the web app's change form sends coordinators' changes on to command-service, as the signed-in user
        queryEnvironment.put("COMMAND_SERVICE_URL", "http://localhost:" + settings.commandPort());
        LocalRun run = new LocalRun(settings, commandEnvironment, queryEnvironment, embedded);
        try {
            // command-service owns the event table: query-service may only start once it has migrated.
            run.startCommandService();
            System.out.println("Starting query-service on port " + settings.queryPort() + " ...");
            run.queryService = ServiceProcess.start(
                    "query-service", settings.queryJar(), settings.queryPort(), queryEnvironment, run.logs());
            run.queryService.awaitHealthy(START_TIMEOUT);
            return run;
        } catch (IOException | InterruptedException | RuntimeException e) {
            run.close();
            throw e;
        }
    }

    private void startCommandService() throws IOException, InterruptedException {
        System.out.println("Starting command-service on port " + settings.commandPort() + " ...");
        commandService = ServiceProcess.start(
                "command-service", settings.commandJar(), settings.commandPort(), commandEnvironment, logs());
        commandService.awaitHealthy(START_TIMEOUT);
    }

    private Path logs() {
        return settings.dataDir().resolve("logs");
    }

    /** The embedded database's superuser, for the tests; {@code null} when the run uses another PostgreSQL. */
    DataSource embeddedSuperuser() {
        return embeddedDatabase == null ? null : embeddedDatabase.superuser();
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
                  the web app      %s/   (sign in with a demo user)
                  demo users (password = user name): coordinator, evaluator, auditor, admin
                  try: curl -u evaluator:evaluator %s/api/plans/eu-wap-nl/actions/28
                  logs: %s
                Press Ctrl-C to stop both services and the database; the data stays in %s.
                """.formatted(
                        commandUrl(),
                        commandUrl(),
                        queryUrl(),
                        queryUrl(),
                        queryUrl(),
                        queryUrl(),
                        logs(),
                        settings.dataDir()));
    }

    @Override
    public void close() {
        if (queryService != null) {
            queryService.close();
        }
        if (commandService != null) {
            commandService.close();
        }
        if (embeddedDatabase != null) {
            try {
                embeddedDatabase.close();
            } catch (IOException e) {
                System.err.println("Could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
            }
        }
    }
}
