package nl.actionledger.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.actionledger.tooling.EventRows;

/**
 * Four query-service instances started at the same moment on an empty token table (and empty projections): every one
 * starts, and each segment of the projections is processed by exactly one of them, sampled while they catch up and
 * after; the audit trail then has one entry per event. Two of them stay for the next scenario.
 */
final class ConcurrentQueryStart implements Scenario {

    static final int INSTANCES = 4;

    private final Cluster cluster;
    private final Map<String, String> environment;
    private final Http http = new Http(Duration.ofSeconds(15));

    /** @param environment settings of the four instances beyond the usual ones (the next scenario's) */
    ConcurrentQueryStart(Cluster cluster, Map<String, String> environment) {
        this.cluster = cluster;
        this.environment = environment;
    }

    @Override
    public String id() {
        return "four-query-services";
    }

    @Override
    public String name() {
        return INSTANCES + " query-services start together on an empty token table";
    }

    @Override
    public void run(Outcome outcome) throws Exception {
        cluster.stopQueryServices();
        // Every table of the read side but Flyway's: the tokens and every projection's rows, whatever projections
        // this version has.
        cluster.database()
                .execute("DO $$ BEGIN EXECUTE (SELECT 'TRUNCATE ' || string_agg('query_model.' "
                        + "|| quote_ident(tablename), ', ') FROM pg_tables WHERE schemaname = 'query_model' "
                        + "AND tablename NOT LIKE 'flyway%'); END $$");
        long start = System.nanoTime();
        List<ServiceInstance> started;
        try {
            started = cluster.startQueryServices(INSTANCES, environment);
        } catch (IllegalStateException e) {
            outcome.check("all start", false, e.getMessage());
            return;
        }
        outcome.check(
                "all start",
                started.stream().allMatch(ServiceInstance::alive),
                INSTANCES + " of " + INSTANCES + " ready " + CommandServiceKill.seconds(System.nanoTime() - start)
                        + " s after they were launched together");

        AdminApi admin = new AdminApi(cluster, http);
        List<String> samples = new ArrayList<>();
        boolean exactlyOne = sampleOwnership(admin, started, samples);
        admin.awaitCaughtUp(Duration.ofMinutes(3));
        exactlyOne &= sampleOwnership(admin, started, samples);
        long tokenRows = cluster.database()
                .queryLong("SELECT count(*) FROM query_model.token_entry WHERE processor_name = 'projections'");
        outcome.check(
                "each segment processed by exactly one instance",
                exactlyOne && tokenRows == 2,
                tokenRows + " segments in the token table; segments held per instance, sampled: "
                        + samples.stream().distinct().toList());

        ProjectionChecksums.AuditTrailCount auditTrail = ProjectionChecksums.auditTrail(cluster.database());
        // The views and the timeline hold actions; other aggregates' events (if this version has any) are not theirs.
        long actionEvents = cluster.database()
                .queryLong("SELECT count(*) FROM event_store.domain_event_entry WHERE type = '"
                        + EventRows.AGGREGATE_TYPE + "'");
        long viewsCoverEvents =
                cluster.database().queryLong("SELECT coalesce(sum(version + 1), 0) FROM query_model.action_view");
        long states = cluster.database().queryLong("SELECT count(*) FROM query_model.action_state");
        outcome.check(
                "every event projected once",
                auditTrail.complete() && viewsCoverEvents == actionEvents && states == actionEvents,
                auditTrail.describe() + "; " + actionEvents + " events of actions: views cover " + viewsCoverEvents
                        + ", timeline has " + states + " states");

        // The two that hold segments stay (if one holds both, it and another): the next scenario needs two instances.
        List<ServiceInstance> keep = new ArrayList<>(started.stream()
                .filter(query -> admin.segmentsHeldBy(query) > 0)
                .toList());
        started.stream()
                .filter(query -> !keep.contains(query))
                .limit(2 - keep.size())
                .forEach(keep::add);
        cluster.stopQueryServices(
                started.stream().filter(query -> !keep.contains(query)).toList());
    }

    /**
     * Asks each instance ten times, half a second apart, how many segments it processes: at every moment the sum must
     * be the number of segments (no segment processed twice, none left out once they run).
     */
    private boolean sampleOwnership(AdminApi admin, List<ServiceInstance> instances, List<String> samples)
            throws InterruptedException {
        boolean exactlyOne = true;
        for (int i = 0; i < 10; i++) {
            List<Integer> held = instances.stream().map(admin::segmentsHeldBy).toList();
            int sum = held.stream().mapToInt(Integer::intValue).sum();
            exactlyOne &= sum <= 2;
            samples.add(held.toString());
            Thread.sleep(500);
        }
        List<Integer> settled = instances.stream().map(admin::segmentsHeldBy).toList();
        samples.add(settled.toString());
        return exactlyOne && settled.stream().mapToInt(Integer::intValue).sum() == 2;
    }
}
