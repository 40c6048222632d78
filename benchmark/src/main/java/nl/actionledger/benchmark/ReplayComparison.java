package nl.actionledger.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rebuild of two builds of query-service, compared on one history in one run ({@code --only=replay
 * --compare-query-jar=...}): their replays take turns, A B B A A B ..., each on a freshly started service, so that the
 * machine's own drift (its speed moves by a third within an hour) falls on both alike. A single replay per build, in
 * runs minutes apart, cannot tell a change of a few percent from that drift. For work on the rebuild, never for the
 * figures of BENCHMARKS.md.
 */
final class ReplayComparison {

    /** Starts query-service from a jar (the one running is stopped first). */
    interface Starter {
        ServiceUnderTest start(Path jar) throws Exception;
    }

    /** One replay of one build. */
    record Measured(
            double eventsPerSecond,
            double machineMillisPerThousand,
            double queryMillisPerThousand,
            double postgresqlMillisPerThousand) {

        @Override
        public String toString() {
            return String.format(
                    "%,.0f events/s, machine %.1f ms per 1,000 events (query-service %.1f, PostgreSQL %.1f)",
                    eventsPerSecond, machineMillisPerThousand, queryMillisPerThousand, postgresqlMillisPerThousand);
        }
    }

    private final BenchmarkDatabase database;
    private final ServiceUnderTest command;
    private final String adminToken;
    private final Starter starter;
    private final Map<String, String> handled;

    ReplayComparison(
            BenchmarkDatabase database,
            ServiceUnderTest command,
            String adminToken,
            Starter starter,
            Map<String, String> handled) {
        this.database = database;
        this.command = command;
        this.adminToken = adminToken;
        this.starter = starter;
        this.handled = handled;
    }

    /** @return each build's replays, by the name of its jar */
    Map<String, List<Measured>> compare(Path a, Path b, int rounds) throws Exception {
        Map<String, List<Measured>> results = new LinkedHashMap<>();
        results.put("A " + a, new ArrayList<>());
        results.put("B " + b, new ArrayList<>());
        for (int round = 0; round < 2 * rounds; round++) {
            // A B B A A B: each build as often first as second after a restart
            boolean first = round % 4 == 0 || round % 4 == 3;
            Path jar = first ? a : b;
            ServiceUnderTest query = starter.start(jar);
            Projections projections = new Projections(new LedgerClient(command.baseUrl(), query.baseUrl()), adminToken);
            projections.awaitCaughtUp(Duration.ofMinutes(5));
            CpuUsage cpu = new CpuUsage(database, command, query);
            CpuUsage.Snapshot before = cpu.now();
            Projections.ReplayResult replay = projections.replayAll(Duration.ofMinutes(20));
            Map<String, Object> used = cpu.now().since(before).millisecondsPer(replay.events() / 1000);
            Map<String, String> rebuilt = ProjectionCheck.checksums(database);
            if (!rebuilt.equals(handled)) {
                throw new IllegalStateException("The replay of " + jar + " did not end in the state the event "
                        + "handlers built: before " + handled + ", after " + rebuilt);
            }
            Measured measured = new Measured(
                    replay.eventsPerSecond(),
                    number(used.get("machine")),
                    number(used.get("queryService")),
                    number(used.get("postgresql")));
            String build = first ? "A" : "B";
            results.get(results.keySet().stream()
                            .filter(name -> name.startsWith(build + " "))
                            .findFirst()
                            .orElseThrow())
                    .add(measured);
            System.out.printf("  %s: %s%n", build, measured);
        }
        results.forEach((build, replays) -> System.out.printf(
                "  %s: median %,.0f events/s, machine %.1f ms per 1,000 events%n",
                build,
                median(replays.stream().mapToDouble(Measured::eventsPerSecond).toArray()),
                median(replays.stream()
                        .mapToDouble(Measured::machineMillisPerThousand)
                        .toArray())));
        return results;
    }

    private static double number(Object figure) {
        return ((Number) figure).doubleValue();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
