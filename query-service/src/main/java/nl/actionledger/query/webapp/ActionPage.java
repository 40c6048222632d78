package nl.actionledger.query.webapp;

import java.time.Duration;
import java.util.Map;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.action.ActionQueryController;
import nl.actionledger.query.action.ActionView;
import nl.actionledger.query.audit.AuditQueryController;
import nl.actionledger.query.organisation.Organisations;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One action: where it stands now, and for those who may read the audit trail (AUDITOR, ADMIN) its timeline of
 * changes, newest first, a page at a time, from the same query as {@code GET .../actions/{actionId}/audit}; for those
 * who may change it (ActionChangeRights) the change form (ActionChangeForm).
 */
@Controller
class ActionPage {

    static final int TIMELINE_PAGE_SIZE = 20;
    /**
     * How long the page waits, after a change the user just made ({@code ?changed=version}), for the projection to show
     * it: it usually takes a few milliseconds, and the user should see their change, not the state before it.
     */
    static final Duration CATCH_UP = Duration.ofSeconds(3);

    private static final Duration CATCH_UP_POLL = Duration.ofMillis(50);

    private final ActionQueryController actions;
    private final AuditQueryController auditTrail;
    private final ActionChangeRights changeRights;
    private final Organisations organisations;

    ActionPage(
            ActionQueryController actions,
            AuditQueryController auditTrail,
            ActionChangeRights changeRights,
            Organisations organisations) {
        this.actions = actions;
        this.auditTrail = auditTrail;
        this.changeRights = changeRights;
        this.organisations = organisations;
    }

    @GetMapping("/actions/{planId}/{actionId}")
    String action(
            @PathVariable String planId,
            @PathVariable String actionId,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Long changed,
            @ModelAttribute("user") SignedInUser user,
            Authentication reader,
            Model model) {
        return show(planId, actionId, before, changed, user, reader, model);
    }

    /** The page, also after a refused change (ActionChangeForm: the model holds the problem and what was typed). */
    String show(
            String planId,
            String actionId,
            Long before,
            Long changed,
            SignedInUser user,
            Authentication reader,
            Model model) {
        ActionView action = caughtUp(planId, actionId, changed, reader);
        model.addAttribute("action", action);
        model.addAttribute("changed", changed);
        if (user.audits()) {
            model.addAttribute(
                    "timeline",
                    auditTrail
                            .actionAuditTrail(planId, actionId, before, TIMELINE_PAGE_SIZE)
                            .getBody());
        }
        if (changeRights.mayChange(reader, action)) {
            model.addAttribute("mayChange", true);
            model.addAttribute("statuses", ImplementationStatus.values());
            model.addAttribute("organisations", organisations.all());
            if (!model.containsAttribute("formVersion")) {
                model.addAttribute("formVersion", action.version());
                model.addAttribute("input", Map.of());
            }
        }
        return "action";
    }

    /** The action, once it shows the version the user's change gave it (or after {@link #CATCH_UP}, as it is then). */
    private ActionView caughtUp(String planId, String actionId, Long changed, Authentication reader) {
        ActionView action = actions.one(planId, actionId, reader).getBody();
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (changed != null && action.version() < changed && System.nanoTime() < deadline) {
            try {
                Thread.sleep(CATCH_UP_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            action = actions.one(planId, actionId, reader).getBody();
        }
        return action;
    }
}
