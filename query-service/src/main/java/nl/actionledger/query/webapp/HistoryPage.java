package nl.actionledger.query.webapp;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.action.PlanQueryController;
import nl.actionledger.query.action.PlanSummary;
import nl.actionledger.query.history.Granularity;
import nl.actionledger.query.history.HistoryController;
import nl.actionledger.query.history.PlanAsOf;
import nl.actionledger.query.history.StatusOverTime;
import nl.actionledger.query.refusals.BadQueryException;
import nl.actionledger.query.refusals.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The plan through time (EVALUATOR, and AUDITOR and ADMIN who hold it: WebAppSecurity): the number of actions per status
 * at the end of each period, as a stacked area chart with its numbers in a table, and the plan as of a chosen date. The
 * same questions as {@code GET .../status-over-time} and {@code GET .../as-of}; by default the last twelve months up to
 * now, and the plan now.
 */
@Controller
class HistoryPage {

    private final PlanQueryController plans;
    private final HistoryController history;
    private final Clock clock;

    HistoryPage(PlanQueryController plans, HistoryController history, Clock clock) {
        this.plans = plans;
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/history")
    String history(
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String granularity,
            @RequestParam(required = false) String at,
            Model model) {
        List<PlanSummary> known = plans.plans();
        model.addAttribute("plans", known);
        model.addAttribute("granularities", Granularity.values());
        model.addAttribute("statuses", ImplementationStatus.values());
        if (known.isEmpty()) {
            return "history";
        }
        String planId = plan == null || plan.isBlank() ? known.get(0).planId() : plan;
        model.addAttribute("planId", planId);
        model.addAttribute("granularity", granularity == null || granularity.isBlank() ? "month" : granularity);
        Instant now = clock.instant();
        try {
            Instant end = PageDates.upToNow(to, now, now);
            Instant start = PageDates.upToNow(from, PageDates.endOfMonthBefore(now, 12), now);
            model.addAttribute("from", PageDates.dateOf(start));
            model.addAttribute("to", PageDates.dateOf(end));
            StatusOverTime series = history.statusOverTime(planId, start, end, granularity);
            model.addAttribute("series", series);
            model.addAttribute("chart", StatusChart.of(series));
        } catch (BadQueryException e) {
            model.addAttribute("chartProblem", new PageProblem(e.errorCode(), e.getMessage()));
        } catch (NotFoundException e) {
            model.addAttribute("chartProblem", PageProblem.unlessUnknownPlan(e));
        }
        try {
            Instant asOf = PageDates.upToNow(at, now, now);
            model.addAttribute("at", PageDates.dateOf(asOf));
            PlanAsOf then = (PlanAsOf) history.planAsOf(planId, asOf, null, null, null, null, null, null)
                    .getBody();
            model.addAttribute("planThen", then);
            model.addAttribute("countsThen", counts(then));
        } catch (BadQueryException e) {
            model.addAttribute("asOfProblem", new PageProblem(e.errorCode(), e.getMessage()));
        } catch (NotFoundException e) {
            model.addAttribute("asOfProblem", PageProblem.unlessUnknownPlan(e));
        }
        return "history";
    }

    private static Map<ImplementationStatus, Integer> counts(PlanAsOf plan) {
        Map<ImplementationStatus, Integer> counts = new EnumMap<>(ImplementationStatus.class);
        for (ImplementationStatus status : ImplementationStatus.values()) {
            counts.put(status, 0);
        }
        plan.actions().forEach(action -> counts.merge(action.status(), 1, Integer::sum));
        return counts;
    }
}
