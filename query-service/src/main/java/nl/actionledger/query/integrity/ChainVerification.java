package nl.actionledger.query.integrity;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of recomputing every hash chain against the stored events and the last checkpoint.
 *
 * @param brokenChains one entry per action whose history does not verify, with its first bad event and why
 */
public record ChainVerification(
        Status status,
        long chains,
        long events,
        CheckpointSummary checkpoint,
        List<BrokenChain> brokenChains) {

    public enum Status { OK, BROKEN }

    /** The checkpoint the heads were compared with; {@code null} when none was recorded yet. */
    public record CheckpointSummary(long id, Instant recordedAt, long position, int chains, long events, String digest) {
    }

    /**
     * @param firstBadSequence the sequence number of the first event that does not verify (or is missing)
     * @param position         its global index, when the event is there
     */
    public record BrokenChain(String aggregateId, long firstBadSequence, Long position, String why) {
    }
}
