package nl.actionledger.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.actionledger.tooling.TokenIssuer;

/**
 * The system under test: one PostgreSQL, two command-service instances and the query-service instances, each a
 * real process on a port of its own, all signing users in with the suite's token issuer.
 */
final class Cluster implements AutoCloseable {

    private static final String ISSUER = "https://faults.invalid/issuer";

    static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final SuiteSettings settings;
    private final FaultDatabase database;
    private final TokenIssuer issuer;
    private final List<ServiceInstance> commandServices = new ArrayList<>();
    private final List<ServiceInstance> queryServices = new ArrayList<>();
    private int queryStarts;

    private Cluster(SuiteSettings settings, FaultDatabase database, TokenIssuer issuer) {
        this.settings = settings;
        this.database = database;
        this.issuer = issuer;
    }

    /** The database, then both command-service instances (the first migrates the event store), then query-service. */
    static Cluster start(SuiteSettings settings) throws IOException, InterruptedException {
        FaultDatabase database = FaultDatabase.start(settings.workDir().resolve("postgres"));
        Cluster cluster = new Cluster(settings, database, TokenIssuer.create(settings.workDir(), ISSUER));
        try {
            // Both at once: Flyway locks the schema while one migrates, and the unique index lets only one register
            // the plan. Query-service reads the event table, so it starts once command-service has made it.
            for (int i = 1; i <= 2; i++) {
                ServiceInstance command = new ServiceInstance(
                        "command-service-" + i,
                        settings.commandJar(),
                        freePort(),
                        cluster.commandEnvironment(),
                        settings.logDir());
                cluster.commandServices.add(command);
                command.launch();
            }
            for (ServiceInstance command : cluster.commandServices) {
                command.awaitHealthy(START_TIMEOUT);
            }
            cluster.startQueryServices(2, Map.of());
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Starts {@code count} query-service instances at the same moment and waits until every one is ready; they join
     * the ones running.
     */
    List<ServiceInstance> startQueryServices(int count, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        List<ServiceInstance> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> environment = queryEnvironment();
            environment.putAll(extraEnvironment);
            ServiceInstance query = new ServiceInstance(
                    "query-service-" + (++queryStarts),
                    settings.queryJar(),
                    freePort(),
                    environment,
                    settings.logDir());
            queryServices.add(query);
            started.add(query);
            query.launch();
        }
        for (ServiceInstance query : started) {
            query.awaitHealthy(START_TIMEOUT);
        }
        return started;
    }

    /** Stops every query-service instance gracefully, all at once, and forgets them. */
    void stopQueryServices() throws InterruptedException {
        stopQueryServices(List.copyOf(queryServices));
    }

    void stopQueryServices(List<ServiceInstance> stopping) throws InterruptedException {
        List<Thread> stops = stopping.stream()
                .map(query -> new Thread(query::close, "stop " + query.name()))
                .toList();
        stops.forEach(Thread::start);
        for (Thread stop : stops) {
            stop.join();
        }
        queryServices.removeAll(stopping);
    }

    private Map<String, String> commonEnvironment() {
        Map<String, String> environment = new HashMap<>(issuer.serviceEnvironment());
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        // The coordinators change as fast as they can; the per-user limit is not what is tested here.
        environment.put("CHANGE_RATE_LIMIT_PER_MINUTE", "0");
        // Six JVMs share one PostgreSQL: fewer connections each than in production.
        environment.put("DATABASE_POOL_SIZE", "6");
        return environment;
    }

    private Map<String, String> commandEnvironment() {
        Map<String, String> environment = commonEnvironment();
        environment.putAll(database.commandServiceEnvironment());
        return environment;
    }

    private Map<String, String> queryEnvironment() {
        Map<String, String> environment = commonEnvironment();
        environment.putAll(database.queryServiceEnvironment());
        // A bulk rebuild of the suite's history in pages of 20,000 is over before it can be interrupted; in pages of
        // 100 it lasts seconds, and a kill lands half way, after some pages and before the last.
        environment.put("REBUILD_PAGE_SIZE", "100");
        // Two segments, so that the two query-services share the projections' work and a kill takes over a share.
        environment.put("PROJECTION_SEGMENTS", "2");
        return environment;
    }

    FaultDatabase database() {
        return database;
    }

    TokenIssuer issuer() {
        return issuer;
    }

    List<ServiceInstance> commandServices() {
        return commandServices;
    }

    List<ServiceInstance> queryServices() {
        return queryServices;
    }

    /** The query-service instance that holds the given segment's token claim, if any holds it. */
    ServiceInstance queryServiceOwning(int segment) {
        List<List<String>> owner = database.queryRows("SELECT owner FROM query_model.token_entry "
                + "WHERE processor_name = 'projections' AND segment = " + segment);
        if (owner.isEmpty() || owner.get(0).get(0) == null) {
            return null;
        }
        String pid = owner.get(0).get(0).split("@")[0];
        return queryServices.stream()
                .filter(query -> query.alive() && Long.toString(query.pid()).equals(pid))
                .findFirst()
                .orElse(null);
    }

    Path workDir() {
        return settings.workDir();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        queryServices.forEach(ServiceInstance::close);
        commandServices.forEach(ServiceInstance::close);
        try {
            database.close();
        } catch (IOException e) {
            System.err.println("Could not stop PostgreSQL cleanly: " + e.getMessage());
        }
    }
}
