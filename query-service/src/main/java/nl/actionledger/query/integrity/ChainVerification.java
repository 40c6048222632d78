package nl.actionledger.query.integrity;

import java.time.Instant;
import java.util.List;

/**
 * What the background verification of the hash chains found, as of its last pass.
 *
 * @param status       OK or BROKEN once a full pass has run; NOT_YET_VERIFIED before
 * @param chains       how many chains (actions) have been verified
 * @param events       how many events have been verified
 * @param position     every event up to this global index has been verified, except any still being committed
 * @param checkpoint   the last checkpoint the chains were compared with; {@code null} when none was recorded yet
 * @param brokenChains one entry per action whose history does not verify, with its first bad event and why
 * @param lastPass     the last pass that finished, full or incremental
 * @param lastFullPass the last full pass that finished: every event read again and every chain compared with the
 *                     checkpoint
 * @param running      the pass running now, if any
 * @param lastFailure  the last pass that could not finish (the service log has why); {@code null} if none failed
 */
record ChainVerification(
        Status status,
        long chains,
        long events,
        Long position,
        CheckpointSummary checkpoint,
        List<BrokenChain> brokenChains,
        Pass lastPass,
        Pass lastFullPass,
        Pass running,
        Pass lastFailure) {

    public enum Status {
        OK,
        BROKEN,
        NOT_YET_VERIFIED
    }

    /** A full pass reads every event; an incremental one those after the position the previous pass reached. */
    public enum Kind {
        FULL,
        INCREMENTAL
    }

    /**
     * @param pass       numbered in the order passes were asked for
     * @param finishedAt {@code null} while it runs
     * @param eventsRead how many events this pass read
     * @param position   the global index it verified up to
     */
    public record Pass(long pass, Kind kind, Instant startedAt, Instant finishedAt, long eventsRead, Long position) {}

    /** A pass that was asked for: follow it at {@code GET /api/integrity/verify} until {@code lastFullPass.pass} reaches it. */
    public record Request(long pass, Kind kind, Instant requestedAt) {}

    /** The checkpoint the heads were compared with. */
    public record CheckpointSummary(
            long id, Instant recordedAt, long position, int chains, long events, String digest) {}

    /**
     * @param firstBadSequence the sequence number of the first event that does not verify (or is missing)
     * @param position         its global index, when the event is there
     */
    public record BrokenChain(String aggregateId, long firstBadSequence, Long position, String why) {}
}
