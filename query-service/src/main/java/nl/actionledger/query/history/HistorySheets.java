package nl.actionledger.query.history;

import java.util.List;
import nl.actionledger.query.action.ActionView;
import nl.actionledger.query.audit.FieldChange;
import nl.actionledger.query.sheets.Csv;

/** The plan as of an instant and the changes of a period as CSV, one row per action and per changed field. */
final class HistorySheets {

    static final List<String> PLAN_AS_OF = List.of(
            "action_id",
            "eu_action_number",
            "objective",
            "priority",
            "status",
            "organisation",
            "organisation_name",
            "contact",
            "timeframe",
            "timeframe_type",
            "version",
            "last_changed_at",
            "last_changed_by");

    static final List<String> CHANGES =
            List.of("action_id", "net_change", "events", "actors", "field", "before", "after");

    private HistorySheets() {}

    static byte[] planAsOf(PlanAsOf plan) {
        Csv csv = Csv.withHeader(PLAN_AS_OF);
        for (ActionView action : plan.actions()) {
            csv.row(
                    action.actionId(),
                    action.euActionNumber(),
                    action.objective().number(),
                    action.priority().number(),
                    action.status(),
                    action.organisation(),
                    action.organisationName(),
                    action.contact(),
                    action.timeframe().raw(),
                    action.timeframe().type(),
                    action.version(),
                    action.lastChangedAt(),
                    action.lastChangedBy());
        }
        return csv.bytes();
    }

    /** An action whose changes cancelled out ({@code net_change} NONE) is one row without a field. */
    static byte[] changes(PlanChanges.Changes changes) {
        Csv csv = Csv.withHeader(CHANGES);
        for (PlanChanges.ActionChange action : changes.actions()) {
            String actors = String.join(", ", action.actors());
            if (action.changes().isEmpty()) {
                csv.row(action.actionId(), action.netChange(), action.events(), actors, null, null, null);
            }
            for (FieldChange change : action.changes()) {
                csv.row(
                        action.actionId(),
                        action.netChange(),
                        action.events(),
                        actors,
                        change.field(),
                        change.before(),
                        change.after());
            }
        }
        return csv.bytes();
    }
}
