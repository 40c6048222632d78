package nl.actionledger.query.web;

/**
 * An expensive read found no place ({@link ExpensiveReads}) or no turn ({@link PacedExports}): the client should try
 * again in a moment. The API answers it 429 with {@code Retry-After}, the web app's pages with a page that says so.
 */
public final class TooBusyException extends RuntimeException {

    TooBusyException(String message) {
        super(message);
    }
}
