package nl.actionledger.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import nl.actionledger.command.organisation.OrganisationRejectedException.Reason;
import nl.actionledger.events.OrganisationChangedEvent;
import nl.actionledger.events.OrganisationIds;
import nl.actionledger.events.OrganisationRegisteredEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One organisation of the list that actions are assigned to: registered once, with its id for good, and changed
 * (display name, aliases) by admins, every change an event with its actor and reason like any change to an action.
 * Its events are in the event table under {@code organisation:<id>}, hash-chained like an action's.
 */
@Aggregate(commandTargetResolver = "organisationCommandTargets")
class Organisation {

    static final int MAX_REASON_LENGTH = 2000;

    @AggregateIdentifier
    private String id;

    private String organisationId;
    private String displayName;
    private List<String> aliases;
    private long version;

    Organisation() {
        // for Axon: rebuilt from its events, or new when the command names an organisation not yet listed
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    OrganisationDefined handle(DefineOrganisationCommand command) {
        requireValidId(command.organisationId());
        requireReason(command.reason());
        if (organisationId == null) {
            apply(new OrganisationRegisteredEvent(
                    command.organisationId(), command.displayName(), command.aliases(), command.reason()));
            return new OrganisationDefined(version, true);
        }
        if (displayName.equals(command.displayName()) && aliases.equals(command.aliases())) {
            throw new OrganisationRejectedException(
                    Reason.NO_CHANGE,
                    "Organisation '" + organisationId + "' is already defined so. Nothing was recorded.");
        }
        apply(new OrganisationChangedEvent(
                organisationId, displayName, aliases, command.displayName(), command.aliases(), command.reason()));
        return new OrganisationDefined(version, false);
    }

    private static void requireValidId(String organisationId) {
        if (!OrganisationIds.isValid(organisationId)) {
            throw new OrganisationRejectedException(
                    Reason.INVALID_ORGANISATION_ID,
                    "An organisation id is 1 to 63 lower-case letters, digits and inner hyphens.");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new OrganisationRejectedException(
                    Reason.INVALID_REASON,
                    "Every change needs a reason of at most " + MAX_REASON_LENGTH + " characters.");
        }
    }

    @EventSourcingHandler
    void on(OrganisationRegisteredEvent event, @SequenceNumber long sequenceNumber) {
        id = OrganisationIds.aggregateId(event.organisationId());
        organisationId = event.organisationId();
        displayName = event.displayName();
        aliases = event.aliases();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(OrganisationChangedEvent event, @SequenceNumber long sequenceNumber) {
        displayName = event.displayName();
        aliases = event.aliases();
        version = sequenceNumber;
    }
}
