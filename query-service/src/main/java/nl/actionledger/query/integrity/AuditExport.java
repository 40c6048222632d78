package nl.actionledger.query.integrity;

import java.time.Instant;
import java.util.List;
import nl.actionledger.query.integrity.ChainVerification.CheckpointSummary;

/**
 * Events as stored, with their hashes, for an auditor to check outside the system: for each event,
 * {@code eventHash} must equal the SHA-256 of its canonical content chained to {@code previousHash}
 * (see {@link #ALGORITHM}), and {@code previousHash} must be the {@code eventHash} of the event before it.
 *
 * @param order     {@code POSITION} (global index) without a period, {@code RECORDED_AT} (time, then position) with one
 * @param after     the position this page continues after (0 for the first page)
 * @param nextAfter the position of this page's last event, to pass as {@code after} for the next page; {@code null} on
 *                  the last page
 * @param next      the address of the next page (also sent as {@code Link: <...>; rel="next"}); {@code null} on the
 *                  last page
 * @param coverage  how far the export reaches now: events still being recorded appear on a later request
 */
record AuditExport(
        String algorithm,
        CheckpointSummary checkpoint,
        Order order,
        long after,
        int size,
        List<Event> events,
        Long nextAfter,
        String next,
        Coverage coverage) {

    public static final String ALGORITHM = "eventHash = sha256(utf8(previousHash-hex + \"\\n\" + type + \"\\n\" + "
            + "aggregateId + \"\\n\" + sequenceNumber + \"\\n\" + timeStamp + \"\\n\" + payloadType + \"\\n\" + actor + "
            + "\"\\n\" + insertedAt + \"\\n\" + insertedBy + \"\\n\") + base64-decoded payload); an absent previousHash, "
            + "type or actor counts as \"\"; an event without insertedAt (appended before it was recorded) has neither "
            + "insertedAt nor insertedBy lines";

    public enum Order {
        POSITION,
        RECORDED_AT
    }

    /**
     * How far the export reaches now. A request after the last page, continuing after its last position, finds what
     * was recorded since.
     *
     * @param position       every matching event at or below this position is on this page or an earlier one
     * @param recordedBefore with a period: every matching event recorded before this instant is
     * @param complete       with a period that ends at or before {@code recordedBefore}: nothing can be added to it
     */
    public record Coverage(long position, Instant recordedBefore, boolean complete) {}

    /**
     * @param insertedAt when the database inserted the event (UTC, six decimals, as hashed); {@code null} for events
     *                   appended before that was recorded
     * @param insertedBy the database login that inserted it
     * @param payload    the stored payload bytes, base64
     */
    public record Event(
            long position,
            String eventId,
            String aggregateId,
            long sequenceNumber,
            String type,
            String timeStamp,
            String payloadType,
            String actor,
            String insertedAt,
            String insertedBy,
            String payload,
            String previousHash,
            String eventHash,
            Instant recordedAt) {}
}
