package nl.actionledger.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run does. {@code quick} is a smoke check of a few minutes; {@code full} is the run whose figures go into
 * BENCHMARKS.md. Every value can be overridden with {@code --name=value}.
 *
 * @param events             the size of the generated history, registrations included
 * @param writers            concurrent coordinators in the write test, and connections in the raw INSERT test
 * @param writeDuration      how long each system is measured in the write test (and how long the raw INSERT test
 *                           and the half-load test run)
 * @param writeWindows       in how many windows each system's write test is split: Action Ledger and the CRUD
 *                           baseline take turns, window by window ({@link InterleavedWrites})
 * @param warmUp             writes before the write test that are not measured, so the services' JIT has compiled
 *                           the paths it measures
 * @param contenders         writers on one action in the contention test
 * @param contentionAttempts changes each contender tries
 * @param lagSamples         changes timed from command to visibility, at rest and under each load
 * @param readSamples        timed requests per read (after as many warm-up requests, at most 20)
 * @param heap               the maximum heap of each service
 * @param verificationWait   how long the replay waits at most, before it is timed, for the background verification of
 *                           the hash chains to reach the head of the generated history (see Benchmark#settleHistory);
 *                           a small history is verified within milliseconds, so only the full mode waits
 * @param replayOnly         measure only the rebuild ({@code --only=replay}): generate the history, replay every
 *                           projection and check the result, without the write, read and baseline tests; for work on the
 *                           rebuild, never for the figures of BENCHMARKS.md
 * @param compareQueryJar    with {@code --only=replay}: a second build of query-service whose replays take turns with
 *                           the first's on the same history ({@link ReplayComparison}); null for none
 * @param compareRounds      how many replays of each build such a comparison makes
 * @param compareCommandJar  a second build of command-service whose write windows take turns with the first's
 *                           ({@link CommandComparison}): only the write test, no baseline, history or reads; null
 *                           for none
 * @param compareCommandJavaOptions options for the second build's JVM in such a comparison, in place of the services'
 *                           own (with no second jar, the first build's jar with these options is compared with it as
 *                           it is)
 */
record BenchmarkSettings(
        String mode,
        long events,
        int writers,
        Duration writeDuration,
        int writeWindows,
        Duration warmUp,
        int contenders,
        int contentionAttempts,
        int lagSamples,
        int readSamples,
        long seed,
        String heap,
        Duration verificationWait,
        boolean replayOnly,
        Path compareQueryJar,
        int compareRounds,
        Path compareCommandJar,
        List<String> compareCommandJavaOptions,
        Path home,
        Path workDir,
        Path output) {

    BenchmarkSettings {
        if (writeWindows < 1) {
            throw new IllegalArgumentException("--write-windows must be at least 1, not " + writeWindows);
        }
    }

    static BenchmarkSettings parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException(
                        "Unknown argument '" + arg + "'; options look like --events=1000000");
            }
            String[] parts = arg.substring(2).split("=", 2);
            options.put(parts[0], parts.length == 2 ? parts[1] : "true");
        }
        String mode = options.getOrDefault("mode", options.containsKey("full") ? "full" : "quick");
        BenchmarkSettings defaults = switch (mode) {
            case "quick" ->
                new BenchmarkSettings(
                        "quick",
                        20_000,
                        8,
                        Duration.ofSeconds(8),
                        2,
                        Duration.ofSeconds(8),
                        16,
                        5,
                        30,
                        30,
                        42,
                        "512m",
                        Duration.ZERO,
                        false,
                        null,
                        3,
                        null,
                        List.of(),
                        null,
                        null,
                        null);
            case "full" ->
                new BenchmarkSettings(
                        "full",
                        1_000_000,
                        8,
                        Duration.ofSeconds(60),
                        4,
                        Duration.ofSeconds(120),
                        16,
                        40,
                        200,
                        200,
                        42,
                        "512m",
                        Duration.ofMinutes(2),
                        false,
                        null,
                        3,
                        null,
                        List.of(),
                        null,
                        null,
                        null);
            case "smoke" ->
                new BenchmarkSettings(
                        "smoke",
                        5_000,
                        4,
                        Duration.ofSeconds(3),
                        1,
                        Duration.ofSeconds(2),
                        4,
                        4,
                        5,
                        5,
                        42,
                        "512m",
                        Duration.ZERO,
                        false,
                        null,
                        3,
                        null,
                        List.of(),
                        null,
                        null,
                        null);
            default -> throw new IllegalArgumentException("--mode is quick, full or smoke, not '" + mode + "'");
        };
        Path home = Path.of(options.getOrDefault("home", ".")).toAbsolutePath().normalize();
        Path workDir = Path.of(options.getOrDefault(
                        "work-dir", home.resolve("benchmark/target/run").toString()))
                .toAbsolutePath();
        return new BenchmarkSettings(
                mode,
                Long.parseLong(options.getOrDefault("events", Long.toString(defaults.events()))),
                Integer.parseInt(options.getOrDefault("writers", Integer.toString(defaults.writers()))),
                Duration.parse(options.getOrDefault(
                        "duration", defaults.writeDuration().toString())),
                Integer.parseInt(options.getOrDefault("write-windows", Integer.toString(defaults.writeWindows()))),
                Duration.parse(options.getOrDefault("warm-up", defaults.warmUp().toString())),
                Integer.parseInt(options.getOrDefault("contenders", Integer.toString(defaults.contenders()))),
                Integer.parseInt(
                        options.getOrDefault("contention-attempts", Integer.toString(defaults.contentionAttempts()))),
                Integer.parseInt(options.getOrDefault("lag-samples", Integer.toString(defaults.lagSamples()))),
                Integer.parseInt(options.getOrDefault("read-samples", Integer.toString(defaults.readSamples()))),
                Long.parseLong(options.getOrDefault("seed", Long.toString(defaults.seed()))),
                options.getOrDefault("heap", defaults.heap()),
                Duration.parse(options.getOrDefault(
                        "verification-wait", defaults.verificationWait().toString())),
                replayOnly(options.get("only")),
                compareQueryJar(options),
                Integer.parseInt(options.getOrDefault("compare-rounds", Integer.toString(defaults.compareRounds()))),
                compareCommandJar(options, home),
                compareCommandJavaOptions(options),
                home,
                workDir,
                Path.of(options.getOrDefault(
                                "output",
                                home.resolve("benchmark/target/benchmark-results.json")
                                        .toString()))
                        .toAbsolutePath());
    }

    private static Path compareQueryJar(Map<String, String> options) {
        String jar = options.get("compare-query-jar");
        if (jar == null) {
            return null;
        }
        if (!"replay".equals(options.get("only"))) {
            throw new IllegalArgumentException("--compare-query-jar compares replays: it needs --only=replay");
        }
        return Path.of(jar).toAbsolutePath();
    }

    private static Path compareCommandJar(Map<String, String> options, Path home) {
        String jar = options.get("compare-command-jar");
        if (jar == null && !options.containsKey("compare-command-java-options")) {
            return null;
        }
        if (options.containsKey("only") || options.containsKey("compare-query-jar")) {
            throw new IllegalArgumentException("--compare-command-jar and --compare-command-java-options compare the "
                    + "write path alone: they take neither --only nor --compare-query-jar");
        }
        return jar == null ? commandJarUnder(home) : Path.of(jar).toAbsolutePath();
    }

    private static List<String> compareCommandJavaOptions(Map<String, String> options) {
        String javaOptions =
                options.getOrDefault("compare-command-java-options", "").strip();
        return javaOptions.isEmpty() ? List.of() : List.of(javaOptions.split("\\s+"));
    }

    /** Whether the CRUD baseline is started: only the full measurement compares with it. */
    boolean measuresBaseline() {
        return !replayOnly && compareCommandJar == null;
    }

    private static boolean replayOnly(String only) {
        if (only == null) {
            return false;
        }
        if (!only.equals("replay")) {
            throw new IllegalArgumentException("--only takes 'replay', not '" + only + "'");
        }
        return true;
    }

    /** One window of the interleaved write test. */
    Duration writeWindow() {
        return writeDuration.dividedBy(writeWindows);
    }

    Path commandJar() {
        return commandJarUnder(home);
    }

    private static Path commandJarUnder(Path home) {
        return home.resolve("command-service/target/command-service.jar");
    }

    Path queryJar() {
        return home.resolve("query-service/target/query-service.jar");
    }

    Path baselineJar() {
        return home.resolve("crud-baseline/target/crud-baseline.jar");
    }

    Map<String, Object> asFigures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mode", mode);
        figures.put("events", events);
        figures.put("writers", writers);
        figures.put("writeDurationSeconds", writeDuration.toSeconds());
        figures.put("writeWindows", writeWindows);
        figures.put("warmUpSeconds", warmUp.toSeconds());
        figures.put("contenders", contenders);
        figures.put("contentionAttemptsPerContender", contentionAttempts);
        figures.put("lagSamples", lagSamples);
        figures.put("readSamples", readSamples);
        figures.put("seed", seed);
        figures.put("serviceHeap", heap);
        figures.put("verificationWaitBeforeReplaySeconds", verificationWait.toSeconds());
        if (replayOnly) {
            figures.put("only", "replay");
        }
        if (compareQueryJar != null) {
            figures.put("compareQueryJar", compareQueryJar.toString());
            figures.put("compareRounds", compareRounds);
        }
        if (compareCommandJar != null) {
            figures.put("compareCommandJar", compareCommandJar.toString());
            figures.put("compareCommandJavaOptions", compareCommandJavaOptions);
        }
        figures.put(
                "changeRateLimitPerUser",
                "off (CHANGE_RATE_LIMIT_PER_MINUTE=0): each writer changes as fast as it can");
        figures.put("authentication", "JWT bearer tokens (RS256), signed by the benchmark; no password hashing");
        return figures;
    }
}
