package nl.actionledger.query.history;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import nl.actionledger.query.web.BadQueryException;
import nl.actionledger.query.web.PlausibleInstants;
import org.springframework.stereotype.Component;

/**
 * Reads the instants of history questions. An ISO-8601 instant ({@code 2026-06-30T12:00:00Z}, or with an offset)
 * is taken as it is; a date ({@code 2026-06-30}) means the end of that day in the Netherlands, so that "the plan
 * at 30 June" includes everything recorded on 30 June. An instant in the future is refused: its answer could
 * still change, and reports must not.
 */
@Component
class ReportingInstant {

    static final ZoneId PLAN_ZONE = ZoneId.of("Europe/Amsterdam");
    static final int MAX_PERIOD_YEARS = 10;

    private final Clock clock;

    ReportingInstant(Clock clock) {
        this.clock = clock;
    }

    Instant parse(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw new BadQueryException("MISSING_INSTANT", "'" + parameter + "' is required (an ISO-8601 instant or date).");
        }
        Instant instant = read(parameter, text.strip());
        if (!PlausibleInstants.plausible(instant)) {
            throw new BadQueryException("INVALID_INSTANT", "'" + parameter + "' must lie " + PlausibleInstants.range() + ".");
        }
        if (instant.isAfter(clock.instant())) {
            throw new BadQueryException("INSTANT_IN_FUTURE", "'" + parameter + "' (" + instant
                    + ") lies in the future; history can only be asked of the past.");
        }
        return instant;
    }

    private static Instant read(String parameter, String text) {
        try {
            if (text.length() == 10) {
                // the last microsecond of the day: PostgreSQL keeps microseconds
                return LocalDate.parse(text).plusDays(1).atStartOfDay(PLAN_ZONE).toInstant().minus(1, ChronoUnit.MICROS);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadQueryException("INVALID_INSTANT", "'" + parameter + "' must be an ISO-8601 instant such as "
                    + "2026-06-30T12:00:00Z or a date such as 2026-06-30.");
        }
    }

    /**
     * Both ends of a period, {@code from} strictly before {@code to}, at most {@value #MAX_PERIOD_YEARS} years apart: a
     * report or a list of changes reads every event of its period, and one request must not read a whole archive.
     */
    Period period(String fromText, String toText) {
        Instant from = parse("from", fromText);
        Instant to = parse("to", toText);
        if (!from.isBefore(to)) {
            throw new BadQueryException("INVALID_PERIOD", "'from' must lie before 'to'.");
        }
        if (to.isAfter(from.atZone(PLAN_ZONE).plusYears(MAX_PERIOD_YEARS).toInstant())) {
            throw new BadQueryException("PERIOD_TOO_LONG", "A period may span at most " + MAX_PERIOD_YEARS
                    + " years; ask for several shorter ones.");
        }
        return new Period(from, to);
    }

    /** A period of history: events after {@code from}, up to and including {@code to}. */
    record Period(Instant from, Instant to) {
    }
}
