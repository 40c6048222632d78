package nl.actionledger.command.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records checkpoints of the hash chains (a digest over the heads of all chains), at an interval and on demand,
 * so that a removed last event or a removed chain shows when the chains are verified. The work is done by the
 * database function {@code event_store.record_checkpoint}; see migration V3. It reads every event's time stamp and
 * every chain's head, so one is recorded at a time on an instance: a request while one is being recorded is refused
 * ({@link CheckpointInProgressException}, 429), and a scheduled one then skipped; the coordinators' changes keep the
 * rest of the pool. The hash chains are "integrity" in both services: query-service verifies them and exports the
 * events with their hashes ({@code /api/integrity/...}).
 */
@Component
class ChainCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(ChainCheckpoints.class);

    private final JdbcClient jdbc;
    private final Duration margin;
    private final Semaphore recording = new Semaphore(1);

    ChainCheckpoints(JdbcClient jdbc, @Value("${actionledger.checkpoints.margin:PT1M}") Duration margin) {
        this.jdbc = jdbc;
        this.margin = margin;
    }

    @Scheduled(
            initialDelayString = "${actionledger.checkpoints.initial-delay:PT1M}",
            fixedDelayString = "${actionledger.checkpoints.interval:PT15M}")
    void recordScheduled() {
        Checkpoint checkpoint;
        try {
            checkpoint = record();
        } catch (CheckpointInProgressException e) {
            log.info("Scheduled chain checkpoint skipped: one is being recorded already");
            return;
        }
        log.info(
                "Chain checkpoint {} at position {}: {} chains, {} events",
                checkpoint.id(),
                checkpoint.position(),
                checkpoint.chains(),
                checkpoint.events());
    }

    /**
     * Records a checkpoint of everything older than the margin (or returns the last one when nothing is new).
     *
     * @throws CheckpointInProgressException while another one is being recorded on this instance
     */
    Checkpoint record() {
        if (!recording.tryAcquire()) {
            throw new CheckpointInProgressException();
        }
        try {
            return recordNow();
        } finally {
            recording.release();
        }
    }

    private Checkpoint recordNow() {
        long id = jdbc.sql("SELECT event_store.record_checkpoint(make_interval(secs => ?))")
                .param(margin.toMillis() / 1000.0)
                .query(Long.class)
                .single();
        return jdbc.sql("""
                        SELECT id, recorded_at, position, chains, events, encode(digest, 'hex') AS digest
                        FROM event_store.chain_checkpoint WHERE id = ?""")
                .param(id)
                .query((rs, row) -> new Checkpoint(
                        rs.getLong("id"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getLong("position"),
                        rs.getInt("chains"),
                        rs.getLong("events"),
                        rs.getString("digest")))
                .single();
    }

    /** @param digest SHA-256, hex, over the lines "aggregate id:sequence number:hash" of all chain heads, sorted */
    record Checkpoint(long id, Instant recordedAt, long position, int chains, long events, String digest) {}
}
