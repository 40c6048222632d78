package nl.actionledger.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key} for one change, with whose it is and what the request asked for.
 *
 * @param fingerprint a digest of the request (method, path, If-Match, body): the same key with another request is
 *                    refused rather than answered with the first request's answer
 */
public record IdempotencyKey(String actor, String key, byte[] fingerprint) {

    public static final String HEADER = "Idempotency-Key";
    /** Visible ASCII, as UUIDs and the keys of common client libraries are. */
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /**
     * @return {@code null} when the request has no key
     * @throws InvalidIdempotencyKeyException when the key is empty, too long or has other characters
     */
    public static IdempotencyKey of(String header, String actor, String request) {
        if (header == null) {
            return null;
        }
        if (!VALID.matcher(header).matches()) {
            throw new InvalidIdempotencyKeyException();
        }
        return new IdempotencyKey(actor, header, sha256(request));
    }

    /** What the command carries, for {@link IdempotencyKeyInterceptor}; the actor is in the metadata already. */
    public Map<String, String> metadata() {
        return Map.of(
                IdempotencyKeyInterceptor.KEY,
                key,
                IdempotencyKeyInterceptor.FINGERPRINT,
                HexFormat.of().formatHex(fingerprint));
    }

    boolean sameRequestAs(byte[] otherFingerprint) {
        return MessageDigest.isEqual(fingerprint, otherFingerprint);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class InvalidIdempotencyKeyException extends RuntimeException {
        InvalidIdempotencyKeyException() {
            super("The Idempotency-Key header must be 1 to 255 visible ASCII characters, for example a UUID.");
        }
    }
}
