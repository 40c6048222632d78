package nl.actionledger.events;

import java.util.Objects;

/**
 * An indicative timeframe: its typed meaning and the text it was given as. {@code fromYear} is set for
 * RANGE and FROM, {@code toYear} only for RANGE.
 */
public record Timeframe(TimeframeType type, String raw, Integer fromYear, Integer toYear) {

    public Timeframe {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(raw, "raw");
        boolean needsFrom = type == TimeframeType.RANGE || type == TimeframeType.FROM;
        if (needsFrom != (fromYear != null)) {
            throw new IllegalArgumentException(type + " timeframe " + (needsFrom ? "needs" : "has no") + " start year");
        }
        if ((type == TimeframeType.RANGE) != (toYear != null)) {
            throw new IllegalArgumentException(
                    type + " timeframe " + (type == TimeframeType.RANGE ? "needs" : "has no") + " end year");
        }
        if (toYear != null && toYear < fromYear) {
            throw new IllegalArgumentException("timeframe ends (" + toYear + ") before it starts (" + fromYear + ")");
        }
    }

    /** True when both say the same thing, however they were written ({@code Doorlopend} and {@code continuous}). */
    public boolean meansSameAs(Timeframe other) {
        return other != null
                && type == other.type
                && Objects.equals(fromYear, other.fromYear)
                && Objects.equals(toYear, other.toYear);
    }
}
