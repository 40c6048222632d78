package nl.actionledger.support.persistence;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure means "PostgreSQL gave up on a statement at one of the limits the services set": its statement
 * timeout (query_canceled, 57014) or its lock timeout (lock_not_available, 55P03). The statement's transaction is
 * rolled back, nothing of it is stored, and the same request may well pass a moment later: it is answered 503 with
 * {@code Retry-After}, not 500. The whole chain of causes is looked at, as in {@link DatabaseUnavailable}.
 */
public final class DatabaseTimeout {

    private static final Set<String> TIMED_OUT_STATES = Set.of("57014", "55P03");

    private DatabaseTimeout() {}

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && TIMED_OUT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
