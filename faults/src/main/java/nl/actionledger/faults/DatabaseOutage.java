package nl.actionledger.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.actionledger.tooling.OwnedAction;

/**
 * PostgreSQL stopped under load, then started again on the same port and data: while it is away every request is
 * answered at once with 503 and Retry-After (never 500, never held past the client's timeout), health and readiness
 * say DOWN; when it is back both services recover by themselves (same processes), and nothing acknowledged is lost.
 */
final class DatabaseOutage implements Scenario {

    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

    private final Cluster cluster;
    private final SuiteSettings settings;
    private final List<List<OwnedAction>> actions;

    DatabaseOutage(Cluster cluster, SuiteSettings settings, List<List<OwnedAction>> actions) {
        this.cluster = cluster;
        this.settings = settings;
        this.actions = actions;
    }

    @Override
    public String id() {
        return "database-outage";
    }

    @Override
    public String name() {
        return "PostgreSQL stopped for " + settings.databaseOutage().toSeconds() + " s under load";
    }

    @Override
    public void run(Outcome outcome) throws Exception {
        Http http = new Http(Duration.ofSeconds(15));
        List<ServiceInstance> everyInstance = new ArrayList<>(cluster.commandServices());
        everyInstance.addAll(cluster.queryServices());
        List<Long> pidsBefore = everyInstance.stream().map(ServiceInstance::pid).toList();
        Coordinators coordinators = new Coordinators(http, cluster.commandServices(), actions);
        HealthProbe probe = new HealthProbe(
                http, everyInstance, cluster.queryServices(), cluster.issuer().auditor("fault-evaluator"));
        coordinators.start();
        probe.start();
        long stoppedAt;
        long backAt;
        Long recoveredAt;
        try {
            Thread.sleep(settings.loadBeforeFault().toMillis());
            stoppedAt = System.nanoTime();
            cluster.database().stop();
            Thread.sleep(settings.databaseOutage().toMillis());
            cluster.database().startAgain(Duration.ofSeconds(30));
            backAt = System.nanoTime();
            recoveredAt = awaitRecovery(coordinators, probe, everyInstance, backAt);
            Thread.sleep(2_000);
        } finally {
            probe.stop();
            coordinators.stop();
        }
        coordinators.writeLog(cluster.workDir().resolve("client-log-database-outage.tsv"));

        List<Attempt> answers = Stream.concat(coordinators.attempts().stream(), probe.reads().stream())
                .toList();
        long serverErrors = answers.stream()
                .filter(a -> a.status() >= 500 && a.status() != 503)
                .count();
        long timeouts = Stream.concat(answers.stream(), probe.probes().stream())
                .filter(a -> a.status() == Http.TIMED_OUT)
                .count();
        long slowest = Stream.concat(answers.stream(), probe.probes().stream())
                .mapToLong(Attempt::nanos)
                .max()
                .orElse(0);
        String otherErrors = answers.stream()
                .filter(a -> a.status() >= 500 && a.status() != 503)
                .map(a -> a.instance() + " " + a.status())
                .distinct()
                .toList()
                .toString();
        outcome.check(
                "no 500, no request held past the client's 15 s timeout",
                serverErrors == 0 && timeouts == 0,
                serverErrors + " 5xx other than 503" + (serverErrors == 0 ? "" : " " + otherErrors) + ", " + timeouts
                        + " timeouts; slowest answer "
                        + CommandServiceKill.seconds(slowest) + " s");

        List<Attempt> unavailable =
                answers.stream().filter(a -> a.status() == 503).toList();
        long withoutRetryAfter = unavailable.stream()
                .filter(a -> !a.retryAfter() || !a.problem())
                .count();
        long writes503 =
                coordinators.attempts().stream().filter(a -> a.status() == 503).count();
        long reads503 = probe.reads().stream().filter(a -> a.status() == 503).count();
        outcome.check(
                "503 problem responses with Retry-After",
                !unavailable.isEmpty() && withoutRetryAfter == 0 && writes503 > 0 && reads503 > 0,
                writes503 + " changes and " + reads503 + " reads answered 503, " + withoutRetryAfter
                        + " of them without Retry-After or not a problem");

        List<String> notDown = new ArrayList<>();
        for (ServiceInstance instance : everyInstance) {
            for (String endpoint : new String[] {"readiness", "health"}) {
                if (!probe.sawDown(instance.name(), endpoint)) {
                    notDown.add(instance.name() + " " + endpoint);
                }
            }
        }
        outcome.check(
                "health and readiness DOWN",
                notDown.isEmpty(),
                notDown.isEmpty()
                        ? "every instance's health and readiness answered 503 DOWN"
                        : "never DOWN: " + notDown);

        List<Long> pidsAfter = everyInstance.stream().map(ServiceInstance::pid).toList();
        boolean sameProcesses =
                pidsBefore.equals(pidsAfter) && everyInstance.stream().allMatch(ServiceInstance::alive);
        outcome.check(
                "both services recover by themselves",
                recoveredAt != null && sameProcesses,
                (recoveredAt == null
                                ? "not recovered within " + RECOVERY_LIMIT.toSeconds() + " s"
                                : "ready and answering " + CommandServiceKill.seconds(recoveredAt - backAt)
                                        + " s after PostgreSQL was back")
                        + (sameProcesses ? ", no restart" : ", a process was restarted or died")
                        + "; PostgreSQL away " + CommandServiceKill.seconds(backAt - stoppedAt) + " s");

        StoredChanges.Result stored = StoredChanges.check(cluster.database(), coordinators.acknowledged());
        new AdminApi(cluster, http).awaitCaughtUp(Duration.ofMinutes(2));
        ProjectionChecksums.AuditTrailCount auditTrail = ProjectionChecksums.auditTrail(cluster.database());
        outcome.check(
                "nothing acknowledged is lost",
                stored.exactlyOnce() && auditTrail.complete(),
                stored.describe() + "; " + auditTrail.describe());
    }

    /**
     * Waits until every instance is ready again, each command-service instance has acknowledged a change and
     * query-service answers a read; returns when, or null after {@link #RECOVERY_LIMIT}.
     */
    private Long awaitRecovery(
            Coordinators coordinators, HealthProbe probe, List<ServiceInstance> instances, long backAt)
            throws InterruptedException {
        while (System.nanoTime() - backAt < RECOVERY_LIMIT.toNanos()) {
            boolean writesAccepted = cluster.commandServices().stream()
                    .allMatch(command -> coordinators.acknowledged().stream()
                            .anyMatch(change -> change.instance().equals(command.name()) && change.atNanos() > backAt));
            boolean readsAnswered = cluster.queryServices().stream()
                    .allMatch(query -> probe.reads().stream()
                            .anyMatch(read -> read.instance().equals(query.name())
                                    && read.status() == 200
                                    && read.atNanos() > backAt));
            boolean ready = instances.stream()
                    .allMatch(instance -> probe.probes().stream()
                            .anyMatch(answer -> answer.instance().equals(instance.name() + " readiness")
                                    && answer.status() == 200
                                    && answer.atNanos() > backAt));
            if (writesAccepted && readsAnswered && ready) {
                return System.nanoTime();
            }
            Thread.sleep(200);
        }
        return null;
    }
}
