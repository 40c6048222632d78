package nl.actionledger.query.refusals;

/**
 * A request query-service refuses, with the error code its problem response carries. The kind of refusal (its
 * subclass) decides the status: the API's problem handling and the web app's pages each map them in one place.
 * Package-private: callers name the kinds, not this.
 */
abstract class Refusal extends RuntimeException {

    private final String errorCode;

    Refusal(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
