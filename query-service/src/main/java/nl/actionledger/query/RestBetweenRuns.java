package nl.actionledger.query;

import java.util.function.LongSupplier;

/**
 * The rest between runs of work that auditors may ask for as often as they like (a full verification of the hash
 * chains, a comparison of every audit entry with its event, a page of the export): a run starts no sooner after the
 * last one ended than {@code (1 - maxShare) / maxShare} times as long as that one took, so that such runs keep their
 * thread, and the connection and PostgreSQL backend it reads through, busy at most {@code maxShare} of the time; the
 * rest is left to the coordinators, the other requests and the projections. Not thread-safe: for the one thread that
 * runs them, or the one that holds their turn.
 */
public final class RestBetweenRuns {

    /** The setting that bounds the full passes of the hash chains and of the audit trail. */
    public static final String FULL_PASSES_MAX_SHARE = "actionledger.full-passes.max-share (FULL_PASSES_MAX_SHARE)";

    private final double restPerRun;
    private final LongSupplier nanoTime;
    /** How long the last run took, and when it ended (nanoTime). */
    private long lastRunNanos;

    private long lastRunEndedNanos;

    /**
     * @param maxShare the largest share of the time the runs may take, more than 0 and at most 1
     * @param setting  the setting that gave it, named when it is out of range
     */
    public RestBetweenRuns(double maxShare, String setting) {
        this(maxShare, setting, System::nanoTime);
    }

    RestBetweenRuns(double maxShare, String setting, LongSupplier nanoTime) {
        if (!(maxShare > 0 && maxShare <= 1)) {
            throw new IllegalStateException(setting + " must be more than 0 and at most 1; it is " + maxShare);
        }
        this.restPerRun = (1 - maxShare) / maxShare;
        this.nanoTime = nanoTime;
    }

    /** How long the next run is still to wait, in nanoseconds (0: it may start). */
    public long restLeftNanos() {
        if (lastRunNanos == 0) {
            return 0;
        }
        return Math.max(0, lastRunEndedNanos + (long) (lastRunNanos * restPerRun) - nanoTime.getAsLong());
    }

    /** Waits until the next run may start (less if the thread is interrupted, which it leaves interrupted). */
    public void rest() {
        long rest = restLeftNanos();
        if (rest > 0) {
            try {
                Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Records a run that started at {@code startedNanos} (nanoTime) and has just ended. */
    public void runEnded(long startedNanos) {
        lastRunEndedNanos = nanoTime.getAsLong();
        lastRunNanos = lastRunEndedNanos - startedNanos;
    }
}
