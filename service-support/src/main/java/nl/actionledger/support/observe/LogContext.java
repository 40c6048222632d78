package nl.actionledger.support.observe;

import java.util.regex.Pattern;

/**
 * The keys under which every log line of a request, and of the projection work its events cause, names who asked and
 * which request it was: the same names as the event metadata, so that a log search and the audit trail use one word.
 * Structured logs (ECS and the other formats) write them as fields; the plain pattern shows them in brackets.
 */
public final class LogContext {

    public static final String CORRELATION_ID = "correlationId";
    public static final String ACTOR = "actor";

    // Restrictive on purpose: the id goes into logs and the audit trail verbatim.
    private static final Pattern ALLOWED_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private LogContext() {}

    /** Whether a client's {@code X-Correlation-Id} may be used as it is (1–100 letters, digits, {@code . _ : -}). */
    public static boolean isAllowedCorrelationId(String id) {
        return id != null && ALLOWED_CORRELATION_ID.matcher(id).matches();
    }
}
