package nl.actionledger.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.actionledger.tooling.OwnedAction;
import nl.actionledger.tooling.TokenIssuer;

/**
 * The write path of two builds of command-service, compared in one run ({@code --compare-command-jar=...}, or one
 * build with and without {@code --compare-command-java-options=...}): both run
 * beside one query-service on one database, and their write windows take turns as Action Ledger's and the CRUD
 * baseline's do in the full run ({@link InterleavedWrites}), so that the machine's drift (its speed moves by a third
 * within an hour) falls on both alike. Full runs minutes apart cannot tell a lever of a few percent from that drift;
 * adjacent windows can. For weighing a lever of the write path; the targets' figures come from the full run.
 *
 * <p>Each build writes to actions of its own, every other one of each writer's: on shared actions the first change of
 * each in a build's window found its cached copy stale (the other build had appended) and loaded the action's whole
 * history again, which made the first window after each switch the slower one by up to 2.5 times. Both run on one
 * schema: a build that brings a migration applies it for both when it starts.
 */
final class CommandComparison {

    private static final int WARM_UP_TURNS = 4;

    private final BenchmarkSettings settings;
    private final BenchmarkDatabase database;
    private final TokenIssuer issuer;

    CommandComparison(BenchmarkSettings settings, BenchmarkDatabase database, TokenIssuer issuer) {
        this.settings = settings;
        this.database = database;
        this.issuer = issuer;
    }

    /**
     * @param a     the build under {@code --home} (before)
     * @param b     the build of {@code --compare-command-jar} (after)
     * @param query the query-service both write to
     * @return the figures of the comparison; ratios are B's over A's
     */
    Map<String, Object> compare(ServiceUnderTest a, ServiceUnderTest b, ServiceUnderTest query) throws Exception {
        String admin = issuer.admin("bench-admin");
        LedgerClient clientA = new LedgerClient(a.baseUrl(), query.baseUrl());
        LedgerClient clientB = new LedgerClient(b.baseUrl(), query.baseUrl());
        Projections projections = new Projections(clientA, admin);
        projections.awaitCaughtUp(Duration.ofMinutes(2));
        PlanActions plan = PlanActions.assign(clientA, issuer, admin, settings.writers());
        projections.awaitCaughtUp(Duration.ofMinutes(2));
        WriteLoad loadA = new WriteLoad(clientA, everyOther(plan.writerActions(), 0));
        WriteLoad loadB = new WriteLoad(clientB, everyOther(plan.writerActions(), 1));

        System.out.printf(
                "Warming up both builds' JIT for %d s each, in turns (not measured) ...%n",
                settings.warmUp().toSeconds());
        // In turns, so that neither build idles for the other's whole warm-up just before it is measured: in a
        // comparison of one build with itself, the build warmed up first was measured at up to 1.5 x the CPU per
        // change of the other in the first pairs of windows.
        for (int turn = 0; turn < WARM_UP_TURNS; turn++) {
            loadA.run(settings.warmUp().dividedBy(WARM_UP_TURNS), 0);
            loadB.run(settings.warmUp().dividedBy(WARM_UP_TURNS), 0);
        }
        System.out.printf(
                "Writes of two builds of command-service in turns, %d coordinators as fast as they can, %d windows of "
                        + "%.1f s each (A: %s with Java options %s, B: %s with %s) ...%n",
                settings.writers(),
                settings.writeWindows(),
                settings.writeWindow().toMillis() / 1000.0,
                settings.commandJar(),
                ServiceUnderTest.LEDGER_JAVA_OPTIONS,
                settings.compareCommandJar(),
                javaOptionsOfB(settings));
        database.execute("CHECKPOINT");
        // B in the first place of InterleavedWrites, so that its ratios read B over A
        InterleavedWrites.Result turns = InterleavedWrites.run(
                side("B", b, query, loadB, projections),
                side("A", a, query, loadA, projections),
                settings.writeWindows(),
                settings.writeWindow());

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("a", summary("A", settings.commandJar(), turns.baseline()));
        figures.put("b", summary("B", settings.compareCommandJar(), turns.ledger()));
        figures.put("aJavaOptions", ServiceUnderTest.LEDGER_JAVA_OPTIONS);
        figures.put("bJavaOptions", javaOptionsOfB(settings));
        figures.put("order", "alternating pairs of adjacent windows: B first, then A first, ...");
        figures.put("rateRatioPerPair", turns.rateRatioPerPair());
        figures.put("rateRatioMedian", Figures.round(turns.rateRatio()));
        figures.put("cpuPerChangeRatioMedian", Figures.round(turns.cpuPerChangeRatio()));
        figures.put("commandServiceCpuPerChangeRatioMedian", Figures.round(commandServiceRatio(turns)));
        System.out.printf(
                "  B / A, median of the pairs of windows: %.3f x the accepted changes/s (pairs %s), %.3f x the CPU per "
                        + "accepted change%n",
                turns.rateRatio(), turns.rateRatioPerPair(), turns.cpuPerChangeRatio());
        System.out.printf(
                "  B / A, median of the pairs of windows: %.3f x command-service's own CPU per accepted change%n",
                commandServiceRatio(turns));
        return figures;
    }

