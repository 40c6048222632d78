package nl.actionledger.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.actionledger.tooling.OwnedAction;

/**
 * Coordinators changing their own actions of the real plan through command-service, each on its own thread with
 * one request in flight: as fast as they can, or at a fixed total rate (an open schedule, so a slow answer does not
 * lower the offered load).
 */
final class WriteLoad {

    private final LedgerClient client;
    private final List<List<OwnedAction>> actionsPerWriter;
    private final AtomicLong acceptedSinceCreated = new AtomicLong();

    WriteLoad(LedgerClient client, List<List<OwnedAction>> actionsPerWriter) {
        this.client = client;
        this.actionsPerWriter = actionsPerWriter;
    }

    /** @param totalRatePerSecond 0 for as fast as possible */
    Result run(Duration duration, double totalRatePerSecond) throws InterruptedException {
        return run(duration, totalRatePerSecond, null);
    }

    /**
     * As {@link #run(Duration, double)}, and at the end adds each request's latency to {@code alsoInto} (several runs
     * summarised as one), unless it is null.
     */
    Result run(Duration duration, double totalRatePerSecond, Latencies alsoInto) throws InterruptedException {
        Latencies own = new Latencies();
        AtomicLong accepted = new AtomicLong();
        Map<Integer, Long> failures = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (List<OwnedAction> actions : actionsPerWriter) {
            long interval = totalRatePerSecond <= 0 ? 0 : (long) (1e9 * actionsPerWriter.size() / totalRatePerSecond);
            Thread thread = new Thread(
                    () -> {
                        try (KeepAliveConnection connection = client.openCommandConnection()) {
                            write(actions, interval, end, connection, own, accepted, failures);
                        }
                    },
                    "writer-" + threads.size());
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (alsoInto != null) {
            alsoInto.addAll(own);
        }
        return new Result(accepted.get(), Map.copyOf(failures), seconds, own.summary());
    }

    /** One writer's loop until {@code end}: its actions in turn, every {@code interval} or at once if that is 0. */
    private void write(
            List<OwnedAction> actions,
            long interval,
            long end,
            KeepAliveConnection connection,
            Latencies own,
            AtomicLong accepted,
            Map<Integer, Long> failures) {
        long next = System.nanoTime();
        for (int i = 0; System.nanoTime() < end; i++) {
            if (interval > 0) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    sleepNanos(wait);
                }
                next += interval;
                if (System.nanoTime() >= end) {
                    break;
                }
            }
            OwnedAction action = actions.get(i % actions.size());
            OwnedAction.Change change = action.next();
            LedgerClient.Response response = client.change(
                    connection, action.token, OwnedAction.PLAN, action.actionId, change.kind(), change.body());
            own.add(response.nanos());
            if (response.ok()) {
                action.moveOn();
                accepted.incrementAndGet();
                acceptedSinceCreated.incrementAndGet();
            } else {
                failures.merge(response.status(), 1L, Long::sum);
            }
        }
    }

    /** Every change accepted through this load, warm-ups included: what the system under test must have stored. */
    long acceptedSinceCreated() {
        return acceptedSinceCreated.get();
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Result(long accepted, Map<Integer, Long> failuresByStatus, double seconds, Latencies.Summary latency) {

        /** Several runs as one: their changes and time added up, with the latencies of all their requests. */
        static Result combined(List<Result> runs, Latencies latenciesOfAll) {
            Map<Integer, Long> failures = new TreeMap<>();
            runs.forEach(
                    run -> run.failuresByStatus().forEach((status, count) -> failures.merge(status, count, Long::sum)));
            return new Result(
                    runs.stream().mapToLong(Result::accepted).sum(),
                    Map.copyOf(failures),
                    runs.stream().mapToDouble(Result::seconds).sum(),
                    latenciesOfAll.summary());
        }

        double acceptedPerSecond() {
            return accepted / seconds;
        }

        long failed() {
            return failuresByStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
