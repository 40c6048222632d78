package nl.actionledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * kill -9 of the query-service instance that processes the projections, once while it catches up on a backlog and
 * once during a replay: the other instance takes the projections over within seconds, and once both run again every
 * projection equals a fresh rebuild and no event has two audit entries.
 */
final class QueryServiceKill implements Scenario {

    /** What "within seconds" means here: Axon gives a dead owner's claim up after 10 s, then claims every 5 s. */
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    private final Cluster cluster;
    private final SuiteSettings settings;
    private final Http http = new Http(Duration.ofSeconds(15));
    private final AdminApi admin;

    QueryServiceKill(Cluster cluster, SuiteSettings settings) {
        this.cluster = cluster;
        this.settings = settings;
        this.admin = new AdminApi(cluster, http);
    }

    @Override
    public String id() {
        return "query-service-kill";
    }

    @Override
    public String name() {
        return "kill -9 a query-service during catch-up and during a replay";
    }

    @Override
    public void run(Outcome outcome) throws Exception {
        admin.awaitCaughtUp(Duration.ofMinutes(2));
        ServiceInstance owner = ownerOfEverySegment();
        new DirectHistory("fault-backlog").append(cluster.database(), settings.historyEvents());
        long lagAtKill = lag(other(owner));
        Takeover catchUp = killAndAwaitTakeover(owner);
        outcome.check(
                "catch-up: the other instance takes over",
                lagAtKill > 0 && catchUp.seconds() != null,
                "killed " + owner.name() + " " + lagAtKill + " events behind; " + catchUp.describe());
        admin.awaitCaughtUp(Duration.ofMinutes(3));
        owner.start(Cluster.START_TIMEOUT);

        ServiceInstance replaying = ownerOfEverySegment();
        admin.replayAll(replaying, Duration.ofSeconds(30));
        Thread.sleep(300);
        // Asked of the instance that replays: a bulk rebuild of every projection leaves plain tokens after each page,
        // so only the instance doing it knows it is a replay.
        JsonNode atKill = admin.projections(replaying).get(0);
        Takeover replay = killAndAwaitTakeover(replaying);
        boolean stillReplaying = atKill.get("replaying").asBoolean();
        outcome.check(
                "replay: the other instance takes over",
                stillReplaying && replay.seconds() != null,
                "killed " + replaying.name() + " at position " + atKill.get("position") + " of " + atKill.get("head")
                        + (stillReplaying ? " while replaying" : " AFTER the replay had ended") + "; "
                        + replay.describe());
        admin.awaitCaughtUp(Duration.ofMinutes(3));
        replaying.start(Cluster.START_TIMEOUT);

        Map<String, String> afterFaults = ProjectionChecksums.take(cluster.database());
        ProjectionChecksums.AuditTrailCount auditTrail = ProjectionChecksums.auditTrail(cluster.database());
        admin.replayAll(ownerOfEverySegment(), Duration.ofSeconds(30));
        admin.awaitCaughtUp(Duration.ofMinutes(5));
        Map<String, String> rebuilt = ProjectionChecksums.take(cluster.database());
        List<String> differences = ProjectionChecksums.differences(afterFaults, rebuilt);
        outcome.check(
                "every projection equals a fresh rebuild",
                differences.isEmpty(),
                differences.isEmpty()
                        ? "checksums of " + ProjectionChecksums.TABLES.size() + " tables equal: " + rebuilt
                        : "differ: " + differences);
        outcome.check("no duplicate audit entry", auditTrail.complete(), auditTrail.describe());
    }

    /** Kills the instance and waits until another one processes every segment; measures how long that took. */
    private Takeover killAndAwaitTakeover(ServiceInstance victim) throws InterruptedException {
        ServiceInstance survivor = other(victim);
        long killedAt = System.nanoTime();
        victim.kill();
        while (System.nanoTime() - killedAt < TAKEOVER_LIMIT.toNanos()) {
            if (admin.segmentsHeldBy(survivor) == segments()) {
                return new Takeover(survivor.name(), (System.nanoTime() - killedAt) / 1e9);
            }
            Thread.sleep(200);
        }
        return new Takeover(survivor.name(), null);
    }

    private record Takeover(String survivor, Double seconds) {
        String describe() {
            return seconds == null
                    ? survivor + " had not taken every segment after " + TAKEOVER_LIMIT.toSeconds() + " s"
                    : survivor + " processed every segment " + String.format("%.1f", seconds) + " s after the kill";
        }
    }

    /** The instance that holds every segment (the second stands by until the first stops), waiting for one to. */
    private ServiceInstance ownerOfEverySegment() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (ServiceInstance query : cluster.queryServices()) {
                if (query.alive() && admin.segmentsHeldBy(query) == segments()) {
                    return query;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("No query-service instance processes every segment");
    }

    private int segments() {
        return (int) cluster.database()
                .queryLong("SELECT count(*) FROM query_model.token_entry WHERE processor_name = 'projections'");
    }

    private long lag(ServiceInstance asked) {
        JsonNode status = admin.projections(asked).get(0);
        return status.hasNonNull("lag")
                ? status.get("lag").asLong()
                : status.get("head").asLong();
    }

    private ServiceInstance other(ServiceInstance instance) {
        return cluster.queryServices().stream()
                .filter(query -> query != instance && query.alive())
                .findFirst()
                .orElseThrow();
    }
}
