package nl.actionledger.command.action;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import nl.actionledger.command.action.ActionChangeRejectedException.Reason;
import nl.actionledger.command.person.PersonDirectory;
import nl.actionledger.command.person.PersonDirectory.NamedPerson;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;
import nl.actionledger.support.person.ContactSeal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One action of the plan: where every change to its status, assignment and timeframe is decided.
 * Its version is the sequence number of its last event (0 right after registration), which clients
 * see as the ETag and send back as {@code If-Match}.
 */
@Aggregate(cache = "actionCache", commandTargetResolver = "actionCommandTargets")
class Action {

    static final int MAX_REASON_LENGTH = 2000;

    @AggregateIdentifier
    private String id;

    private ActionRef ref;
    private ImplementationStatus status;
    private Assignment assignment;
    private Timeframe timeframe;
    private long version;

    Action() {
        // for Axon, which rebuilds the action from its events
    }

    @CommandHandler
    Action(RegisterActionCommand command) {
        apply(new ActionRegisteredEvent(
                command.action(),
                command.euActionNumber(),
                command.description(),
                command.objective(),
                command.priority(),
                command.commitment(),
                command.timeframe(),
                command.status(),
                command.source(),
                command.notes()));
    }

    @CommandHandler
    long handle(ChangeActionStatusCommand command) {
        requirePermission(command.requester());
        requireVersion(command.expectedVersion());
        requireReason(command.reason());
        if (command.status() == status) {
            throw noChange("The status is already " + status + ".");
        }
        if (status.isClosed() && !command.status().isClosed()) {
            apply(new ActionReopenedEvent(ref, status, command.status(), command.reason()));
        } else {
            apply(new ActionStatusChangedEvent(ref, status, command.status(), command.reason()));
        }
        return version;
    }

    /**
     * The contact person is named by a sealed name ({@link nl.actionledger.events.SealedContact}): the same name at the
     * same organisation is the same person, whose key seals it. A previous contact that an event before revision 3
     * named in clear text is not copied into the new event (only its organisation is): the clear name stays where it
     * was and goes no further.
     */
    @CommandHandler
    long handle(ReassignActionCommand command, PersonDirectory people) {
        requirePermission(command.requester());
        requireVersion(command.expectedVersion());
        requireReason(command.reason());
        Assignment requested = Assignment.of(command.organisationId());
        if (command.contact() != null) {
            NamedPerson person = people.personFor(command.organisationId(), command.contact());
            requested = Assignment.of(
                    command.organisationId(), ContactSeal.seal(person.key(), person.personId(), command.contact()));
        }
        if (requested.sameResponsibilityAs(assignment)) {
            throw noChange("The action is already assigned to " + describe(assignment) + ".");
        }
        Assignment previous = assignment == null || assignment.legacyContact() == null
                ? assignment
                : Assignment.of(assignment.organisationId());
        apply(new ActionReassignedEvent(ref, previous, requested, command.reason()));
        return version;
    }

    @CommandHandler
    long handle(ReviseActionTimeframeCommand command) {
        requirePermission(command.requester());
        requireVersion(command.expectedVersion());
        requireReason(command.reason());
        if (command.timeframe().meansSameAs(timeframe)) {
            throw noChange("The timeframe is already '" + timeframe.raw() + "' (" + timeframe.type() + ").");
        }
        apply(new ActionTimeframeRevisedEvent(ref, timeframe, command.timeframe(), command.reason()));
        return version;
    }

    /**
     * A coordinator may change only the actions assigned to their own organisation (and may hand them over to
     * another); an admin may change any. Organisations are compared by id, exactly. Nobody but an admin can change an action that is not assigned yet.
     */
    private void requirePermission(Requester requester) {
        boolean ownOrganisation =
                assignment != null && assignment.organisationId().equals(requester.organisation());
        if (!requester.admin() && !ownOrganisation) {
            throw new ActionChangeRejectedException(
                    Reason.NOT_PERMITTED,
                    ref + " is assigned to "
                            + (assignment == null ? "no organisation yet" : assignment.organisationId())
                            + "; only that organisation's coordinators or an admin may change it.");
        }
    }

    private void requireVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new ActionChangeRejectedException(
                    Reason.VERSION_MISMATCH,
                    "The action is at version " + version + ", not " + expectedVersion + ". Reload it and try again.");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ActionChangeRejectedException(Reason.INVALID_REASON, "Every change needs a reason.");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new ActionChangeRejectedException(
                    Reason.INVALID_REASON, "A reason has at most " + MAX_REASON_LENGTH + " characters.");
        }
    }

    private static ActionChangeRejectedException noChange(String message) {
        return new ActionChangeRejectedException(Reason.NO_CHANGE, message + " Nothing was recorded.");
    }

    /** Never with the contact's name: a refusal's message is stored with its idempotency key and may be logged. */
    private static String describe(Assignment assignment) {
        return assignment.organisationId()
                + (assignment.contactPersonId() == null
                        ? ""
                        : " (contact person " + assignment.contactPersonId() + ")");
    }

    @EventSourcingHandler
    void on(ActionRegisteredEvent event, @SequenceNumber long sequenceNumber) {
        id = event.action().toString();
        ref = event.action();
        status = event.status();
        timeframe = event.timeframe();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ActionStatusChangedEvent event, @SequenceNumber long sequenceNumber) {
        status = event.newStatus();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ActionReopenedEvent event, @SequenceNumber long sequenceNumber) {
        status = event.newStatus();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ActionReassignedEvent event, @SequenceNumber long sequenceNumber) {
        assignment = Objects.requireNonNull(event.newAssignment());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ActionTimeframeRevisedEvent event, @SequenceNumber long sequenceNumber) {
        timeframe = event.newTimeframe();
        version = sequenceNumber;
    }
}
