package nl.actionledger.query.webapp;

import nl.actionledger.query.action.ActionQueryController;
import nl.actionledger.query.audit.AuditQueryController;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One action: where it stands now, and for those who may read the audit trail (AUDITOR, ADMIN) its timeline of
 * changes, newest first, a page at a time, from the same query as {@code GET .../actions/{actionId}/audit}.
 */
@Controller
class ActionPage {

    static final int TIMELINE_PAGE_SIZE = 20;

    private final ActionQueryController actions;
    private final AuditQueryController auditTrail;

    ActionPage(ActionQueryController actions, AuditQueryController auditTrail) {
        this.actions = actions;
        this.auditTrail = auditTrail;
    }

    @GetMapping("/actions/{planId}/{actionId}")
    String action(@PathVariable String planId, @PathVariable String actionId,
                  @RequestParam(required = false) Long before,
                  @ModelAttribute("user") SignedInUser user, Authentication reader, Model model) {
        model.addAttribute("action", actions.one(planId, actionId, reader).getBody());
        if (user.audits()) {
            model.addAttribute("timeline",
                    auditTrail.actionAuditTrail(planId, actionId, before, TIMELINE_PAGE_SIZE).getBody());
        }
        return "action";
    }
}
