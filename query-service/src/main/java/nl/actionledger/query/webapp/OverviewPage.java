package nl.actionledger.query.webapp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.TimeframeType;
import nl.actionledger.query.action.ActionQueryController;
import nl.actionledger.query.action.ActionView;
import nl.actionledger.query.action.PlanQueryController;
import nl.actionledger.query.action.PlanSummary;
import nl.actionledger.query.history.Slipping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The plan at a glance: its actions by objective with their status, the number of actions per status, and the
 * actions that slipped. Read through the same queries as the API ({@code GET /api/plans/{planId}/actions}), so a page
 * shows exactly what the API would show this user.
 */
@Controller
class OverviewPage {

    private final PlanQueryController plans;
    private final ActionQueryController actions;
    private final Clock clock;

    OverviewPage(PlanQueryController plans, ActionQueryController actions, Clock clock) {
        this.plans = plans;
        this.actions = actions;
        this.clock = clock;
    }

    @GetMapping("/")
    String overview(
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) ImplementationStatus status,
            @RequestParam(required = false) Integer objective,
            Authentication reader,
            Model model) {
        List<PlanSummary> known = plans.plans();
        model.addAttribute("plans", known);
        if (known.isEmpty()) {
            return "overview";
        }
        String planId = plan == null ? known.get(0).planId() : plan;
        List<ActionView> shown = actions.list(planId, status, null, objective, null, null, reader);
        Map<ImplementationStatus, Integer> counts = new EnumMap<>(ImplementationStatus.class);
        for (ImplementationStatus each : ImplementationStatus.values()) {
            counts.put(each, 0);
        }
        shown.forEach(action -> counts.merge(action.status(), 1, Integer::sum));
        Map<Integer, List<ActionView>> byObjective = new TreeMap<>();
        shown.forEach(action -> byObjective
                .computeIfAbsent(action.objective().number(), n -> new ArrayList<>())
                .add(action));
        model.addAttribute("planId", planId);
        model.addAttribute("status", status);
        model.addAttribute("objective", objective);
        model.addAttribute("statuses", ImplementationStatus.values());
        model.addAttribute("actions", shown);
        model.addAttribute("counts", counts);
        model.addAttribute("byObjective", byObjective);
        model.addAttribute("slipped", shown.stream().filter(this::slipped).toList());
        return "overview";
    }

    private boolean slipped(ActionView action) {
        Integer endYear = action.timeframe().type() == TimeframeType.RANGE
                ? action.timeframe().toYear()
                : null;
        return Slipping.slipped(endYear, action.status(), clock.instant());
    }
}
