package nl.actionledger.query.rebuild;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import nl.actionledger.query.Projection;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a running bulk rebuild's claims and heartbeat fresh between its checkpoints, and while it builds the indexes at
 * the end. Checkpoints alone do not: the pages between two take seconds on a fast machine but can take longer than
 * the token store's claim timeout (10 s) on a busy one, and building the indexes takes about 17 s at a million events,
 * minutes at ten; a claim left that long would be taken by another instance, whose processor would then write beside
 * the rebuild, and the rebuild would fail at its next checkpoint.
 */
@Component
class RebuildHeartbeat {

    /** Well within the token store's claim timeout (10 s) and {@link BulkRebuildsInProgress#HEARTBEAT_TIMEOUT}. */
    static final Duration INTERVAL = Duration.ofSeconds(3);

    private static final Logger log = LoggerFactory.getLogger(RebuildHeartbeat.class);

    private final TokenStore tokenStore;
    private final BulkRebuildsInProgress inProgress;
    private final TransactionTemplate transactions;
    private final ScheduledExecutorService beating = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bulk-rebuild-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    RebuildHeartbeat(TokenStore tokenStore, BulkRebuildsInProgress inProgress, TransactionTemplate transactions) {
        this.tokenStore = tokenStore;
        this.inProgress = inProgress;
        this.transactions = transactions;
    }

    /** Beats every {@link #INTERVAL} for the rebuild of {@code segments} until the returned beat is closed. */
    Beat start(Set<Segment> segments) {
        ScheduledFuture<?> beats = beating.scheduleWithFixedDelay(
                () -> beat(segments), INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return () -> beats.cancel(false);
    }

    /**
     * One beat. A failure is logged and the next beat tries again; should the claims be lost meanwhile (the database
     * away for longer than the claim timeout), the rebuild's next checkpoint fails and the processor carries on.
     */
    private void beat(Set<Segment> segments) {
        try {
            transactions.executeWithoutResult(status -> {
                segments.forEach(segment -> tokenStore.extendClaim(Projection.PROCESSOR, segment.getSegmentId()));
                inProgress.beat();
            });
        } catch (RuntimeException e) {
            log.warn("The bulk rebuild's heartbeat failed; the next one tries again in {}", INTERVAL, e);
        }
    }

    @PreDestroy
    void stop() {
        beating.shutdownNow();
    }

    /** The beats of one rebuild; closing stops them. */
    interface Beat extends AutoCloseable {
        @Override
        void close();
    }
}
