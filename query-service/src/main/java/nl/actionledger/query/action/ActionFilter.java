package nl.actionledger.query.action;

import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.OrganisationIds;
import nl.actionledger.query.refusals.BadQueryException;

/**
 * The filters of the action list; each one left out matches every action.
 *
 * @param organisation an organisation's id, exactly ({@code nvwa}); anything else that is not empty is refused (400
 *                     {@code INVALID_ORGANISATION_ID}) rather than matched loosely
 */
public record ActionFilter(
        ImplementationStatus status,
        String organisation,
        Integer objective,
        Integer priority,
        CommitmentLevel commitment) {

    public ActionFilter {
        if (organisation != null && organisation.isEmpty()) {
            organisation = null;
        }
        if (organisation != null && !OrganisationIds.isValid(organisation)) {
            throw new BadQueryException(
                    "INVALID_ORGANISATION_ID",
                    "organisation is an organisation's id: lower-case "
                            + "letters, digits and inner hyphens, such as 'nvwa' (GET /api/organisations lists them).");
        }
    }

    /** The same filter applied to a view already in memory (the plan at an instant). */
    public boolean matches(ActionView view) {
        return (status == null || status == view.status())
                && (organisation == null || organisation.equals(view.organisation()))
                && (objective == null || objective == view.objective().number())
                && (priority == null || priority == view.priority().number())
                && (commitment == null || view.commitment().levels().contains(commitment));
    }
}
