package nl.actionledger.query.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an event, computed here independently of the database function that stored it, so that a
 * verification is a real second opinion. The canonical content (README, "Tamper evidence"):
 * {@code sha256(utf8(prevHex + "\n" + type + "\n" + aggregateId + "\n" + sequence + "\n" + timeStamp + "\n"
 * + payloadType + "\n" + actor + "\n") || payload)}, with "" for an absent previous hash, type or actor.
 */
final class EventHashes {

    private EventHashes() {
    }

    static byte[] hash(byte[] previousHash, String type, String aggregateId, long sequenceNumber, String timeStamp,
                       String payloadType, String actor, byte[] payload) {
        String header = (previousHash == null ? "" : HexFormat.of().formatHex(previousHash)) + "\n"
                + (type == null ? "" : type) + "\n" + aggregateId + "\n" + sequenceNumber + "\n" + timeStamp + "\n"
                + payloadType + "\n" + (actor == null ? "" : actor) + "\n";
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(header.getBytes(StandardCharsets.UTF_8));
            sha256.update(payload);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
