package nl.actionledger.command.action;

/**
 * A change the rules of the ledger refuse. The {@link #errorCode()} is stable: clients may act on it.
 */
public class ActionChangeRejectedException extends RuntimeException {

    /** Why a change was refused; the web layer decides the HTTP status from it. */
    public enum Reason {
        /** The change would leave the action exactly as it is. */
        NO_CHANGE,
        /** The client's {@code If-Match} names a version that is not the current one. */
        VERSION_MISMATCH,
        /** A change without a usable reason. */
        INVALID_REASON,
        /** The requester's organisation is not the one the action is assigned to. */
        NOT_PERMITTED;

        /** Whether the refusal was decided on the action's state, which another instance may have changed since. */
        public boolean dependsOnState() {
            return this != INVALID_REASON;
        }
    }

    private final Reason reason;

    public ActionChangeRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String errorCode() {
        return reason.name();
    }
}
