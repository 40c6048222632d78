package nl.actionledger.benchmark;

import java.util.Map;

/** The printed comparison of Action Ledger's write test with the CRUD baseline's: rates, latency and CPU per change. */
final class WriteComparison {

    private static final String ROW = "%-14s %11s %7s %7s %7s %9s %9s %9s %10s %7s%n";

    private WriteComparison() {}

    static String table(BenchmarkSettings settings, InterleavedWrites.Result writes) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                "%nWrites under the same load: %d coordinators, %d s measured per system in %d "
                        + "windows taken in turn, after %d s of warm-up%n",
                settings.writers(),
                settings.writeDuration().toSeconds(),
                settings.writeWindows(),
                settings.warmUp().toSeconds()));
        table.append(String.format("%-45s %s%n", "", "CPU ms per accepted change"));
        table.append(String.format(
                ROW,
                "",
                "accepted/s",
                "p50 ms",
                "p99 ms",
                "failed",
                "service",
                "query",
                "load gen",
                "PostgreSQL",
                "total"));
        table.append("-".repeat(100)).append('\n');
        InterleavedWrites.Windows ledger = writes.ledger();
        InterleavedWrites.Windows baseline = writes.baseline();
        Map<String, Double> ledgerSeconds = ledger.cpu().cpuSeconds();
        table.append(
                row("Action Ledger", ledger, ledgerSeconds.get("commandService"), ledgerSeconds.get("queryService")));
        table.append(row("CRUD baseline", baseline, baseline.cpu().cpuSeconds().get("crudBaseline"), null));
        table.append(String.format(
                "Per window, accepted/s: Action Ledger %s, CRUD baseline %s%n",
                ledger.ratesPerWindow(), baseline.ratesPerWindow()));
        table.append(String.format(
                "Action Ledger / CRUD baseline, median of the pairs of windows: %.2f x the accepted "
                        + "changes/s (pairs %s), %.2f x the CPU per accepted change%n",
                writes.rateRatio(), writes.rateRatioPerPair(), writes.cpuPerChangeRatio()));
        return table.toString();
    }

    private static String row(
            String system, InterleavedWrites.Windows windows, Double serviceSeconds, Double querySeconds) {
        WriteLoad.Result writes = windows.writes();
        CpuUsage.Usage cpu = windows.cpu();
        long accepted = writes.accepted();
        return String.format(
                ROW,
                system,
                String.format("%,.0f", writes.acceptedPerSecond()),
                number(writes.latency().p50()),
                number(writes.latency().p99()),
                writes.failed(),
                perChange(serviceSeconds, accepted),
                perChange(querySeconds, accepted),
                perChange(cpu.cpuSeconds().get("loadGenerator"), accepted),
                perChange(cpu.cpuSeconds().get("postgresql"), accepted),
                number(cpu.totalMillisecondsPer(accepted)));
    }

    private static String perChange(Double cpuSeconds, long accepted) {
        return cpuSeconds == null ? "-" : number(1000 * cpuSeconds / accepted);
    }

    private static String number(double value) {
        return String.format("%.2f", value);
    }
}
