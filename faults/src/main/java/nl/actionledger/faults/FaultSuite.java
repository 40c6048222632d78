package nl.actionledger.faults;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.actionledger.tooling.OwnedAction;

/**
 * Action Ledger under faults: an embedded PostgreSQL, two command-service and two query-service instances as real
 * processes, coordinators writing concurrently, and one fault after another. Prints a table of scenario and outcome
 * and exits with 1 when any check failed. See the README, "Fault suite".
 */
public final class FaultSuite {

    private FaultSuite() {}

    public static void main(String[] args) throws Exception {
        SuiteSettings settings = SuiteSettings.parse(args);
        List<Outcome> outcomes = run(settings);
        String table = OutcomeTable.render(outcomes);
        System.out.println();
        System.out.println(table);
        Files.writeString(settings.workDir().resolve("fault-suite-results.md"), table);
        System.out.println("Logs of every service: " + settings.logDir());
        System.exit(outcomes.stream().allMatch(Outcome::passed) ? 0 : 1);
    }

    /** Runs every scenario, in an order where each leaves the cluster as the next one needs it. */
    static List<Outcome> run(SuiteSettings settings) throws Exception {
        System.out.printf(
                "Action Ledger fault suite, %s mode: %d coordinators%n", settings.mode(), settings.coordinators());
        Http http = new Http(Duration.ofSeconds(15));
        List<Outcome> outcomes = new ArrayList<>();
        System.out.println("Starting PostgreSQL, 2 command-service and 2 query-service instances ...");
        try (Cluster cluster = Cluster.start(settings)) {
            List<List<OwnedAction>> actions = PlanSetup.assign(cluster, http, settings.coordinators());
            for (Scenario scenario : scenarios(cluster, settings, actions).stream()
                    .filter(settings::runs)
                    .toList()) {
                System.out.println(scenario.name() + " ...");
                Outcome outcome = new Outcome(scenario.name());
                try {
                    scenario.run(outcome);
                } catch (Exception e) {
                    e.printStackTrace();
                    outcome.aborted(e);
                }
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    private static List<Scenario> scenarios(Cluster cluster, SuiteSettings settings, List<List<OwnedAction>> actions) {
        // The late commit needs query-service instances with a short gap timeout: the four that start together get it,
        // and two of them stay for it. The scenarios before run with the services' production settings.
        return List.of(
                new CommandServiceKill(cluster, settings, actions),
                new QueryServiceKill(cluster, settings),
                new DatabaseOutage(cluster, settings, actions),
                new ConcurrentQueryStart(cluster, LateCommit.queryServiceEnvironment()),
                new LateCommit(cluster, settings, actions));
    }
}
