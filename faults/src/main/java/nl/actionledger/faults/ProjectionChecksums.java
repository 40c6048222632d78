package nl.actionledger.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the projections hold, table by table, as a row count and an MD5 of every row in a fixed order: two states
 * of the read side are equal exactly when these are. Also the audit trail against the event table: one entry per
 * event, no entry twice.
 */
final class ProjectionChecksums {

    static final List<String> TABLES =
            List.of("action_view", "audit_entry", "audit_change", "action_state", "action_baseline", "organisation");

    private ProjectionChecksums() {}

    static Map<String, String> take(FaultDatabase database) {
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> row = database.queryRows("SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY "
                            + "t::text)), '-') FROM query_model." + table + " t")
                    .get(0);
            checksums.put(
                    table,
                    row.get(0) + " rows "
                            + row.get(1).substring(0, Math.min(12, row.get(1).length())));
        }
        return checksums;
    }

    /** Tables whose content differs between the two states. */
    static List<String> differences(Map<String, String> before, Map<String, String> after) {
        return TABLES.stream()
                .filter(table -> !before.get(table).equals(after.get(table)))
                .map(table -> table + ": " + before.get(table) + " vs " + after.get(table))
                .toList();
    }

    static AuditTrailCount auditTrail(FaultDatabase database) {
        long events = database.queryLong("SELECT count(*) FROM event_store.domain_event_entry");
        long entries = database.queryLong("SELECT count(*) FROM query_model.audit_entry");
        long duplicates = database.queryLong("SELECT count(*) - count(DISTINCT event_id) FROM query_model.audit_entry");
        long missing = database.queryLong("""
                SELECT count(*) FROM event_store.domain_event_entry e
                WHERE NOT EXISTS (SELECT 1 FROM query_model.audit_entry a WHERE a.global_index = e.global_index)""");
        return new AuditTrailCount(events, entries, duplicates, missing);
    }

    record AuditTrailCount(long events, long entries, long duplicates, long missing) {

        boolean complete() {
            return events == entries && duplicates == 0 && missing == 0;
        }

        String describe() {
            return events + " events, " + entries + " audit entries, " + missing + " missing, " + duplicates
                    + " duplicated";
        }
    }
}
