package nl.actionledger.command.eventstore;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;

/**
 * The event store refused an event because command-service stamped it more than 10 seconds from the database's clock
 * (migration V8's rule {@value #RULE}): this service's clock or the database's is wrong, not the request. Nothing was
 * stored, and nothing will be until an operator corrects the clocks.
 */
public final class ClockDrift {

    static final String RULE = "event_time_near_database_clock";

    private ClockDrift() {}

    /** Whether {@code failure} was caused by that refusal. */
    public static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException postgres
                    && postgres.getServerErrorMessage() != null
                    && RULE.equals(postgres.getServerErrorMessage().getConstraint())) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getNextException() != null
                    && refused(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
