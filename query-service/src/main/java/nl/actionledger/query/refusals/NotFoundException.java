package nl.actionledger.query.refusals;

/** A plan, action or other resource the request names does not exist. */
public class NotFoundException extends Refusal {

    public NotFoundException(String errorCode, String message) {
        super(errorCode, message);
    }
}
