package nl.actionledger.query;

import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Whether a segment is still catching up on a replay. Axon keeps calling a segment "replaying" after it has
 * processed the last event that existed at the reset, until a newer event arrives; for an operator the replay is
 * over once the segment has reached the position it was reset from.
 */
public final class Replays {

    private Replays() {
    }

    public static boolean stillReplaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        if (segment.getResetPosition().isEmpty() || segment.getCurrentPosition().isEmpty()) {
            return true;
        }
        return segment.getCurrentPosition().getAsLong() < segment.getResetPosition().getAsLong();
    }

    /** The same for a segment's token as stored, whichever instance holds the segment. */
    public static boolean stillReplaying(TrackingToken token) {
        if (!(token instanceof ReplayToken replay)) {
            return false;
        }
        OptionalLong position = replay.position();
        OptionalLong resetPosition = replay.getTokenAtReset().position();
        return position.isEmpty() || resetPosition.isEmpty() || position.getAsLong() < resetPosition.getAsLong();
    }
}
