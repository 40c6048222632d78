package nl.actionledger.query.refusals;

/** A request that cannot be carried out in the current state of things (a replay already running). */
public class ConflictException extends Refusal {

    public ConflictException(String errorCode, String message) {
        super(errorCode, message);
    }
}
