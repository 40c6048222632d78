package nl.actionledger.query.action;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
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
        @Schema(example = "eu-wap-nl") String planId,
        @Schema(example = "28") String actionId,
        @Schema(example = "28") Integer euActionNumber,

        @Schema(
                example =
                        "Develop and use state-of-the-art tools and methods to facilitate the work of law-enforcement "
                                + "authorities and detect illegal wildlife activities, for instance including mobile apps for "
                                + "frontline staff. Report on best practices at the Enforcement Group.")
        String description,

        ObjectiveView objective,
        PriorityView priority,
        CommitmentView commitment,
        TimeframeView timeframe,
        @Schema(example = "IN_PROGRESS") ImplementationStatus status,
        @Schema(example = "nvwa") String organisation,

        @Schema(example = "Nederlandse Voedsel- en Warenautoriteit")
        String organisationName,

        @Schema(example = "Team Handhaving CITES") String contact,
        String contactPersonId,
        boolean contactErased,
        boolean contactWithheld,
        @Schema(example = "2") long version,
        @Schema(example = "2026-11-20T14:03:12.418Z") Instant lastChangedAt,
        @Schema(example = "coordinator") String lastChangedBy) {

    /** Actions in plan order: numbered ones by number, the unnumbered one after them. */
    public static final Comparator<ActionView> PLAN_ORDER = Comparator.comparing(
                    ActionView::euActionNumber, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ActionView::actionId);

    public record ObjectiveView(
            @Schema(example = "9") int number,

            @Schema(example = "Improve rate of detection of illegal activities")
            String text,

            boolean inferred) {}

    public record PriorityView(int number, String title) {}

    public record CommitmentView(Set<CommitmentLevel> levels, String remark) {}

    public record TimeframeView(
            @Schema(example = "Doorlopend") String raw,
            @Schema(example = "CONTINUOUS") TimeframeType type,
            Integer fromYear,
            Integer toYear) {}

    static ActionView of(CurrentAction row) {
        return new ActionView(
                row.planId(),
                row.actionId(),
                row.euActionNumber(),
                row.description(),
                new ObjectiveView(row.objectiveNumber(), row.objectiveText(), row.objectiveInferred()),
                new PriorityView(row.priorityNumber(), row.priorityTitle()),
                new CommitmentView(row.commitmentLevels(), row.commitmentRemark()),
                new TimeframeView(row.timeframeRaw(), row.timeframeType(), row.timeframeFrom(), row.timeframeTo()),
                row.status(),
                row.organisation(),
                null,
                row.contact(),
                null,
                false,
                false,
                row.version(),
                row.lastChangedAt(),
                row.lastChangedBy());
    }

    /** The view with the display name of its organisation, from the list as it is now. */
    public ActionView withOrganisationNameFrom(Map<String, String> displayNames) {
        String name = organisation == null ? null : displayNames.get(organisation);
        return new ActionView(
                planId,
                actionId,
                euActionNumber,
                description,
                objective,
                priority,
                commitment,
                timeframe,
                status,
                organisation,
                name,
                contact,
                contactPersonId,
                contactErased,
                contactWithheld,
                version,
                lastChangedAt,
                lastChangedBy);
    }

    /**
     * The view as a reader sees it: its contact (stored sealed, {@link nl.actionledger.query.person.ContactText})
     * opened, or marked erased when the person's key is gone, or withheld when the reader may not see it.
     */
    public ActionView withContactFrom(Contacts.Revealer contacts, boolean visible) {
        if (!visible) {
            return new ActionView(
                    planId,
                    actionId,
                    euActionNumber,
                    description,
                    objective,
                    priority,
                    commitment,
                    timeframe,
                    status,
                    organisation,
                    organisationName,
                    null,
                    null,
                    false,
                    contact != null,
                    version,
                    lastChangedAt,
                    lastChangedBy);
        }
        Contacts.Contact opened = contacts.contact(contact);
        return new ActionView(
                planId,
                actionId,
                euActionNumber,
                description,
                objective,
                priority,
                commitment,
                timeframe,
                status,
                organisation,
                organisationName,
                opened.name(),
                opened.personId(),
                opened.erased(),
                false,
                version,
                lastChangedAt,
                lastChangedBy);
    }
}
