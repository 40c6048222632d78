package nl.actionledger.query.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash of an event, computed here independently of the database function that stored it, so that a
 * verification is a real second opinion. The canonical content (README, "Tamper evidence"):
 * {@code sha256(utf8(prevHex + "\n" + type + "\n" + aggregateId + "\n" + sequence + "\n" + timeStamp + "\n"
 * + payloadType + "\n" + actor + "\n" + insertedAt + "\n" + insertedBy + "\n") || payload)}, with "" for an absent
 * previous hash, type or actor. Events appended before the database recorded when and by whom it inserted them
 * (command-service's V7) have no insertion, and their header ends after the actor's line.
 */
final class EventHashes {

    /** How the insertion time enters the hash: UTC, always six decimals, as PostgreSQL's to_char writes it there. */
    private static final DateTimeFormatter INSERTED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private EventHashes() {}

    /** @param insertedAt {@code null} for an event appended before insertions were recorded, with {@code insertedBy} */
    static byte[] hash(
            byte[] previousHash,
            String type,
            String aggregateId,
            long sequenceNumber,
            String timeStamp,
            String payloadType,
            String actor,
            Instant insertedAt,
            String insertedBy,
            byte[] payload) {
        String header = (previousHash == null ? "" : HexFormat.of().formatHex(previousHash)) + "\n"
                + (type == null ? "" : type) + "\n" + aggregateId + "\n" + sequenceNumber + "\n" + timeStamp + "\n"
                + payloadType + "\n" + (actor == null ? "" : actor) + "\n"
                + (insertedAt == null ? "" : insertedAt(insertedAt) + "\n" + insertedBy + "\n");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(header.getBytes(StandardCharsets.UTF_8));
            sha256.update(payload);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The insertion time as it enters the hash, and as the export shows it. */
    static String insertedAt(Instant insertedAt) {
        return insertedAt == null ? null : INSERTED_AT.format(insertedAt);
    }

    static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
