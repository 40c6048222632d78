package nl.actionledger.command.eventstore;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * An append failed because someone else appended that version of the aggregate first: the unique index on the
 * aggregate and its sequence number ({@value #AGGREGATE_SEQUENCE_KEY}, V1), which keeps two instances from appending
 * the same version. Axon turns such a failure into a ConcurrencyException, which the gateway retries.
 */
public final class ConcurrentAppend {

    static final String AGGREGATE_SEQUENCE_KEY = "domain_event_entry_aggregate_sequence_key";

    private ConcurrentAppend() {}

    /**
     * Whether {@code failure} was caused by that index. Axon's own JDBC resolver looks for
     * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws; any other constraint
     * violation is a defect, not a race, and is left as it is.
     */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException postgres
                    && postgres.getServerErrorMessage() != null
                    && PSQLState.UNIQUE_VIOLATION.getState().equals(postgres.getSQLState())
                    && AGGREGATE_SEQUENCE_KEY.equals(
                            postgres.getServerErrorMessage().getConstraint())) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getNextException() != null
                    && causedBy(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
