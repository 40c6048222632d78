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
 * @param differingEntries global indexes of entries that say something else than their event (see
 *                         {@link AuditTrailContent}), as the last full comparison and the checks since found them
 * @param contentComparedAt when the content of every entry was last compared with its event
 */
record AuditTrailConsistency(
        boolean checked,
        String note,
        long checkedUpTo,
        long events,
        long auditEntries,
        List<Long> missingEvents,
        List<Long> orphanedEntries,
        List<Long> differingEntries,
        Instant contentComparedAt,
        Instant at) {

    static AuditTrailConsistency notChecked(String why) {
        return new AuditTrailConsistency(false, why, -1, 0, 0, List.of(), List.of(), List.of(), null, Instant.now());
    }

    static AuditTrailConsistency checked(
            long upTo,
            long events,
            long auditEntries,
            List<Long> missing,
            List<Long> orphaned,
            List<Long> differing,
            Instant contentComparedAt) {
        return new AuditTrailConsistency(
                true,
                null,
                upTo,
                events,
                auditEntries,
                List.copyOf(missing),
                List.copyOf(orphaned),
                List.copyOf(differing),
                contentComparedAt,
                Instant.now());
    }

    boolean consistent() {
        return checked
                && events == auditEntries
                && missingEvents.isEmpty()
                && orphanedEntries.isEmpty()
                && differingEntries.isEmpty();
    }

    AuditTrailVerification forAuditors() {
        if (!checked) {
            return new AuditTrailVerification(
                    AuditTrailVerification.Status.NOT_CHECKED,
                    at,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    contentComparedAt,
                    note);
        }
        return new AuditTrailVerification(
                consistent() ? AuditTrailVerification.Status.CONSISTENT : AuditTrailVerification.Status.DIFFERS,
                at,
                checkedUpTo,
                missingEvents,
                orphanedEntries,
                differingEntries,
                contentComparedAt,
                null);
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
        details.put("differingEntries", differingEntries);
        details.put("contentComparedAt", contentComparedAt == null ? null : contentComparedAt.toString());
        return details;
    }
}
