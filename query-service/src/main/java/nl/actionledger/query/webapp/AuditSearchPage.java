package nl.actionledger.query.webapp;

import nl.actionledger.query.audit.AuditQueryController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' search across the plan (AUDITOR, ADMIN: WebAppSecurity): who changed what, newest first, a page at a
 * time, from the same query as {@code GET /api/audit}.
 */
@Controller
class AuditSearchPage {

    static final int PAGE_SIZE = 50;

    private final AuditQueryController auditTrail;

    AuditSearchPage(AuditQueryController auditTrail) {
        this.auditTrail = auditTrail;
    }

    @GetMapping("/auditing")
    String search(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) Long before,
            Model model) {
        String actorGiven = blankAsNull(actor);
        String actionGiven = blankAsNull(action);
        model.addAttribute("actor", actorGiven);
        model.addAttribute("action", actionGiven);
        if (actorGiven != null || actionGiven != null) {
            model.addAttribute(
                    "results",
                    auditTrail
                            .audit(actorGiven, null, null, null, actionGiven, before, PAGE_SIZE, null, null)
                            .getBody());
        }
        return "auditing";
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
