package nl.actionledger.query.audit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Service;

/**
 * The comparison of the audit trail with the event table, for the auditors' verification: its last result at once,
 * and a comparison of every entry on request, in the background (at 10^6 events it reads the whole trail).
 */
@Service
public class AuditTrailChecks {

    private final AuditTrailConsistencyCheck check;
    private final AtomicBoolean fullCheckWaiting = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "audit-trail-check");
        thread.setDaemon(true);
        return thread;
    });

    /** How long the last full comparison took, and when it ended (System.nanoTime); only the background thread uses them. */
    private long lastFullCheckNanos;
    private long lastFullCheckEndedNanos;

    AuditTrailChecks(AuditTrailConsistencyCheck check) {
        this.check = check;
    }

    public AuditTrailVerification latest() {
        return check.latest().forAuditors();
    }

    /**
     * Compares every entry with its event soon; a request while one waits to start is that one. It starts no sooner
     * after the last one ended than that one took, so that however often auditors ask, full comparisons keep their
     * thread busy half of the time at most.
     */
    public void requestFull() {
        if (fullCheckWaiting.compareAndSet(false, true)) {
            background.execute(() -> {
                restAfterLastFullCheck();
                fullCheckWaiting.set(false);
                long started = System.nanoTime();
                try {
                    check.checkEverything();
                } finally {
                    lastFullCheckEndedNanos = System.nanoTime();
                    lastFullCheckNanos = lastFullCheckEndedNanos - started;
                }
            });
        }
    }

    private void restAfterLastFullCheck() {
        long rest = lastFullCheckEndedNanos + lastFullCheckNanos - System.nanoTime();
        if (lastFullCheckNanos > 0 && rest > 0) {
            try {
                Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
