package nl.actionledger.faults;

import java.time.Duration;
import java.util.List;
import nl.actionledger.tooling.OwnedAction;

/**
 * kill -9 of a command-service instance while coordinators write through both: every acknowledged change is stored
 * exactly once, the other instance keeps accepting while the first is down, and the first takes changes again once
 * restarted.
 */
final class CommandServiceKill implements Scenario {

    private final Cluster cluster;
    private final SuiteSettings settings;
    private final List<List<OwnedAction>> actions;

    CommandServiceKill(Cluster cluster, SuiteSettings settings, List<List<OwnedAction>> actions) {
        this.cluster = cluster;
        this.settings = settings;
        this.actions = actions;
    }

    @Override
    public String id() {
        return "command-service-kill";
    }

    @Override
    public String name() {
        return "kill -9 a command-service under load";
    }

    @Override
    public void run(Outcome outcome) throws Exception {
        ServiceInstance victim = cluster.commandServices().get(0);
        ServiceInstance survivor = cluster.commandServices().get(1);
        Coordinators coordinators =
                new Coordinators(new Http(Duration.ofSeconds(15)), cluster.commandServices(), actions);
        coordinators.start();
        long killedAt;
        long restartedAt;
        try {
            Thread.sleep(settings.loadBeforeFault().toMillis());
            killedAt = System.nanoTime();
            victim.kill();
            Thread.sleep(settings.loadDuringFault().toMillis());
            victim.start(Cluster.START_TIMEOUT);
            restartedAt = System.nanoTime();
            Thread.sleep(settings.loadBeforeFault().toMillis());
        } finally {
            coordinators.stop();
        }
        coordinators.writeLog(cluster.workDir().resolve("client-log-command-kill.tsv"));

        List<Acknowledged> acknowledged = coordinators.acknowledged();
        StoredChanges.Result stored = StoredChanges.check(cluster.database(), acknowledged);
        outcome.check(
                "every acknowledged change stored exactly once",
                stored.exactlyOnce() && stored.acknowledged() > 0,
                stored.describe());

        List<Attempt> survivorWhileDown = coordinators.attempts().stream()
                .filter(attempt -> attempt.instance().equals(survivor.name()) && attempt.between(killedAt, restartedAt))
                .toList();
        long survivorAccepted = acknowledged.stream()
                .filter(change -> change.instance().equals(survivor.name())
                        && change.atNanos() >= killedAt
                        && change.atNanos() < restartedAt)
                .count();
        long survivorErrors =
                survivorWhileDown.stream().filter(Attempt::serverError).count();
        outcome.check(
                "the other instance keeps accepting",
                survivorAccepted > 0 && survivorErrors == 0,
                survivorAccepted + " accepted by " + survivor.name() + " while " + victim.name() + " was down ("
                        + seconds(restartedAt - killedAt) + " s), " + survivorErrors + " 5xx or timeouts");

        long rejoined = acknowledged.stream()
                .filter(change -> change.instance().equals(victim.name()) && change.atNanos() >= restartedAt)
                .count();
        long retried = acknowledged.stream().filter(Acknowledged::replayed).count();
        outcome.check(
                "the restarted instance rejoins",
                rejoined > 0,
                rejoined + " accepted by " + victim.name() + " after its restart; " + retried
                        + " acknowledged on a retry with the same Idempotency-Key");
    }

    static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }
}