    /**
     * The median over the pairs of windows of B's command-service CPU per change over A's: what the builds themselves
     * spend. The machine's total also holds query-service's checks and autovacuum, which run once a minute and so fall
     * into some windows and not others, the same ones pair after pair: in a comparison of one build with itself the
     * checks fell into one side's windows and autovacuum into the other's.
     */
    private static double commandServiceRatio(InterleavedWrites.Result turns) {
        double[] ratios = new double[turns.ledger().each().size()];
        for (int pair = 0; pair < ratios.length; pair++) {
            ratios[pair] = commandServiceMillisPerChange(turns.ledger(), pair)
                    / commandServiceMillisPerChange(turns.baseline(), pair);
        }
        return InterleavedWrites.Result.median(ratios);
    }

    private static double commandServiceMillisPerChange(InterleavedWrites.Windows windows, int window) {
        return 1000
                * windows.cpuOfEach().get(window).cpuSeconds().get("commandService")
                / windows.each().get(window).accepted();
    }

    /** B's JVM options: those of the comparison, in place of the services' own, or the services' own. */
    static List<String> javaOptionsOfB(BenchmarkSettings settings) {
        return settings.compareCommandJavaOptions().isEmpty()
                ? ServiceUnderTest.LEDGER_JAVA_OPTIONS
                : settings.compareCommandJavaOptions();
    }

    /** Each writer's actions at even ({@code first} 0) or odd ({@code first} 1) places. */
    static List<List<OwnedAction>> everyOther(List<List<OwnedAction>> actionsPerWriter, int first) {
        List<List<OwnedAction>> half = new ArrayList<>();
        for (List<OwnedAction> actions : actionsPerWriter) {
            List<OwnedAction> own = new ArrayList<>();
            for (int i = first; i < actions.size(); i += 2) {
                own.add(actions.get(i));
            }
            if (own.isEmpty()) {
                throw new IllegalStateException("A writer has too few actions to share between two builds");
            }
            half.add(own);
        }
        return half;
    }

    private InterleavedWrites.Side side(
            String build, ServiceUnderTest command, ServiceUnderTest query, WriteLoad load, Projections projections) {
        CpuUsage cpu = new CpuUsage(database, command, query);
        return new InterleavedWrites.Side(build, cpu::now, (duration, latencies) -> {
            WriteLoad.Result writes = load.run(duration, 0, latencies);
            // what the projections still have to do is this window's work, not the other build's next one
            projections.awaitCaughtUp(Duration.ofMinutes(2));
            return writes;
        });
    }

    private static Map<String, Object> summary(String build, Path jar, InterleavedWrites.Windows windows) {
        WriteLoad.Result writes = windows.writes();
        Map<String, Object> cpuPerChange = windows.cpu().millisecondsPer(writes.accepted());
        System.out.printf(
                "  %s (%s): %,.0f accepted changes/s, %d failed (%s)%n    CPU per accepted change in ms: %s%n",
                build, jar, writes.acceptedPerSecond(), writes.failed(), writes.latency(), cpuPerChange);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("jar", jar.toString());
        summary.put("acceptedPerSecond", Figures.round(writes.acceptedPerSecond()));
        summary.put("failed", writes.failed());
        summary.put("cpuPerChangeMs", cpuPerChange);
        summary.put("acceptedPerSecondPerWindow", windows.ratesPerWindow());
        summary.put("cpuPerChangeMsPerWindow", windows.cpuPerChangePerWindow());
        return summary;
    }
}
