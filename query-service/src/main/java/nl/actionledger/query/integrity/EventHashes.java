package nl.actionledger.query.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
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

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000};

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

    /**
     * The insertion time as it enters the hash, and as the export shows it. Written digit by digit for the years of
     * four digits: the formatter took half of a verification pass's own time. Any other year goes through the formatter,
     * which writes the same for these.
     */
    static String insertedAt(Instant insertedAt) {
        if (insertedAt == null) {
            return null;
        }
        LocalDateTime utc =
                LocalDateTime.ofEpochSecond(insertedAt.getEpochSecond(), insertedAt.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9_999) {
            return INSERTED_AT.format(insertedAt);
        }
        StringBuilder text = new StringBuilder(27);
        digits(text, utc.getYear(), 4).append('-');
        digits(text, utc.getMonthValue(), 2).append('-');
        digits(text, utc.getDayOfMonth(), 2).append('T');
        digits(text, utc.getHour(), 2).append(':');
        digits(text, utc.getMinute(), 2).append(':');
        digits(text, utc.getSecond(), 2).append('.');
        return digits(text, utc.getNano() / 1_000, 6).append('Z').toString();
    }

    /** {@code value} in exactly {@code width} digits, leading zeros included; it has no more. */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        for (int divisor = POWERS_OF_TEN[width - 1]; divisor > 0; divisor /= 10) {
            text.append((char) ('0' + value / divisor % 10));
        }
        return text;
    }

    static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
