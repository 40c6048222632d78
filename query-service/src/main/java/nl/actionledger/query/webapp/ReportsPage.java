package nl.actionledger.query.webapp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.actionledger.query.action.PlanQueryController;
import nl.actionledger.query.action.PlanSummary;
import nl.actionledger.query.history.HistoryController;
import nl.actionledger.query.history.ReportController;
import nl.actionledger.query.refusals.BadQueryException;
import nl.actionledger.query.refusals.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Changes and reports (EVALUATOR, and AUDITOR and ADMIN who hold it: WebAppSecurity): what changed in a period and its
 * monitoring report with the report's content hash, by default the six months up to the end of the last month; and the
 * same as files to download. The API's own addresses ({@code ?format=csv}) take Basic or a bearer token, not the app's
 * session, so the files are served here too, under the app's sign-in, by the API's own handlers: the same bytes, the
 * same file names and headers ({@code X-Report-Content-Hash}). They are GETs that change nothing, so they need no CSRF
 * token; the session cookie is SameSite, and the role is checked as for the page.
 */
@Controller
class ReportsPage {

    private final PlanQueryController plans;
    private final HistoryController history;
    private final ReportController reports;
    private final Clock clock;

    ReportsPage(PlanQueryController plans, HistoryController history, ReportController reports, Clock clock) {
        this.plans = plans;
        this.history = history;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/reports")
    String reports(
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        List<PlanSummary> known = plans.plans();
        model.addAttribute("plans", known);
        if (known.isEmpty()) {
            return "reports";
        }
        String planId = plan == null || plan.isBlank() ? known.get(0).planId() : plan;
        model.addAttribute("planId", planId);
        Instant now = clock.instant();
        try {
            Instant end = PageDates.upToNow(to, PageDates.endOfMonthBefore(now, 0), now);
            Instant start = PageDates.upToNow(from, PageDates.endOfMonthBefore(now, 6), now);
            model.addAttribute("from", PageDates.dateOf(start));
            model.addAttribute("to", PageDates.dateOf(end));
            // the exact instants, so that a download is the report shown (today's date means the moment shown)
            model.addAttribute("fromInstant", start);
            model.addAttribute("toInstant", end);
            model.addAttribute(
                    "changes", history.changes(planId, start, end, null).getBody());
            model.addAttribute("report", reports.reportOf(planId, start, end));
        } catch (BadQueryException e) {
            model.addAttribute("problem", new PageProblem(e.errorCode(), e.getMessage()));
        } catch (NotFoundException e) {
            model.addAttribute("problem", PageProblem.unlessUnknownPlan(e));
        }
        return "reports";
    }

    @GetMapping("/reports/{planId}/changes.csv")
    ResponseEntity<?> changesCsv(
            @PathVariable String planId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return history.changes(planId, from, to, "csv");
    }

    @GetMapping("/reports/{planId}/report.csv")
    ResponseEntity<byte[]> reportCsv(
            @PathVariable String planId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return reports.report(planId, from, to, "csv", null);
    }

    @GetMapping("/reports/{planId}/report.xlsx")
    ResponseEntity<byte[]> reportXlsx(
            @PathVariable String planId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return reports.report(planId, from, to, "xlsx", null);
    }
}
