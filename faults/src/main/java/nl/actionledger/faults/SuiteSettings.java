package nl.actionledger.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How big a run is. {@code full} (the README's command) loads the services for longer and stops the database for the
 * 20 s the issue names; {@code quick} (what {@code ./mvnw verify} runs) is the same scenarios with small loads.
 *
 * @param coordinators      concurrent coordinators, each with actions of its own
 * @param loadBeforeFault   load before a fault is injected
 * @param loadDuringFault   load while a command-service instance is down
 * @param databaseOutage    how long PostgreSQL stays stopped
 * @param historyEvents     events written straight into the event table for the query-service to catch up on
 * @param lateCommitHold    how long the slow transaction keeps its event uncommitted (beyond the gap timeout)
 * @param only              the ids of the scenarios to run ({@code --only=a,b}); empty: all of them
 */
record SuiteSettings(
        String mode,
        int coordinators,
        Duration loadBeforeFault,
        Duration loadDuringFault,
        Duration databaseOutage,
        int historyEvents,
        Duration lateCommitHold,
        Path home,
        Path workDir,
        Set<String> only) {

    /** The gap timeout of the query-service instances in the late-commit scenario (production: 60 s). */
    static final Duration SHORT_GAP_TIMEOUT = Duration.ofSeconds(4);

    static SuiteSettings parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Unknown argument " + arg + "; use --mode=quick|full, --home=DIR, "
                        + "--work-dir=DIR, --only=SCENARIO,...");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Path home = Path.of(options.getOrDefault("home", ".")).toAbsolutePath().normalize();
        Path workDir = Path.of(options.getOrDefault(
                        "work-dir", home.resolve("faults/target/run").toString()))
                .toAbsolutePath();
        String mode = options.getOrDefault("mode", "full");
        Set<String> only =
                options.containsKey("only") ? Set.of(options.get("only").split(",")) : Set.of();
        return switch (mode) {
            case "quick" ->
                new SuiteSettings(
                        mode,
                        4,
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(6),
                        Duration.ofSeconds(10),
                        6_000,
                        Duration.ofSeconds(9),
                        home,
                        workDir,
                        only);
            case "full" ->
                new SuiteSettings(
                        mode,
                        8,
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(20),
                        30_000,
                        Duration.ofSeconds(12),
                        home,
                        workDir,
                        only);
            default -> throw new IllegalArgumentException("--mode is quick or full, not " + mode);
        };
    }

    boolean runs(Scenario scenario) {
        return only.isEmpty() || only.contains(scenario.id());
    }

    Path commandJar() {
        return home.resolve("command-service/target/command-service.jar");
    }

    Path queryJar() {
        return home.resolve("query-service/target/query-service.jar");
    }

    Path logDir() {
        return workDir.resolve("logs");
    }
}
