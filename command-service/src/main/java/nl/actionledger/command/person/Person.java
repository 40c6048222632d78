package nl.actionledger.command.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import nl.actionledger.command.person.PersonRejectedException.Reason;
import nl.actionledger.events.PersonErasedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A contact person, as far as the event store knows one: only their erasure is an event ({@code person:<id>}); naming
 * them is part of an action's reassignment. Erasing appends {@link PersonErasedEvent} and deletes the key in the same
 * transaction (the database refuses the deletion otherwise).
 */
@Aggregate(commandTargetResolver = "personCommandTargets")
class Person {

    static final int MAX_REASON_LENGTH = 2000;

    @AggregateIdentifier
    private String id;

    private boolean erased;

    Person() {
        // for Axon: rebuilt from its events, or new when the person has none yet
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(ErasePersonCommand command, PersonDirectory people) {
        requireReason(command.reason());
        if (erased) {
            throw new PersonRejectedException(
                    Reason.PERSON_ALREADY_ERASED,
                    "Person " + command.personId() + " was erased before. Nothing was recorded.");
        }
        if (people.keyOf(command.personId()).isEmpty()) {
            throw new PersonRejectedException(
                    Reason.PERSON_NOT_FOUND, "There is no person " + command.personId() + ".");
        }
        apply(new PersonErasedEvent(command.personId(), command.reason()));
        people.deleteKey(command.personId());
        return command.personId();
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new PersonRejectedException(
                    Reason.INVALID_REASON,
                    "An erasure needs a reason of at most " + MAX_REASON_LENGTH + " characters.");
        }
    }

    @EventSourcingHandler
    void on(PersonErasedEvent event) {
        id = PersonErasedEvent.aggregateId(event.personId());
        erased = true;
    }
}
