package nl.actionledger.query;

import java.util.function.LongSupplier;

/**
 * The rest between whole-table passes that auditors may ask for as often as they like (a full verification of the hash
 * chains, a comparison of every audit entry with its event): a pass starts no sooner after the last one ended than
 * {@code (1 - maxShare) / maxShare} times as long as that one took, so that such passes keep their thread, and the
 * connection and PostgreSQL backend it reads through, busy at most {@code maxShare} of the time; the rest is left to the
 * coordinators, the other requests and the projections ({@code actionledger.full-passes.max-share}). For the one thread
 * that runs the passes.
 */
public final class FullPassRest {

    private final double restPerPass;
    private final LongSupplier nanoTime;
    /** How long the last pass took, and when it ended (nanoTime). */
    private long lastPassNanos;
    private long lastPassEndedNanos;

    public FullPassRest(double maxShare) {
        this(maxShare, System::nanoTime);
    }

    FullPassRest(double maxShare, LongSupplier nanoTime) {
        if (!(maxShare > 0 && maxShare <= 1)) {
            throw new IllegalStateException("actionledger.full-passes.max-share (FULL_PASSES_MAX_SHARE) must be more "
                    + "than 0 and at most 1; it is " + maxShare);
        }
        this.restPerPass = (1 - maxShare) / maxShare;
        this.nanoTime = nanoTime;
    }

    /** How long the next pass is still to wait, in nanoseconds (0: it may start). */
    long restLeftNanos() {
        if (lastPassNanos == 0) {
            return 0;
        }
        return Math.max(0, lastPassEndedNanos + (long) (lastPassNanos * restPerPass) - nanoTime.getAsLong());
    }

    /** Waits until the next pass may start. */
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

    /** Records a pass that started at {@code startedNanos} (nanoTime) and has just ended. */
    public void passEnded(long startedNanos) {
        lastPassEndedNanos = nanoTime.getAsLong();
        lastPassNanos = lastPassEndedNanos - startedNanos;
    }
}
