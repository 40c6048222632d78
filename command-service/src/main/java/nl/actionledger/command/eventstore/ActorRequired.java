package nl.actionledger.command.eventstore;

import java.util.List;
import java.util.function.BiFunction;
import nl.actionledger.events.EventMetadataKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

/**
 * No event enters the ledger without an actor. Sign-in already refuses a user without a name; this holds for every
 * other way an event could be appended too (a new endpoint, a job, a forgotten metadata key). It sits on the event
 * store, which a command's events pass while the command is handled, so a refusal fails the command before its unit
 * of work appends anything.
 */
@Component
class ActorRequired implements MessageDispatchInterceptor<EventMessage<?>> {

    ActorRequired(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (!(message.getMetaData().get(EventMetadataKeys.ACTOR) instanceof String actor) || actor.isBlank()) {
                throw new MissingActorException(message.getPayloadType().getSimpleName());
            }
            return message;
        };
    }
}
