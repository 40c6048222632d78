package nl.actionledger.query.integrity;

import java.time.Instant;
import java.util.List;
import nl.actionledger.query.integrity.ChainVerification.CheckpointSummary;

/**
 * Events as stored, with their hashes, for an auditor to check outside the system: for each event,
 * {@code eventHash} must equal the SHA-256 of its canonical content chained to {@code previousHash}
 * (see {@link #ALGORITHM}), and {@code previousHash} must be the {@code eventHash} of the event before it.
 */
public record AuditExport(String algorithm, CheckpointSummary checkpoint, int page, int size, List<Event> events) {

    public static final String ALGORITHM = "eventHash = sha256(utf8(previousHash-hex + \"\\n\" + type + \"\\n\" + "
            + "aggregateId + \"\\n\" + sequenceNumber + \"\\n\" + timeStamp + \"\\n\" + payloadType + \"\\n\" + actor + "
            + "\"\\n\") + base64-decoded payload); an absent previousHash, type or actor counts as \"\"";

    /** @param payload the stored payload bytes, base64 */
    public record Event(long position, String eventId, String aggregateId, long sequenceNumber, String type,
                        String timeStamp, String payloadType, String actor, String payload, String previousHash,
                        String eventHash, Instant recordedAt) {
    }
}
