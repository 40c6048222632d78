package nl.actionledger.query.action;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import org.springframework.data.jpa.domain.Specification;

/** The filters of the action list; each one left out matches every action. */
public record ActionFilter(ImplementationStatus status, String organisation, Integer objective, Integer priority,
                           CommitmentLevel commitment) {

    /** The same filter applied to a view already in memory (the plan at an instant). */
    public boolean matches(ActionView view) {
        return (status == null || status == view.status())
                && (organisation == null || organisation.isBlank()
                    || organisation.strip().equalsIgnoreCase(String.valueOf(view.organisation())))
                && (objective == null || objective == view.objective().number())
                && (priority == null || priority == view.priority().number())
                && (commitment == null || view.commitment().levels().contains(commitment));
    }

    Specification<CurrentAction> forPlan(String planId) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            predicates.add(cb.equal(root.get("planId"), planId));
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            if (organisation != null && !organisation.isBlank()) {
                predicates.add(cb.equal(cb.lower(root.get("organisation")), organisation.strip().toLowerCase(Locale.ROOT)));
            }
            if (objective != null) {
                predicates.add(cb.equal(root.get("objectiveNumber"), objective));
            }
            if (priority != null) {
                predicates.add(cb.equal(root.get("priorityNumber"), priority));
            }
            if (commitment != null) {
                predicates.add(cb.isTrue(root.get(switch (commitment) {
                    case NATIONAL -> "commitmentNational";
                    case EU -> "commitmentEu";
                    case INTERNATIONAL -> "commitmentInternational";
                })));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
