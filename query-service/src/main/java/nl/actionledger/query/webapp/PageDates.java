package nl.actionledger.query.webapp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import nl.actionledger.query.refusals.BadQueryException;
import nl.actionledger.query.time.PlanTime;

/**
 * The dates of the pages' date fields, read as the API reads them (PlanTime: a date is the end of that day in
 * the Netherlands), with one difference: a date whose end still lies ahead, today's, means now. The API refuses a
 * future instant because its answer could still change; a person who picks today wants the plan as it stands.
 */
final class PageDates {

    private PageDates() {}

    /** @return the instant of the field, at most now; {@code otherwise} when the field is empty */
    static Instant upToNow(String field, Instant otherwise, Instant now) {
        Instant read;
        try {
            read = PlanTime.read(field);
        } catch (IllegalArgumentException e) {
            throw new BadQueryException("INVALID_INSTANT", "'" + field + "' is not a date.");
        }
        if (read == null) {
            return otherwise;
        }
        return read.isAfter(now) ? now : read;
    }

    /** The date in the Netherlands, as a date field shows it. */
    static LocalDate dateOf(Instant instant) {
        return instant.atZone(PlanTime.PLAN_ZONE).toLocalDate();
    }

    /** The end of the last day of the month {@code monthsBack} months before the current one. */
    static Instant endOfMonthBefore(Instant now, int monthsBack) {
        LocalDate day = dateOf(now).minusMonths(monthsBack).withDayOfMonth(1).minusDays(1);
        return PlanTime.endOfDay(day.with(TemporalAdjusters.lastDayOfMonth()));
    }
}
