package nl.actionledger.command.action.web;

import java.util.UUID;
import nl.actionledger.support.observe.LogContext;
import nl.actionledger.support.observe.RequestLogContext;

/**
 * The id that ties a request to the events it caused: the client's {@code X-Correlation-Id}, or the one generated for
 * the request's log lines ({@link RequestLogContext}), so that the events and the logs name the same id.
 */
public final class CorrelationId {

    public static final String HEADER = RequestLogContext.HEADER;

    private CorrelationId() {}

    public static String resolve(String header) {
        if (header == null || header.isBlank()) {
            String generated = RequestLogContext.currentCorrelationId();
            return generated != null ? generated : UUID.randomUUID().toString();
        }
        if (!LogContext.isAllowedCorrelationId(header)) {
            throw new InvalidCorrelationIdException();
        }
        return header;
    }

    static final class InvalidCorrelationIdException extends RuntimeException {
        InvalidCorrelationIdException() {
            super(HEADER + " must be 1 to 100 letters, digits or . _ : -");
        }
    }
}
