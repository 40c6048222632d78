package nl.actionledger.command.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.actionledger.events.ActionRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The plans this service keeps, each from its catalogue ({@code actionledger.plans}). */
@Component
public class KnownPlans {

    private final Map<String, PlanCatalogue> plans;
    /** Every command asks whether its action exists: a set per plan rather than a walk through its actions. */
    private final Map<String, Set<String>> actionIds;

    KnownPlans(@Value("${actionledger.plans:eu-wap-nl}") List<String> planIds) {
        this.plans = planIds.stream()
                .map(PlanCatalogueReader::read)
                .collect(Collectors.toUnmodifiableMap(PlanCatalogue::planId, Function.identity()));
        this.actionIds = plans.values().stream()
                .collect(Collectors.toUnmodifiableMap(
                        PlanCatalogue::planId,
                        plan -> plan.actions().stream().map(ActionEntry::id).collect(Collectors.toUnmodifiableSet())));
    }

    public List<PlanCatalogue> all() {
        return List.copyOf(plans.values());
    }

    /** @throws UnknownActionException when the plan or the action is not in any catalogue */
    public ActionRef requireAction(String planId, String actionId) {
        Set<String> actionsOfPlan = actionIds.get(planId);
        if (actionsOfPlan == null) {
            throw new UnknownActionException("There is no plan '" + planId + "'.", true);
        }
        if (!actionsOfPlan.contains(actionId)) {
            throw new UnknownActionException("Plan '" + planId + "' has no action '" + actionId + "'.", false);
        }
        return ActionRef.of(planId, actionId);
    }

    /** A plan or action the request names does not exist. */
    public static final class UnknownActionException extends RuntimeException {

        private final boolean planUnknown;

        UnknownActionException(String message, boolean planUnknown) {
            super(message);
            this.planUnknown = planUnknown;
        }

        public String errorCode() {
            return planUnknown ? "PLAN_NOT_FOUND" : "ACTION_NOT_FOUND";
        }
    }
}
