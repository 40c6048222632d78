package nl.actionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import nl.actionledger.tooling.OwnedAction;
import nl.actionledger.tooling.TokenIssuer;

/**
 * The yardstick: the CRUD baseline ({@code crud-baseline}), the plain service with an Envers audit table that a team
 * would otherwise build on this stack, under the same write load as Action Ledger, in the same run, on the same
 * PostgreSQL server (in a database of its own). It is started and warmed up before Action Ledger's services start,
 * and stays up through Action Ledger's write test, whose windows alternate between the two
 * ({@link InterleavedWrites}); it idles while Action Ledger writes and the other way round. It holds the real plan's
 * actions, assigned by {@link PlanActions} exactly as in Action Ledger, so the same writers send the same changes.
 */
final class CrudBaseline implements AutoCloseable {

    static final String SERVICE = "crud-baseline";
    /** Its database, and the login it uses. */
    static final String DATABASE = "crud_baseline";

    private static final String CATALOGUE = "BOOT-INF/classes/catalogue/" + OwnedAction.PLAN + ".json";

    private final BenchmarkDatabase database;
    private final ServiceUnderTest service;
    private final WriteLoad load;
    private final CpuUsage cpu;
    private final int actions;
    private boolean closed;

    private CrudBaseline(BenchmarkDatabase database, ServiceUnderTest service, WriteLoad load, int actions) {
        this.database = database;
        this.service = service;
        this.load = load;
        this.cpu = new CpuUsage(database, service);
        this.actions = actions;
    }

    /** Starts the baseline with the plan loaded and its writers assigned, and warms it up (not measured). */
    static CrudBaseline start(BenchmarkSettings settings, BenchmarkDatabase database, TokenIssuer issuer)
            throws Exception {
        Map<String, String> environment = new HashMap<>(database.createOwnDatabase(DATABASE));
        environment.putAll(issuer.serviceEnvironment());
        int port = Benchmark.freePort();
        environment.put("CRUD_BASELINE_PORT", Integer.toString(port));
        // The JVM's defaults (G1 here), as the baseline was measured when the issue was filed: what a team would run
        ServiceUnderTest service = ServiceUnderTest.start(
                SERVICE,
                settings.baselineJar(),
                port,
                settings.heap(),
                List.of(),
                environment,
                settings.workDir().resolve("logs"));
        try {
            LedgerClient client = new LedgerClient(service.baseUrl(), service.baseUrl());
            String admin = issuer.admin("bench-admin");
            int actions = registerPlan(client, admin, settings.commandJar());
            PlanActions plan = PlanActions.assignInBaseline(client, issuer, admin, settings.writers());
            CrudBaseline baseline =
                    new CrudBaseline(database, service, new WriteLoad(client, plan.writerActions()), actions);
            baseline.load.run(settings.warmUp(), 0);
            return baseline;
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
    }

    /** The baseline as one side of the interleaved write test: its writers as fast as they can. */
    InterleavedWrites.Side asSide() {
        return new InterleavedWrites.Side(
                "CRUD baseline", cpu::now, (duration, latencies) -> load.run(duration, 0, latencies));
    }

    /** Checks its audit trail against every change it accepted, stops it and drops its database. */
    Result finish(InterleavedWrites.Windows writes, StatementProfile.Result statements)
            throws SQLException, IOException {
        // each action was registered and assigned once before the writers started
        String auditTrail = checkAuditTrail(database, 2L * actions + load.acceptedSinceCreated());
        Result result = new Result(
                actions,
                writes,
                statements,
                auditTrail,
                service.peakResidentMiB(),
                service.alive() && !service.ranOutOfMemory());
        close();
        return result;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            service.close();
            database.dropDatabase(DATABASE);
        }
    }

