package nl.actionledger.query.webapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The coordinators' change form on the action page (status, assignment or timeframe, each with a reason), forwarded to
 * command-service as the signed-in user ({@link CommandServiceClient}, {@link CommandServiceCredentials}). The form
 * carries the version the user loaded, which goes as If-Match. A recorded change redirects to the action page
 * (post/redirect/get), which waits briefly for the projection to show it; a refused one shows the action page again
 * with what command-service said and what the user typed. Who may post is checked by WebAppSecurity (COORDINATOR) and, for the organisation, by
 * command-service itself: the app only offers the form where that check would pass (ActionChangeRights).
 */
@Controller
class ActionChangeForm {

    private final CommandServiceClient commandService;
    private final ActionPage page;

    ActionChangeForm(CommandServiceClient commandService, ActionPage page) {
        this.commandService = commandService;
        this.page = page;
    }

    @PostMapping("/actions/{planId}/{actionId}/status")
    String changeStatus(
            @PathVariable String planId,
            @PathVariable String actionId,
            @RequestParam long version,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String reason,
            @ModelAttribute("user") SignedInUser user,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return send(
                new Change(planId, actionId, "status", version, fields("status", status, "reason", reason)),
                user,
                authentication,
                request,
                response,
                model);
    }

    @PostMapping("/actions/{planId}/{actionId}/assignment")
    String reassign(
            @PathVariable String planId,
            @PathVariable String actionId,
            @RequestParam long version,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String contact,
            @RequestParam(required = false) String reason,
            @ModelAttribute("user") SignedInUser user,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return send(
                new Change(
                        planId,
                        actionId,
                        "assignment",
                        version,
                        fields("organisation", organisation, "contact", contact, "reason", reason)),
                user,
                authentication,
                request,
                response,
                model);
    }

    @PostMapping("/actions/{planId}/{actionId}/timeframe")
    String reviseTimeframe(
            @PathVariable String planId,
            @PathVariable String actionId,
            @RequestParam long version,
            @RequestParam(required = false) String timeframe,
            @RequestParam(required = false) String reason,
            @ModelAttribute("user") SignedInUser user,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return send(
                new Change(planId, actionId, "timeframe", version, fields("timeframe", timeframe, "reason", reason)),
                user,
                authentication,
                request,
                response,
                model);
    }

    /** One change as the form sent it: which, to which action, on which version, with the API's fields. */
    private record Change(String planId, String actionId, String kind, long version, Map<String, String> body) {

        String pagePath() {
            return UriComponentsBuilder.fromPath("/actions/{planId}/{actionId}")
                    .buildAndExpand(planId, actionId)
                    .encode()
                    .toUriString();
        }
    }

    private String send(
            Change change,
            SignedInUser user,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ChangeOutcome outcome = CommandServiceCredentials.of(authentication, request)
                .map(credentials -> commandService.send(
                        change.planId(),
                        change.actionId(),
                        change.kind(),
                        change.body(),
                        change.version(),
                        credentials))
                .orElseGet(ChangeOutcome.SignInAgain::new);
        if (outcome instanceof ChangeOutcome.Accepted accepted) {
            return "redirect:" + change.pagePath() + "?changed=" + accepted.version();
        }
        ChangeProblem problem = ChangeProblem.of(outcome);
        response.setStatus(problem.status());
        model.addAttribute("changeProblem", problem);
        Map<String, String> typed = new LinkedHashMap<>();
        change.body().forEach((field, value) -> typed.put(change.kind() + "." + field, value));
        model.addAttribute("input", typed);
        model.addAttribute("formVersion", change.version());
        // the language links lead to the action page: this address answers POST only
        model.addAttribute(
                "languageLinks", Map.of("nl", change.pagePath() + "?lang=nl", "en", change.pagePath() + "?lang=en"));
        return page.show(change.planId(), change.actionId(), null, null, user, authentication, model);
    }

    /** The fields as command-service's API names them; a field left empty is not sent (an optional contact). */
    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                fields.put(namesAndValues[i], value.strip());
            }
        }
        return fields;
    }

    /**
     * A refused change as the page tells it, by the key of its message.
     *
     * @param detail command-service's own words, shown beneath the message; {@code null} when it gave none
     * @param stale  the action changed since it was loaded: the form is not offered again until the page is reloaded
     */
    record ChangeProblem(String messageKey, String detail, boolean stale, int status) {

        static ChangeProblem of(ChangeOutcome outcome) {
            if (outcome instanceof ChangeOutcome.Stale) {
                return new ChangeProblem("change.stale", null, true, HttpStatus.PRECONDITION_FAILED.value());
            }
            if (outcome instanceof ChangeOutcome.SignInAgain) {
                return new ChangeProblem("change.signInAgain", null, false, HttpStatus.UNAUTHORIZED.value());
            }
            if (outcome instanceof ChangeOutcome.Refused refused) {
                // the page answers with command-service's status; its own failures as 503, never as a 500 of ours
                return new ChangeProblem(
                        refused.detail() == null ? "change.failed" : "change.refused",
                        refused.detail(),
                        false,
                        refused.status() >= 400 && refused.status() < 500
                                ? refused.status()
                                : HttpStatus.SERVICE_UNAVAILABLE.value());
            }
            if (outcome instanceof ChangeOutcome.Unreachable) {
                return new ChangeProblem("change.unreachable", null, false, HttpStatus.SERVICE_UNAVAILABLE.value());
            }
            throw new IllegalArgumentException("Not a refusal: " + outcome);
        }
    }
}
