package nl.actionledger.support.person;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.actionledger.events.SealedContact;

/**
 * Seals a contact person's name under that person's own key, and opens it again while the key exists: AES-256-GCM,
 * a random 96-bit nonce per seal, a 128-bit tag, and the person id (with a version label) as associated data, so a
 * sealed name moved to another person, or altered, does not open. Deleting the key is what erases the person: every
 * copy of the ciphertext (events, projections, backups) then says nothing.
 */
public final class ContactSeal {

    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String LABEL = "action-ledger contact v1\n";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher per thread, initialised afresh (key, nonce, associated data) for every use: looking up the
     * transformation with {@link Cipher#getInstance} each time was 1 % of command-service's CPU under write load.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
        }
    });

    private ContactSeal() {}

    /** A new random key for a person. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public static SealedContact seal(byte[] key, String personId, String name) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, personId);
            byte[] sealed = cipher.doFinal(name.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return new SealedContact(personId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The name, or empty when the sealed name does not open with this key (another person's, altered, malformed):
     * never an exception, so that an event can always be read.
     */
    public static Optional<String> open(byte[] key, SealedContact contact) {
        if (key == null || key.length != KEY_BYTES) {
            return Optional.empty();
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(contact.sealedName());
            if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, contact.personId());
            byte[] name = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return Optional.of(new String(name, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String personId) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((LABEL + personId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
