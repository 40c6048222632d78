package nl.actionledger.query.refusals;

/** A request that cannot be carried out in the current state of things (a replay already running). */
public class ConflictException extends RuntimeException {

    private final String errorCode;

    public ConflictException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
