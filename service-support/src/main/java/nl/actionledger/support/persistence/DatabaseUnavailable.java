package nl.actionledger.support.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means "PostgreSQL cannot be reached right now" rather than a defect: no connection from the pool
 * within its timeout, a connection refused or cut, the server shutting down or starting up. Such a failure passes
 * when the database is back, so a request that meets it is answered 503 with {@code Retry-After}, not 500. The
 * exception may arrive wrapped any number of times (by Axon's unit of work, the command gateway, Spring's
 * translation), so the whole chain of causes is looked at.
 */
public final class DatabaseUnavailable {

    /**
     * SQLSTATEs of PostgreSQL that say the server is not there: class 08 (connection exception), and from class 57
     * admin_shutdown, crash_shutdown and cannot_connect_now (the server is starting or stopping).
     */
    private static final Set<String> SERVER_GONE_STATES = Set.of("57P01", "57P02", "57P03");

    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private DatabaseUnavailable() {}

    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, 0);
    }

    /**
     * The causes and what was suppressed along the way: Axon's JDBC helpers report "Connection is closed" (Hikari's
     * closed proxy, no SQLSTATE) as the cause and add the driver's own failure (08003) as suppressed.
     */
    private static boolean causedBy(Throwable failure, int depth) {
        for (Throwable cause = failure;
                cause != null && depth < 8;
                cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isUnavailable(cause)) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (causedBy(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isUnavailable(Throwable cause) {
        if (cause instanceof CannotCreateTransactionException
                // a commit or rollback that failed: the connection broke under it (the server went away)
                || cause instanceof TransactionSystemException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        // Hikari's proxy of a connection it closed (the server went away under it) says only this, without a state.
        if (cause instanceof SQLException sql && HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || SERVER_GONE_STATES.contains(state);
        }
        return false;
    }
}
