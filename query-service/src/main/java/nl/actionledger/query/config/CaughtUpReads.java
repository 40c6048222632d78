package nl.actionledger.query.config;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How often a processor reads the event table once it has caught up with it: at most once per interval. Under load,
 * a processor that read again as soon as it had handled what it read would query the table hundreds of times a
 * second for one or two events each, and handle them in as many small batches; every query, batch and token update
 * has a fixed cost in both JVM and PostgreSQL, which a batch of a few events does not spread. Waiting the interval
 * lets what arrived meanwhile come in one query and one batch. A processor that is behind (catch-up, replay) reads on
 * at once: its reads return about a full batch, fewer only by the positions of appends that were rolled back; one that is caught up waits no longer than it does at rest, where new
 * events are looked for once per poll interval anyway.
 *
 * <p>Kept per thread: each processor's stream is read by its coordinator's own thread, and two processors do not
 * slow each other down.
 */
final class CaughtUpReads {

    /** Reads as fast as asked: for the storage engine that others than the processors read through. */
    static final CaughtUpReads UNPACED = new CaughtUpReads(Duration.ZERO);

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    /** When this thread's last read reached the head of the table (nanoTime), or null after a fuller one. */
    private final ThreadLocal<Long> caughtUpAt = new ThreadLocal<>();

    CaughtUpReads(Duration interval) {
        this(interval, System::nanoTime);
    }

    CaughtUpReads(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether this thread may query the table now; if not, it is to read nothing this time. */
    boolean mayRead() {
        Long last = caughtUpAt.get();
        return last == null || nanoTime.getAsLong() - last >= intervalNanos;
    }

    /**
     * Records a read that returned {@code events} of at most {@code batchSize}. Less than half a batch means it reached
     * the head: the engine reads a range of positions, so a read behind the head comes back short only by the gaps in
     * its range, and a range more than half empty would at worst wait one interval per read.
     */
    void read(int events, int batchSize) {
        if (intervalNanos == 0) {
            return;
        }
        if (events < batchSize / 2) {
            caughtUpAt.set(nanoTime.getAsLong());
        } else {
            caughtUpAt.remove();
        }
    }
}
