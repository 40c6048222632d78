package nl.actionledger.query;

import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * Whether a segment is still catching up on a replay. Axon keeps calling a segment "replaying" after it has
 * processed the last event that existed at the reset, until a newer event arrives; for an operator the replay is
 * over once the segment has reached the position it was reset from.
 */
public final class Replays {

    private Replays() {}

    /** For a segment this instance processes. */
    public static boolean stillReplaying(EventTrackerStatus segment) {
        return stillReplaying(segment.getTrackingToken());
    }

    /**
     * Whether the segment is still catching up on a replay that rebuilds the projection (a replay without a
     * {@link Rebuild}, a processor's very first start, rebuilds every projection).
     */
    public static boolean rebuilding(TrackingToken token, Projection projection) {
        return stillReplaying(token)
                && ReplayToken.replayContext(token, Rebuild.class)
                        .map(rebuild -> rebuild.includes(projection))
                        .orElse(true);
    }

    /** For a segment's token, also as stored, whichever instance holds the segment. */
    public static boolean stillReplaying(TrackingToken token) {
        ReplayToken replay = token == null
                ? null
                : WrappedToken.unwrap(token, ReplayToken.class).orElse(null);
        if (replay == null) {
            return false;
        }
        OptionalLong position = replay.position();
        OptionalLong resetPosition = replay.getTokenAtReset().position();
        return position.isEmpty() || resetPosition.isEmpty() || position.getAsLong() < resetPosition.getAsLong();
    }
}
