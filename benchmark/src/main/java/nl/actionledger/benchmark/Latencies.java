package nl.actionledger.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Durations in nanoseconds, collected from any thread, summarised as nearest-rank percentiles in milliseconds. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    void addAll(Latencies other) {
        long[] theirs;
        int theirCount;
        synchronized (other) {
            theirs = other.nanos;
            theirCount = other.count;
        }
        for (int i = 0; i < theirCount; i++) {
            add(theirs[i]);
        }
    }

    synchronized int count() {
        return count;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(
                count,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                count == 0 ? Double.NaN : sorted[count - 1] / 1e6);
    }

    static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    record Summary(int count, double p50, double p95, double p99, double max) {

        Map<String, Object> asFigures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("samples", count);
            figures.put("p50Ms", Figures.round(p50));
            figures.put("p95Ms", Figures.round(p95));
            figures.put("p99Ms", Figures.round(p99));
            figures.put("maxMs", Figures.round(max));
            return figures;
        }

        @Override
        public String toString() {
            return "p50 %s ms, p95 %s ms, p99 %s ms (n=%d)"
                    .formatted(Figures.round(p50), Figures.round(p95), Figures.round(p99), count);
        }
    }
}
