package nl.actionledger.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what each projection holds against the event table, so no figure is reported over a projection that
 * missed events: the audit trail keeps one row per event, the timeline one per event of an action, the current views
 * one row per action whose version is its last sequence number, and the list of organisations one row per
 * organisation whose version is its last sequence number.
 */
final class ProjectionCheck {

    private ProjectionCheck() {}

    static Map<String, Long> verify(BenchmarkDatabase database, String when) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("events", database.queryLong("SELECT count(*) FROM event_store.domain_event_entry"));
        counts.put("auditEntries", database.queryLong("SELECT count(*) FROM query_model.audit_entry"));
        counts.put(
                "actionEvents",
                database.queryLong("SELECT count(*) FROM event_store.domain_event_entry WHERE type = 'Action'"));
        counts.put("timelineStates", database.queryLong("SELECT count(*) FROM query_model.action_state"));
        counts.put(
                "eventsCoveredByViews",
                database.queryLong("SELECT coalesce(sum(version + 1), 0) FROM query_model.action_view"));
        counts.put(
                "organisationEvents",
                database.queryLong("SELECT count(*) FROM event_store.domain_event_entry WHERE type = 'Organisation'"));
        counts.put(
                "eventsCoveredByOrganisations",
                database.queryLong("SELECT coalesce(sum(version + 1), 0) FROM query_model.organisation"));
        long events = counts.get("events");
        long actionEvents = counts.get("actionEvents");
        long organisationEvents = counts.get("organisationEvents");
        if (counts.get("auditEntries") != events
                || actionEvents + organisationEvents != events
                || counts.get("timelineStates") != actionEvents
                || counts.get("eventsCoveredByViews") != actionEvents
                || counts.get("eventsCoveredByOrganisations") != organisationEvents) {
            String missing = database.queryText("""
                    SELECT coalesce(string_agg(aggregate_identifier || '#' || sequence_number, ', '), '')
                    FROM (SELECT e.aggregate_identifier, e.sequence_number FROM event_store.domain_event_entry e
                          WHERE NOT EXISTS (SELECT 1 FROM query_model.audit_entry a WHERE a.global_index = e.global_index)
                          ORDER BY e.global_index LIMIT 10) m""");
            throw new IllegalStateException("The projections do not match the event table " + when + ": " + counts
                    + "; first events missing from the audit trail: " + missing);
        }
        return counts;
    }

    /**
     * A checksum of each projection table, row by row: its rows' count and the sum of a 64-bit hash of each row's text.
     * The same rows give the same sum in any order, without gathering a million rows into one string.
     */
    static Map<String, String> checksums(BenchmarkDatabase database) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : List.of(
                "action_view", "audit_entry", "audit_change", "action_state", "action_baseline", "organisation")) {
            sums.put(
                    table,
                    database.queryText("SELECT count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)"
                            + "::numeric), 0) FROM query_model." + table + " t"));
        }
        return sums;
    }
}
