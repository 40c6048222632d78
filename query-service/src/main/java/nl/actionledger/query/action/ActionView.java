package nl.actionledger.query.action;

import java.time.Instant;
import java.util.Set;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.TimeframeType;
import nl.actionledger.query.person.Contacts;

/**
 * An action as it stands now: what the plan says of it, what was reported, and who changed it last.
 *
 * @param organisation     the id of the organisation it is assigned to ({@code GET /api/organisations})
 * @param organisationName that organisation's display name now, {@code null} when it is not on the list (an id
 *                         that old free text was mapped to, {@code unlisted-...}) or the action is not assigned
 * @param contact          the contact person's name; {@code null} when none is named, when they were erased
 *                         ({@code contactErased}) or when the reader may not see it ({@code contactWithheld})
 * @param contactPersonId  the contact person's id, the one to erase them by; {@code null} for none, when withheld,
 *                         and for a contact named in clear text before names were sealed
 * @param contactErased    the contact person was erased: their name can no longer be read anywhere
 * @param contactWithheld  a coordinator reads the contacts of their own organisation's actions only
 */
public record ActionView(
        String planId,
        String actionId,
        Integer euActionNumber,
        String description,
        ObjectiveView objective,
        PriorityView priority,
        CommitmentView commitment,
        TimeframeView timeframe,
        ImplementationStatus status,
        String organisation,
        String organisationName,
        String contact,
        String contactPersonId,
        boolean contactErased,
        boolean contactWithheld,
        long version,
        Instant lastChangedAt,
        String lastChangedBy) {

    /** Actions in plan order: numbered ones by number, the unnumbered one after them. */
    public static final java.util.Comparator<ActionView> PLAN_ORDER = java.util.Comparator
            .comparing(ActionView::euActionNumber, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(ActionView::actionId);

    public record ObjectiveView(int number, String text, boolean inferred) {
    }

    public record PriorityView(int number, String title) {
    }

    public record CommitmentView(Set<CommitmentLevel> levels, String remark) {
    }

    public record TimeframeView(String raw, TimeframeType type, Integer fromYear, Integer toYear) {
    }

    static ActionView of(CurrentAction row) {
        return new ActionView(row.planId(), row.actionId(), row.euActionNumber(), row.description(),
                new ObjectiveView(row.objectiveNumber(), row.objectiveText(), row.objectiveInferred()),
                new PriorityView(row.priorityNumber(), row.priorityTitle()),
                new CommitmentView(row.commitmentLevels(), row.commitmentRemark()),
                new TimeframeView(row.timeframeRaw(), row.timeframeType(), row.timeframeFrom(), row.timeframeTo()),
                row.status(), row.organisation(), null, row.contact(), null, false, false, row.version(),
                row.lastChangedAt(), row.lastChangedBy());
    }

    /** The view with the display name of its organisation, from the list as it is now. */
    public ActionView withOrganisationNameFrom(java.util.Map<String, String> displayNames) {
        String name = organisation == null ? null : displayNames.get(organisation);
        return new ActionView(planId, actionId, euActionNumber, description, objective, priority, commitment, timeframe,
                status, organisation, name, contact, contactPersonId, contactErased, contactWithheld, version,
                lastChangedAt, lastChangedBy);
    }

    /**
     * The view as a reader sees it: its contact (stored sealed, {@link nl.actionledger.query.person.ContactText})
     * opened, or marked erased when the person's key is gone, or withheld when the reader may not see it.
     */
    public ActionView withContactFrom(Contacts.Revealer contacts, boolean visible) {
        if (!visible) {
            return new ActionView(planId, actionId, euActionNumber, description, objective, priority, commitment,
                    timeframe, status, organisation, organisationName, null, null, false, contact != null, version,
                    lastChangedAt, lastChangedBy);
        }
        Contacts.Contact opened = contacts.contact(contact);
        return new ActionView(planId, actionId, euActionNumber, description, objective, priority, commitment, timeframe,
                status, organisation, organisationName, opened.name(), opened.personId(), opened.erased(), false, version,
                lastChangedAt, lastChangedBy);
    }
}
