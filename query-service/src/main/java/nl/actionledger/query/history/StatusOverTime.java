package nl.actionledger.query.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.actionledger.events.ImplementationStatus;

/**
 * How many of a plan's actions were in each status at the end of each period of a span of time: the data of a stacked
 * area chart of the plan's course.
 *
 * @param points the state at {@code from}, then at the end of every period that ends within {@code (from, to)}, then
 *               at {@code to} (the end of the last period, or the part of it up to {@code to})
 */
public record StatusOverTime(String planId, Instant from, Instant to, Granularity granularity, List<Point> points) {

    /**
     * @param actions  how many actions the plan had then (registered at or before {@code at})
     * @param statuses every status, in the order of {@link ImplementationStatus}, with its number of actions (0 too)
     */
    public record Point(Instant at, int actions, Map<ImplementationStatus, Integer> statuses) {}
}
