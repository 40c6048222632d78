package nl.actionledger.query;

import org.axonframework.eventhandling.EventTrackerStatus;

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
}
