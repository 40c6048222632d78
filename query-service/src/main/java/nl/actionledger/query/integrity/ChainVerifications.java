package nl.actionledger.query.integrity;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import nl.actionledger.query.RestBetweenRuns;
import nl.actionledger.query.config.ExpensiveReadPool;
import nl.actionledger.query.integrity.ChainVerification.Kind;
import nl.actionledger.query.integrity.ChainVerification.Pass;
import nl.actionledger.query.integrity.ChainVerification.Request;
import nl.actionledger.query.integrity.ChainVerification.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Verifies the hash chains in the background, so that {@code GET /api/integrity/verify} answers at once from the last
 * result: an incremental pass every {@code interval} (the events appended since the previous pass), a full pass every
 * {@code full-interval} and whenever one is asked for. Passes run one at a time on their own thread; at most one
 * full pass waits to start, and it rests after the last one first ({@link RestBetweenRuns}), so that however often
 * auditors ask, full passes take a bounded share of the time. Passes read through the expensive reads' own pool. The result lives in this instance's memory: after a restart the first pass is a full one.
 */
@Service
class ChainVerifications {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifications.class);

    private final ChainVerifier verifier;
    private final Clock clock;
    private final Duration fullInterval;
    /** One thread, whose passes read through the expensive reads' own pool, as auditors' exports do. */
    private final ExecutorService passes = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(
                () -> {
                    ExpensiveReadPool.enter();
                    task.run();
                },
                "chain-verification");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicLong numbers = new AtomicLong();
    /** Only the pass thread reads and changes the walk. */
    private ChainWalk walk;

    private Request waitingFull;
    private Request waitingIncremental;
    private volatile ChainVerification latest;
    private Pass lastPass;
    private volatile Pass lastFullPass;
    private volatile Pass running;
    private Pass lastFailure;
    /** Only the pass thread uses it. */
    private final RestBetweenRuns restAfterFullPass;

    ChainVerifications(
            ChainVerifier verifier,
            Clock clock,
            @Value("${actionledger.chain-verification.full-interval:P1D}") Duration fullInterval,
            @Value("${actionledger.full-passes.max-share:0.25}") double maxFullPassShare) {
        this.verifier = verifier;
        this.clock = clock;
        this.fullInterval = fullInterval;
        this.restAfterFullPass = new RestBetweenRuns(maxFullPassShare, RestBetweenRuns.FULL_PASSES_MAX_SHARE);
        publish();
    }

    /** The result of the last pass; never waits for one. */
    ChainVerification latest() {
        return latest;
    }

    @Scheduled(
            initialDelayString = "${actionledger.chain-verification.initial-delay:PT30S}",
            fixedDelayString = "${actionledger.chain-verification.interval:PT1M}")
    void onSchedule() {
        Pass full = lastFullPass;
        Pass current = running;
        boolean fullRunning = current != null && current.kind() == Kind.FULL;
        // A full pass that is still running is the one that is due: asking for another would read every event twice.
        if (!fullRunning
                && (full == null || full.finishedAt().plus(fullInterval).isBefore(clock.instant()))) {
            requestFull();
        } else {
            requestIncremental();
        }
    }

    /** Asks for a full pass; if one is already waiting to start, that one. */
    synchronized Request requestFull() {
        if (waitingFull == null) {
            Request request = new Request(numbers.incrementAndGet(), Kind.FULL, clock.instant());
            waitingFull = request;
            passes.execute(() -> run(request));
        }
        return waitingFull;
    }

    /** Asks for an incremental pass; if a pass is already waiting to start (it will cover the same events), that one. */
    synchronized Request requestIncremental() {
        if (waitingFull != null) {
            return waitingFull;
        }
        if (waitingIncremental == null) {
            Request request = new Request(numbers.incrementAndGet(), Kind.INCREMENTAL, clock.instant());
            waitingIncremental = request;
            passes.execute(() -> run(request));
        }
        return waitingIncremental;
    }

    private void run(Request request) {
        if (request.kind() == Kind.FULL) {
            // Still waiting while it rests, so that the requests meanwhile are this pass too.
            restAfterFullPass.rest();
        }
        synchronized (this) {
            if (request.kind() == Kind.FULL) {
                waitingFull = null;
            } else {
                waitingIncremental = null;
            }
        }
        // Without a full pass to continue from, an incremental pass would know no chain: it becomes a full one.
        Kind kind = walk == null ? Kind.FULL : request.kind();
        Instant started = clock.instant();
        long eventsBefore = walk == null || kind == Kind.FULL ? 0 : walk.events();
        long startedNanos = System.nanoTime();
        running = new Pass(request.pass(), kind, started, null, 0, null);
        publish();
        try {
            if (kind == Kind.FULL) {
                walk = verifier.full();
            } else {
                verifier.continueWith(walk);
            }
            lastPass = new Pass(
                    request.pass(), kind, started, clock.instant(), walk.events() - eventsBefore, walk.position());
            if (kind == Kind.FULL) {
                lastFullPass = lastPass;
                restAfterFullPass.runEnded(startedNanos);
            }
            log.info(
                    "Chain verification pass {} ({}) read {} events up to position {} in {} ms: {}",
                    request.pass(),
                    kind,
                    lastPass.eventsRead(),
                    walk.position(),
                    Duration.between(started, lastPass.finishedAt()).toMillis(),
                    walk.broken().isEmpty() ? "OK" : walk.broken());
            if (!walk.broken().isEmpty()) {
                log.error("Hash chains do not verify: {}", walk.broken());
            }
        } catch (RuntimeException e) {
            log.error("Chain verification pass {} ({}) failed", request.pass(), kind, e);
            lastFailure = new Pass(request.pass(), kind, started, clock.instant(), 0, null);
        } finally {
            running = null;
            publish();
        }
    }

    private void publish() {
        if (walk == null || lastFullPass == null) {
            latest = new ChainVerification(
                    Status.NOT_YET_VERIFIED, 0, 0, null, null, List.of(), lastPass, lastFullPass, running, lastFailure);
            return;
        }
        List<ChainVerification.BrokenChain> broken = walk.broken();
        latest = new ChainVerification(
                broken.isEmpty() ? Status.OK : Status.BROKEN,
                walk.chains(),
                walk.events(),
                walk.position(),
                walk.checkpoint(),
                broken,
                lastPass,
                lastFullPass,
                running,
                lastFailure);
    }

    @PreDestroy
    void stop() {
        passes.shutdownNow();
    }
}
