package nl.actionledger.query.action;

import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;

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
}
