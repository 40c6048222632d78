package nl.actionledger.command.organisation;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/** Tells Axon which organisation a command is for: {@code organisation:<id>}, without reflection. */
@Component("organisationCommandTargets")
final class OrganisationCommandTargets implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof DefineOrganisationCommand define) {
            return new VersionedAggregateIdentifier(define.aggregateId(), null);
        }
        throw new IllegalArgumentException(command.getPayloadType().getName() + " names no organisation");
    }
}
