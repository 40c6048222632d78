package nl.actionledger.query.refusals;

/** Query parameters that are well-formed but make no sense together (a period that ends before it starts). */
public class BadQueryException extends Refusal {

    public BadQueryException(String errorCode, String message) {
        super(errorCode, message);
    }
}
