package nl.actionledger.query.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import nl.actionledger.query.RestBetweenRuns;

/**
 * Export pages take their turn: one at a time on an instance, and each after a rest as long as the share
 * {@code actionledger.exports.max-share} allows ({@link RestBetweenRuns}). An auditor pages through the whole history
 * as fast as it can ask, and a page of a thousand events with their hashes is some 850 KB of JSON read from the event
 * table: ten auditors doing that took the cores the coordinators' changes needed (their p99 rose fourfold in the
 * benchmark) however few pages ran at once. A page asked for during another's turn or rest waits for its own, up to
 * {@link #MAX_WAIT}; beyond, it is refused as too busy (429 with {@code Retry-After}), without having held a connection.
 */
final class PacedExports {

    /** How long a page waits for its turn before it is refused: well within any client's timeout. */
    static final Duration MAX_WAIT = Duration.ofSeconds(2);

    static final String MAX_SHARE = "actionledger.exports.max-share (EXPORTS_MAX_SHARE)";

    private final Semaphore turn = new Semaphore(1, true);
    /** Touched only by the holder of the turn. */
    private final RestBetweenRuns rest;

    PacedExports(double maxShare) {
        this.rest = new RestBetweenRuns(maxShare, MAX_SHARE);
    }

    /**
     * Waits for this page's turn and the rest after the last page.
     *
     * @return when the page began (nanoTime), for {@link #pageEnded}
     * @throws TooBusyException when that would take longer than {@link #MAX_WAIT}
     */
    long awaitTurn() {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        try {
            if (!turn.tryAcquire(MAX_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw tooBusy();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw tooBusy();
        }
        if (System.nanoTime() + rest.restLeftNanos() > deadline) {
            turn.release();
            throw tooBusy();
        }
        rest.rest();
        return System.nanoTime();
    }

    /** Ends the turn of the page begun at {@code startedNanos}: the next one rests in proportion to how long it took. */
    void pageEnded(long startedNanos) {
        rest.runEnded(startedNanos);
        turn.release();
    }

    private static TooBusyException tooBusy() {
        return new TooBusyException("Export pages take turns on each instance and rest between them, "
                + "so that exports leave the coordinators their share of the machine; try again in a moment.");
    }
}
