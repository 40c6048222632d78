package nl.actionledger.query.history;

import java.time.Clock;
import java.time.Instant;
import nl.actionledger.query.refusals.BadQueryException;
import nl.actionledger.query.time.Period;
import nl.actionledger.query.time.PlanTime;
import org.springframework.stereotype.Component;

/**
 * What history questions ask of their instants beyond how they are read ({@link PlanTime}): they are
 * required, and they lie in the past, because the answer about a future instant could still change, and reports must
 * not.
 */
@Component
class ReportingInstant {

    static final int MAX_PERIOD_YEARS = 10;

    private final Clock clock;

    ReportingInstant(Clock clock) {
        this.clock = clock;
    }

    Instant require(String parameter, Instant instant) {
        if (instant == null) {
            throw new BadQueryException("MISSING_INSTANT", "'" + parameter + "' is required (" + PlanTime.FORMS + ").");
        }
        if (instant.isAfter(clock.instant())) {
            throw new BadQueryException(
                    "INSTANT_IN_FUTURE",
                    "'" + parameter + "' (" + instant + ") lies in the future; history can only be asked of the past.");
        }
        return instant;
    }

    /**
     * Both ends of a period ({@link Period}: after {@code from}, up to and including {@code to}), at most
     * {@value #MAX_PERIOD_YEARS} years apart: a report or a list of changes reads every event of its period, and one
     * request must not read a whole archive.
     */
    Period period(Instant from, Instant to) {
        Period period = new Period(require("from", from), require("to", to));
        if (to.isAfter(
                from.atZone(PlanTime.PLAN_ZONE).plusYears(MAX_PERIOD_YEARS).toInstant())) {
            throw new BadQueryException(
                    "PERIOD_TOO_LONG",
                    "A period may span at most " + MAX_PERIOD_YEARS + " years; ask for several shorter ones.");
        }
        return period;
    }
}
