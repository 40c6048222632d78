package nl.actionledger.events;

/** What a coordinator reports about the implementation of an action (not what was promised: that is the timeframe). */
public enum ImplementationStatus {
    NOT_STARTED,
    IN_PROGRESS,
    CONTINUOUS,
    COMPLETED,
    ON_HOLD,
    DISCONTINUED;

    /** Leaving one of these states means the action is reopened, which the history names as such. */
    public boolean isClosed() {
        return this == COMPLETED || this == DISCONTINUED;
    }
}
