package nl.actionledger.command.action;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Tells Axon which action a command is for. Axon's default resolver looks the annotated member up by reflection for
 * every command; the commands here name their action through {@link ActionCommand}. The version is checked by the
 * action itself ({@code If-Match}), not by Axon.
 */
@Component("actionCommandTargets")
final class ActionCommandTargets implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof ActionCommand actionCommand) {
            return new VersionedAggregateIdentifier(actionCommand.action().toString(), null);
        }
        throw new IllegalArgumentException(command.getPayloadType().getName() + " names no action");
    }
}
