package nl.actionledger.query.refusals;

/** Query parameters that are well-formed but make no sense together (a period that ends before it starts). */
public class BadQueryException extends RuntimeException {

    private final String errorCode;

    public BadQueryException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
