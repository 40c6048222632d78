package nl.actionledger.command.person;

import nl.actionledger.events.PersonErasedEvent;

/** Erase a contact person: their key goes, so no sealed copy of their name can be read again. */
public record ErasePersonCommand(String personId, String reason) {

    String aggregateId() {
        return PersonErasedEvent.aggregateId(personId);
    }
}
