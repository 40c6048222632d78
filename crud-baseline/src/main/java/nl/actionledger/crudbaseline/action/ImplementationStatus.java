package nl.actionledger.crudbaseline.action;

/** The same values as Action Ledger's implementation status, so the same request bodies work on both. */
public enum ImplementationStatus {
    NOT_STARTED,
    IN_PROGRESS,
    CONTINUOUS,
    COMPLETED,
    ON_HOLD,
    DISCONTINUED
}
