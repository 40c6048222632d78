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

    AuditTrailChecks(AuditTrailConsistencyCheck check) {
        this.check = check;
    }

    public AuditTrailVerification latest() {
        return check.latest().forAuditors();
    }

    /** Compares every entry with its event soon; a request while one waits to start is that one. */
    public void requestFull() {
        if (fullCheckWaiting.compareAndSet(false, true)) {
            background.execute(() -> {
                fullCheckWaiting.set(false);
                check.checkEverything();
            });
        }
    }
}
