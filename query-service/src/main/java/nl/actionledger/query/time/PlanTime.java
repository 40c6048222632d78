package nl.actionledger.query.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * How every question reads an instant ({@code at}, {@code from}, {@code to}): the one place, so that the same text
 * means the same moment everywhere. An ISO-8601 instant ({@code 2026-06-30T12:00:00Z}, or with an offset) is taken as it
 * is; a date ({@code 2026-06-30}) means the end of that day in the Netherlands, so that "the plan at 30 June" and "the
 * changes up to 30 June" include everything recorded on 30 June. Anything else, and any instant outside the years
 * PostgreSQL's {@code timestamptz} can hold comfortably, is refused.
 */
public final class PlanTime {

    /** The plan is Dutch: its days begin and end in Amsterdam, whatever the server's time zone. */
    public static final ZoneId PLAN_ZONE = ZoneId.of("Europe/Amsterdam");

    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** What an instant parameter may look like, for error messages. */
    public static final String FORMS = "an ISO-8601 instant such as 2026-06-30T12:00:00Z or +02:00, or a date such as "
            + "2026-06-30 (the end of that day in the Netherlands), between the years 1900 and 9999";

    private PlanTime() {}

    /**
     * @return the instant, or {@code null} for a blank text (a parameter given without a value counts as absent)
     * @throws IllegalArgumentException for any other text that is not an instant or date in range
     */
    public static Instant read(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        Instant instant;
        try {
            instant = stripped.length() == 10
                    ? endOfDay(LocalDate.parse(stripped))
                    : OffsetDateTime.parse(stripped).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an instant or a date", e);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("instant out of range");
        }
        return instant;
    }

    /** The last microsecond of the day in the Netherlands: PostgreSQL keeps microseconds. */
    public static Instant endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(PLAN_ZONE).toInstant().minus(1, ChronoUnit.MICROS);
    }
}
