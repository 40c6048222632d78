package nl.actionledger.query.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.Commitment;
import nl.actionledger.events.OrganisationChangedEvent;
import nl.actionledger.events.OrganisationRegisteredEvent;
import nl.actionledger.events.Timeframe;
import nl.actionledger.query.person.ContactText;

/** What each kind of event changed, field by field, in words an auditor reads without the event schema. */
final class AuditChanges {

    private AuditChanges() {}

    static List<FieldChange> of(ActionRegisteredEvent event) {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "euActionNumber", null, event.euActionNumber());
        add(
                changes,
                "objective",
                null,
                event.objective().number() + " " + event.objective().text());
        add(
                changes,
                "priority",
                null,
                event.priority().number() + " " + event.priority().title());
        add(changes, "commitment", null, describe(event.commitment()));
        add(changes, "timeframe", null, describe(event.timeframe()));
        add(changes, "status", null, event.status());
        return changes;
    }

    static List<FieldChange> of(ActionStatusChangedEvent event) {
        return List.of(new FieldChange(
                "status", event.previousStatus().name(), event.newStatus().name()));
    }

    static List<FieldChange> of(ActionReopenedEvent event) {
        return List.of(new FieldChange(
                "status", event.previousStatus().name(), event.newStatus().name()));
    }

    static List<FieldChange> of(ActionReassignedEvent event) {
        Assignment before = event.previousAssignment();
        Assignment after = event.newAssignment();
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "organisation", before == null ? null : before.organisationId(), after.organisationId());
        add(changes, "contact", ContactText.of(before), ContactText.of(after));
        return changes;
    }

    static List<FieldChange> of(OrganisationRegisteredEvent event) {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "displayName", null, event.displayName());
        add(changes, "aliases", null, aliases(event.aliases()));
        return changes;
    }

    static List<FieldChange> of(OrganisationChangedEvent event) {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "displayName", event.previousDisplayName(), event.displayName());
        add(changes, "aliases", aliases(event.previousAliases()), aliases(event.aliases()));
        return changes;
    }

    private static String aliases(List<String> aliases) {
        return aliases.isEmpty() ? null : String.join(", ", aliases);
    }

    static List<FieldChange> of(ActionTimeframeRevisedEvent event) {
        return List.of(
                new FieldChange("timeframe", describe(event.previousTimeframe()), describe(event.newTimeframe())));
    }

    /** {@code Vanaf 2025 (FROM 2025)}: the words as given, then what they were read as. */
    static String describe(Timeframe timeframe) {
        String typed = switch (timeframe.type()) {
            case RANGE -> "RANGE " + timeframe.fromYear() + "-" + timeframe.toYear();
            case FROM -> "FROM " + timeframe.fromYear();
            default -> timeframe.type().name();
        };
        return timeframe.raw().isEmpty() ? typed : timeframe.raw() + " (" + typed + ")";
    }

    private static String describe(Commitment commitment) {
        String levels = commitment.levels().stream().map(Enum::name).collect(Collectors.joining(", "));
        return commitment.remark() == null ? levels : levels + " (" + commitment.remark() + ")";
    }

    private static void add(List<FieldChange> changes, String field, Object before, Object after) {
        String beforeText = before == null ? null : before.toString();
        String afterText = after == null ? null : after.toString();
        if (!Objects.equals(beforeText, afterText)) {
            changes.add(new FieldChange(field, beforeText, afterText));
        }
    }
}
