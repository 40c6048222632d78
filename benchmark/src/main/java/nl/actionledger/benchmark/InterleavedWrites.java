package nl.actionledger.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;

/**
 * Action Ledger and the CRUD baseline under the same write load in alternating windows, each system running while
 * the other idles. Measured one after the other, minutes apart, the two were compared at different machine speeds:
 * this machine's speed drifts by a third within minutes with nothing else running (BENCHMARKS.md). Here each pair of
 * adjacent windows sees the same speed, the order within a pair alternates (ledger first, then baseline first) so a
 * steady drift favours neither, and the ratio reported is the median of the pairs' ratios.
 */
final class InterleavedWrites {

    private InterleavedWrites() {}

    /** One measured window of a system: its writers for the given time, and whatever must finish before the next. */
    @FunctionalInterface
    interface Window {
        WriteLoad.Result run(Duration duration, Latencies latencies) throws Exception;
    }

    /**
     * @param cpu    read just before and just after each window, so what the window leaves to finish (the
     *               projections catching up) is part of its cost
     * @param window runs one window
     */
    record Side(String name, Supplier<CpuUsage.Snapshot> cpu, Window window) {}

    static Result run(Side ledger, Side baseline, int windows, Duration windowLength) throws Exception {
        Measured ledgerWindows = new Measured();
        Measured baselineWindows = new Measured();
        for (int pair = 0; pair < windows; pair++) {
            boolean ledgerFirst = pair % 2 == 0;
            measure(ledgerFirst ? ledger : baseline, ledgerFirst ? ledgerWindows : baselineWindows, windowLength);
            measure(ledgerFirst ? baseline : ledger, ledgerFirst ? baselineWindows : ledgerWindows, windowLength);
            System.out.printf(
                    "  pair %d: %s %,.0f changes/s, %s %,.0f changes/s%n",
                    pair + 1,
                    ledger.name(),
                    ledgerWindows.last().acceptedPerSecond(),
                    baseline.name(),
                    baselineWindows.last().acceptedPerSecond());
            // Per window, so that a slow window can be told apart: which component spent more per change in it.
            System.out.printf("    CPU ms per change, %s: %s%n", ledger.name(), ledgerWindows.lastCpuPerChange());
            System.out.printf("    CPU ms per change, %s: %s%n", baseline.name(), baselineWindows.lastCpuPerChange());
        }
        return new Result(ledgerWindows.summed(), baselineWindows.summed());
    }

    private static void measure(Side system, Measured into, Duration windowLength) throws Exception {
        CpuUsage.Snapshot before = system.cpu().get();
        WriteLoad.Result writes = system.window().run(windowLength, into.latencies);
        into.add(writes, system.cpu().get().since(before));
    }

    private static Map<String, Object> cpuPerChange(CpuUsage.Usage usage, WriteLoad.Result writes) {
        Map<String, Object> perChange = new LinkedHashMap<>(usage.millisecondsPer(writes.accepted()));
        perChange.put("postgresqlByTask", usage.postgresqlMillisecondsPer(writes.accepted()));
        perChange.put("seconds", Figures.round(usage.seconds()));
        return perChange;
    }

    /** The windows of one system so far. */
    private static final class Measured {

        private final List<WriteLoad.Result> writes = new ArrayList<>();
        private final List<CpuUsage.Usage> cpu = new ArrayList<>();
        private final Latencies latencies = new Latencies();

        void add(WriteLoad.Result windowWrites, CpuUsage.Usage windowCpu) {
            writes.add(windowWrites);
            cpu.add(windowCpu);
        }

        WriteLoad.Result last() {
            return writes.get(writes.size() - 1);
        }

        Map<String, Object> lastCpuPerChange() {
            return cpuPerChange(cpu.get(cpu.size() - 1), last());
        }

        Windows summed() {
            return new Windows(
                    List.copyOf(writes),
                    List.copyOf(cpu),
                    WriteLoad.Result.combined(writes, latencies),
                    cpu.stream().reduce(CpuUsage.Usage::plus).orElseThrow());
        }
    }

    /**
     * One system's windows, each and all together.
     *
     * @param each      each window's writes, in the order they ran
     * @param cpuOfEach each window's CPU
     * @param writes    all windows' writes as one: changes and seconds added up, latency over every request
     * @param cpu       all windows' CPU as one
     */
    record Windows(
            List<WriteLoad.Result> each, List<CpuUsage.Usage> cpuOfEach, WriteLoad.Result writes, CpuUsage.Usage cpu) {

        double cpuMillisecondsPerChange() {
            return cpu.totalMillisecondsPer(writes.accepted());
        }

        double cpuMillisecondsPerChange(int window) {
            return cpuOfEach.get(window).totalMillisecondsPer(each.get(window).accepted());
        }

        /** Each window's CPU per accepted change by component, PostgreSQL's also by task. */
        List<Map<String, Object>> cpuPerChangePerWindow() {
            List<Map<String, Object>> perWindow = new ArrayList<>();
            for (int window = 0; window < each.size(); window++) {
                perWindow.add(cpuPerChange(cpuOfEach.get(window), each.get(window)));
            }
            return perWindow;
        }

        List<Double> ratesPerWindow() {
            return each.stream()
                    .map(window -> Figures.round(window.acceptedPerSecond()))
                    .toList();
        }
    }

    /**
     * Both systems' windows; window {@code i} of one and of the other were adjacent in time.
     */
    record Result(Windows ledger, Windows baseline) {

        /** The median over the pairs of windows of the ledger's accepted changes/s over the baseline's. */
        double rateRatio() {
            return median(overPairs(this::rateRatioOf));
        }

        /** The median over the pairs of windows of the ledger's CPU per accepted change over the baseline's. */
        double cpuPerChangeRatio() {
            return median(
                    overPairs(pair -> ledger.cpuMillisecondsPerChange(pair) / baseline.cpuMillisecondsPerChange(pair)));
        }

        List<Double> rateRatioPerPair() {
            return Arrays.stream(overPairs(this::rateRatioOf))
                    .map(Figures::round)
                    .boxed()
                    .toList();
        }

        private double rateRatioOf(int pair) {
            return ledger.each().get(pair).acceptedPerSecond()
                    / baseline.each().get(pair).acceptedPerSecond();
        }

        private double[] overPairs(IntToDoubleFunction ratioOfPair) {
            double[] ratios = new double[ledger.each().size()];
            for (int pair = 0; pair < ratios.length; pair++) {
                ratios[pair] = ratioOfPair.applyAsDouble(pair);
            }
            return ratios;
        }

        static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        Map<String, Object> asFigures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("windowsPerSystem", ledger.each().size());
            figures.put("windowSeconds", Figures.round(ledger.each().get(0).seconds()));
            figures.put("order", "alternating pairs of adjacent windows: ledger first, then the baseline first, ...");
            figures.put("ledgerAcceptedPerSecondPerWindow", ledger.ratesPerWindow());
            figures.put("baselineAcceptedPerSecondPerWindow", baseline.ratesPerWindow());
            figures.put("rateRatioPerPair", rateRatioPerPair());
            figures.put("ledgerCpuPerChangeMsPerWindow", ledger.cpuPerChangePerWindow());
            figures.put("baselineCpuPerChangeMsPerWindow", baseline.cpuPerChangePerWindow());
            figures.put("rateRatioMedian", Figures.round(rateRatio()));
            figures.put("cpuPerChangeRatioMedian", Figures.round(cpuPerChangeRatio()));
            return figures;
        }
    }
}
