package nl.actionledger.query.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.time.PlanTime;

/**
 * When an action has slipped: its timeframe of years has ended and it is neither completed nor continuous. One rule
 * for the monitoring report and the web app's overview.
 */
public final class Slipping {

    private static final Set<ImplementationStatus> ON_TRACK =
            Set.of(ImplementationStatus.COMPLETED, ImplementationStatus.CONTINUOUS);

    private Slipping() {}

    /**
     * @param endYear the last year of a timeframe of years ("2024 - 2025"), {@code null} for any other timeframe
     *                (continuous, from a year, to be decided), which cannot slip
     */
    public static boolean slipped(Integer endYear, ImplementationStatus status, Instant at) {
        return endYear != null && endOf(endYear).isBefore(at) && !ON_TRACK.contains(status);
    }

    /** A timeframe "2024 - 2025" ends when 2025 ends in the Netherlands. */
    private static Instant endOf(int year) {
        return LocalDate.of(year + 1, 1, 1).atStartOfDay(PlanTime.PLAN_ZONE).toInstant();
    }
}
