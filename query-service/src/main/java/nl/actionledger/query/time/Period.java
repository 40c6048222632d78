package nl.actionledger.query.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import nl.actionledger.query.refusals.BadQueryException;

/**
 * A period as every endpoint reads it: the events <b>after</b> {@code from}, up to and <b>including</b> {@code to}, so
 * {@code (from, to]}. That fits "a date is the end of that day": {@code from=2026-03-31&to=2026-06-30} is the second
 * quarter, the whole of 30 June in and nothing of 31 March; and consecutive periods ({@code to} of one the {@code from}
 * of the next) never count an event twice nor miss one. Either end may be absent where an endpoint allows it (no bound).
 */
public record Period(Instant from, Instant to) {

    public Period {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadQueryException("INVALID_PERIOD", "'from' must lie before 'to'.");
        }
    }

    /**
     * The same lower bound for a query written as {@code >= }: PostgreSQL keeps microseconds, so "after {@code from}"
     * is "at or after {@code from} plus one microsecond".
     */
    public Instant startInclusive() {
        return from == null ? null : from.plus(1, ChronoUnit.MICROS);
    }

    /** The same upper bound for a query written as {@code < }: "up to and including {@code to}". */
    public Instant endExclusive() {
        return to == null ? null : to.plus(1, ChronoUnit.MICROS);
    }
}