    /**
     * Adds the real plan's actions with the status and timeframe command-service registers them with. They are
     * read from the catalogue inside command-service's jar, so the two systems hold the same plan without the
     * benchmark keeping a copy of it.
     */
    private static int registerPlan(LedgerClient client, String admin, Path commandJar) throws IOException {
        JsonNode actions = catalogueActions(commandJar);
        for (JsonNode action : actions) {
            String actionId = action.get("id").asText();
            ObjectNode body = LedgerClient.JSON
                    .createObjectNode()
                    .put(
                            "status",
                            initialStatus(action.get("timeframe").get("type").asText()))
                    .put("timeframe", action.get("timeframe").get("raw").asText())
                    .put("reason", "Registered from the plan's catalogue");
            LedgerClient.Response registered =
                    client.put(admin, "/api/admin/plans/" + OwnedAction.PLAN + "/actions/" + actionId, body.toString());
            if (registered.status() != 201) {
                throw new IllegalStateException("Registering action " + actionId + " in the CRUD baseline answered "
                        + registered.status() + ": " + registered.body());
            }
        }
        return actions.size();
    }

    private static JsonNode catalogueActions(Path commandJar) throws IOException {
        try (ZipFile jar = new ZipFile(commandJar.toFile())) {
            ZipEntry catalogue = jar.getEntry(CATALOGUE);
            if (catalogue == null) {
                throw new IllegalStateException(commandJar + " holds no " + CATALOGUE);
            }
            try (InputStream in = jar.getInputStream(catalogue)) {
                return LedgerClient.JSON.readTree(in).get("actions");
            }
        }
    }

    /** As command-service registers a plan: done is COMPLETED, ongoing is CONTINUOUS, anything else NOT_STARTED. */
    private static String initialStatus(String timeframeType) {
        return switch (timeframeType) {
            case "ALREADY_DONE" -> "COMPLETED";
            case "CONTINUOUS" -> "CONTINUOUS";
            default -> "NOT_STARTED";
        };
    }

    /**
     * The baseline did the audit work it is credited with: one audit row, and one revision with the actor and the
     * reason, for every change it accepted. Without this, a faster baseline could be one that skipped its audit.
     */
    private static String checkAuditTrail(BenchmarkDatabase database, long acceptedChanges) throws SQLException {
        try (Connection connection = database.connect(DATABASE);
                Statement statement = connection.createStatement()) {
            long auditRows = count(statement, "SELECT count(*) FROM action_aud");
            long revisions = count(
                    statement,
                    "SELECT count(*) FROM change_revision "
                            + "WHERE actor IS NOT NULL AND actor <> '' AND reason IS NOT NULL AND reason <> ''");
            if (auditRows != acceptedChanges || revisions != acceptedChanges) {
                throw new IllegalStateException("The CRUD baseline accepted " + acceptedChanges + " changes but wrote "
                        + auditRows + " audit rows and " + revisions + " revisions with actor and reason");
            }
            return "passed: " + acceptedChanges + " accepted changes (set-up included), as many audit rows and "
                    + "revisions with actor and reason";
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * @param actions      the plan's actions it held
     * @param writes       its windows of the interleaved write test
     * @param healthyAtEnd alive and never out of heap through the run
     */
    record Result(
            int actions,
            InterleavedWrites.Windows writes,
            StatementProfile.Result statements,
            String auditTrailCheck,
            double peakResidentMiB,
            boolean healthyAtEnd) {

        Map<String, Object> asFigures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put(
                    "stack",
                    "Spring MVC, Spring Security OAuth2 resource server (the same JWTs), Spring Data JPA "
                            + "with Hibernate, an Envers audit row and revision (actor, reason) per change, Flyway; no Axon");
            figures.put("actions", actions);
            WriteLoad.Result all = writes.writes();
            figures.put("acceptedPerSecond", Figures.round(all.acceptedPerSecond()));
            figures.put("acceptedPerSecondPerWindow", writes.ratesPerWindow());
            figures.put("accepted", all.accepted());
            figures.put("failuresByStatus", all.failuresByStatus());
            figures.put("latency", all.latency().asFigures());
            figures.put("cpuCores", writes.cpu().cores());
            figures.put("cpuPerAcceptedChangeMs", writes.cpu().millisecondsPer(all.accepted()));
            figures.put(
                    "postgresqlCpuPerAcceptedChangeMsByTask", writes.cpu().postgresqlMillisecondsPer(all.accepted()));
            figures.put("postgresqlStatements", statements.asFigures());
            figures.put("auditTrailCheck", auditTrailCheck);
            figures.put("peakResidentMiB", Figures.round(peakResidentMiB));
            figures.put("healthyAtEnd", healthyAtEnd);
            return figures;
        }
    }
}
