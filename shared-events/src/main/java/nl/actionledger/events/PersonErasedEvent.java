package nl.actionledger.events;

import org.axonframework.serialization.Revision;

/**
 * A contact person was erased: the key their name was sealed under was deleted in the same transaction, so every
 * {@link SealedContact} naming them can no longer be read, wherever it was copied. The event is in the event table
 * under {@code person:<personId>}, hash-chained like any other, with the admin who erased as actor; it holds no name.
 */
@Revision("1")
public record PersonErasedEvent(String personId, String reason) {

    public static String aggregateId(String personId) {
        return "person:" + personId;
    }
}
