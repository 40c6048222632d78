package nl.actionledger.query.audit;

import java.time.Instant;
import java.util.List;

/**
 * What auditors see of the last comparison of the audit trail with the event table, beside the verification of the
 * hash chains: an entry missing, left without its event, or saying something else than its event (an edit in
 * {@code query_model}) is listed by its event's global index.
 *
 * @param status              CONSISTENT or DIFFERS once compared; NOT_CHECKED before, while a replay runs, or while
 *                            another instance holds some of the projections (the note says which)
 * @param checkedUpToPosition every event up to this global index was compared
 * @param contentComparedAt   when what every entry says was last compared with its event (new entries are compared at
 *                            every check)
 */
public record AuditTrailVerification(
        Status status,
        Instant checkedAt,
        Long checkedUpToPosition,
        List<Long> missingEvents,
        List<Long> orphanedEntries,
        List<Long> differingEntries,
        Instant contentComparedAt,
        String note) {

    public enum Status {
        CONSISTENT,
        DIFFERS,
        NOT_CHECKED
    }
}
