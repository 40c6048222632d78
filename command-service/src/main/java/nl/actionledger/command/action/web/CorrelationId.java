package nl.actionledger.command.action.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties a request to the events it caused: the client's {@code X-Correlation-Id}, or a new one. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    // Restrictive on purpose: the id goes into logs and the audit trail verbatim.
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationId() {
    }

    public static String resolve(String header) {
        if (header == null || header.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (!ALLOWED.matcher(header).matches()) {
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
