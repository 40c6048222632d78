package nl.actionledger.query.history;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.actionledger.query.refusals.BadQueryException;

/**
 * The calendar periods a plan's course through time is counted in. A period ends at the end of its last day in the
 * Netherlands, as a date parameter does (PlanTime): the end of a month is the end of its last day there.
 */
public enum Granularity {
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR;

    /** The last day of the period of this granularity that holds {@code day} (a week ends on Sunday, ISO-8601). */
    LocalDate lastDayOfPeriodHolding(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH -> day.with(TemporalAdjusters.lastDayOfMonth());
            case QUARTER ->
                day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 3).with(TemporalAdjusters.lastDayOfMonth());
            case YEAR -> day.with(TemporalAdjusters.lastDayOfYear());
        };
    }

    /**
     * @param text the {@code granularity} parameter, in any case; absent or blank is MONTH
     * @throws BadQueryException {@code INVALID_GRANULARITY} for anything else
     */
    static Granularity read(String text) {
        if (text == null || text.isBlank()) {
            return MONTH;
        }
        for (Granularity granularity : values()) {
            if (granularity.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return granularity;
            }
        }
        throw new BadQueryException(
                "INVALID_GRANULARITY",
                "'granularity' must be one of: "
                        + Arrays.stream(values())
                                .map(g -> g.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))
                        + ".");
    }
}
