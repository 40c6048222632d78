package nl.actionledger.query.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of comparing the audit trail with the event table up to a position.
 *
 * @param missingEvents   global indexes of events without an entry (at most a few are listed)
 * @param orphanedEntries global indexes of entries whose event is no longer in the event table
 */
record AuditTrailConsistency(boolean checked, String note, long checkedUpTo, long events, long auditEntries,
                             List<Long> missingEvents, List<Long> orphanedEntries, Instant at) {

    static AuditTrailConsistency notChecked(String why) {
        return new AuditTrailConsistency(false, why, -1, 0, 0, List.of(), List.of(), Instant.now());
    }

    static AuditTrailConsistency checked(long upTo, long events, long auditEntries, List<Long> missing,
                                         List<Long> orphaned) {
        return new AuditTrailConsistency(true, null, upTo, events, auditEntries, List.copyOf(missing),
                List.copyOf(orphaned), Instant.now());
    }

    boolean consistent() {
        return checked && events == auditEntries && missingEvents.isEmpty() && orphanedEntries.isEmpty();
    }

    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkedAt", at.toString());
        if (!checked) {
            details.put("note", note);
            return details;
        }
        details.put("checkedUpToPosition", checkedUpTo);
        details.put("events", events);
        details.put("auditEntries", auditEntries);
        details.put("missingEvents", missingEvents);
        details.put("orphanedEntries", orphanedEntries);
        return details;
    }
}
