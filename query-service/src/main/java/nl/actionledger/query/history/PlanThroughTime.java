package nl.actionledger.query.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.refusals.BadQueryException;
import nl.actionledger.query.time.Period;
import nl.actionledger.query.time.PlanTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The plan's course through time: the number of actions per status at the end of each period (StatusOverTime). */
@Service
@Transactional(readOnly = true)
class PlanThroughTime {

    /**
     * At most this many points in one answer: a year of days, ten years of months. A chart shows no more, and the
     * query's cost grows (slowly) with it; a longer series is asked for in a coarser granularity or in parts.
     */
    static final int MAX_POINTS = 400;

    private final ActionTimeline timeline;
    private final PlanHistory history;

    PlanThroughTime(ActionTimeline timeline, PlanHistory history) {
        this.timeline = timeline;
        this.history = history;
    }

    StatusOverTime statusOverTime(String planId, Period period, Granularity granularity) {
        List<Instant> points = points(period, granularity);
        history.requireExisted(planId, period.to());
        Map<ImplementationStatus, int[]> counts = timeline.statusCountsAt(planId, points);
        List<StatusOverTime.Point> series = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            Map<ImplementationStatus, Integer> statuses = new EnumMap<>(ImplementationStatus.class);
            int actions = 0;
            for (ImplementationStatus status : ImplementationStatus.values()) {
                int count = counts.containsKey(status) ? counts.get(status)[i] : 0;
                statuses.put(status, count);
                actions += count;
            }
            series.add(new StatusOverTime.Point(points.get(i), actions, statuses));
        }
        return new StatusOverTime(planId, period.from(), period.to(), granularity, series);
    }

    /**
     * {@code from}, the end of every period that ends after it and before {@code to}, and {@code to}: in ascending
     * order, each once.
     *
     * @throws BadQueryException {@code TOO_MANY_POINTS} beyond {@link #MAX_POINTS}
     */
    static List<Instant> points(Period period, Granularity granularity) {
        List<Instant> points = new ArrayList<>();
        points.add(period.from());
        LocalDate day = period.from().atZone(PlanTime.PLAN_ZONE).toLocalDate();
        while (true) {
            LocalDate lastDay = granularity.lastDayOfPeriodHolding(day);
            Instant end = PlanTime.endOfDay(lastDay);
            if (!end.isBefore(period.to())) {
                break;
            }
            if (end.isAfter(period.from())) {
                points.add(end);
                if (points.size() >= MAX_POINTS) {
                    throw new BadQueryException(
                            "TOO_MANY_POINTS",
                            "At most " + MAX_POINTS + " points per answer; ask "
                                    + "for a coarser granularity or a shorter period.");
                }
            }
            day = lastDay.plusDays(1);
        }
        points.add(period.to());
        return points;
    }
}
