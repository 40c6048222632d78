package nl.actionledger.query.audit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.actionledger.query.RestBetweenRuns;
import org.springframework.beans.factory.annotation.Value;
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

    /** Only the background thread uses it. */
    private final RestBetweenRuns rest;

    AuditTrailChecks(
            AuditTrailConsistencyCheck check,
            @Value("${actionledger.full-passes.max-share:0.25}") double maxFullPassShare) {
        this.check = check;
        this.rest = new RestBetweenRuns(maxFullPassShare, RestBetweenRuns.FULL_PASSES_MAX_SHARE);
    }

    public AuditTrailVerification latest() {
        return check.latest().forAuditors();
    }

    /**
     * Compares every entry with its event soon; a request while one waits to start is that one. It rests after the
     * last one first ({@link RestBetweenRuns}), so that however often auditors ask, full comparisons take a bounded share
     * of the time.
     */
    public void requestFull() {
        if (fullCheckWaiting.compareAndSet(false, true)) {
            background.execute(() -> {
                rest.rest();
                fullCheckWaiting.set(false);
                long started = System.nanoTime();
                try {
                    check.checkEverything();
                } finally {
                    rest.runEnded(started);
                }
            });
        }
    }
}
