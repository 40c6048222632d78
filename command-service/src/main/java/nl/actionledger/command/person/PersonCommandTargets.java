package nl.actionledger.command.person;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/** Tells Axon which person a command is for: {@code person:<id>}, without reflection. */
@Component("personCommandTargets")
final class PersonCommandTargets implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof ErasePersonCommand erase) {
            return new VersionedAggregateIdentifier(erase.aggregateId(), null);
        }
        throw new IllegalArgumentException(command.getPayloadType().getName() + " names no person");
    }
}
