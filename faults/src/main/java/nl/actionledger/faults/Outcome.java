package nl.actionledger.faults;

import java.util.ArrayList;
import java.util.List;

/** What one scenario found: each of its checks passed or failed, with the figures that decided it. */
final class Outcome {

    private final String scenario;
    private final List<Check> checks = new ArrayList<>();

    Outcome(String scenario) {
        this.scenario = scenario;
    }

    Outcome check(String what, boolean passed, String figures) {
        checks.add(new Check(what, passed, figures));
        System.out.printf("  %s %s: %s%n", passed ? "PASS" : "FAIL", what, figures);
        return this;
    }

    /** A scenario that could not run to its end fails, with the reason as its figure. */
    Outcome aborted(Exception cause) {
        return check("ran to the end", false, cause.toString());
    }

    boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    String scenario() {
        return scenario;
    }

    List<Check> checks() {
        return List.copyOf(checks);
    }

    record Check(String what, boolean passed, String figures) {}
}
