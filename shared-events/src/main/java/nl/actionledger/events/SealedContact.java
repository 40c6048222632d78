package nl.actionledger.events;

import java.util.Objects;

/**
 * A contact person, named so that the name can be erased without touching the event: the event holds a stable,
 * non-personal id and the name sealed under that person's own key, which lives outside the event table and is deleted
 * when the person is erased ({@link PersonErasedEvent}). Without the key the ciphertext says nothing; the bytes the hash
 * chain covers stay as they were.
 *
 * @param personId   a random UUID, the same for every assignment that names the same person at the same organisation
 * @param sealedName base64 of a 96-bit random nonce followed by the AES-256-GCM ciphertext and tag of the name (UTF-8),
 *                   with the person id as associated data, so a sealed name cannot be moved to another person
 */
public record SealedContact(String personId, String sealedName) {

    public SealedContact {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(sealedName, "sealedName");
    }
}
