package nl.actionledger.query.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.events.OrganisationChangedEvent;
import nl.actionledger.events.OrganisationRegisteredEvent;
import nl.actionledger.events.PersonErasedEvent;
import nl.actionledger.query.EventNames;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * What the audit trail says about an event: the projection writes it, and the content check compares the stored entry
 * with it. An event of a type added later gets an entry too, without reason or changes, so the trail never has holes.
 */
final class EntryFromEvent {

    static final String ORGANISATIONS = "organisations";
    /** Erasures of contact persons are entered as "action" {@code <personId>} of "plan" {@value}. */
    static final String PEOPLE = "people";

    private EntryFromEvent() {}

    static PendingEntry of(DomainEventMessage<?> message) {
        Object event = message.getPayload();
        if (event instanceof ActionRegisteredEvent registered) {
            return entry(
                    message,
                    registered.action(),
                    "Registered from " + registered.source(),
                    AuditChanges.of(registered));
        }
        if (event instanceof ActionStatusChangedEvent changed) {
            return entry(message, changed.action(), changed.reason(), AuditChanges.of(changed));
        }
        if (event instanceof ActionReopenedEvent reopened) {
            return entry(message, reopened.action(), reopened.reason(), AuditChanges.of(reopened));
        }
        if (event instanceof ActionReassignedEvent reassigned) {
            return entry(message, reassigned.action(), reassigned.reason(), AuditChanges.of(reassigned));
        }
        if (event instanceof ActionTimeframeRevisedEvent revised) {
            return entry(message, revised.action(), revised.reason(), AuditChanges.of(revised));
        }
        if (event instanceof OrganisationRegisteredEvent registered) {
            return entry(
                    message,
                    organisations(registered.organisationId()),
                    registered.reason(),
                    AuditChanges.of(registered));
        }
        if (event instanceof OrganisationChangedEvent changed) {
            return entry(message, organisations(changed.organisationId()), changed.reason(), AuditChanges.of(changed));
        }
        if (event instanceof PersonErasedEvent erased) {
            return entry(message, ActionRef.of(PEOPLE, erased.personId()), erased.reason(), List.of());
        }
        String[] parts = message.getAggregateIdentifier().split("/", 2);
        return entry(message, ActionRef.of(parts[0], parts.length > 1 ? parts[1] : ""), null, List.of());
    }

    /**
     * Changes to the list of organisations are entered as those of "action" {@code <id>} of "plan"
     * {@value #ORGANISATIONS}, so that {@code /api/audit?planId=organisations} lists them.
     */
    private static ActionRef organisations(String organisationId) {
        return ActionRef.of(ORGANISATIONS, organisationId);
    }

    private static PendingEntry entry(
            DomainEventMessage<?> message, ActionRef action, String reason, List<FieldChange> changes) {
        return new PendingEntry(
                message.getIdentifier(),
                message.getAggregateIdentifier(),
                action.planId(),
                action.actionId(),
                message.getSequenceNumber(),
                EventNames.of(message),
                storable(message.getTimestamp()),
                metadata(message, EventMetadataKeys.ACTOR),
                metadata(message, EventMetadataKeys.ACTOR_NAME),
                reason,
                metadata(message, EventMetadataKeys.CORRELATION_ID),
                List.copyOf(changes));
    }

    /**
     * The event's time as {@code TIMESTAMP(6)} keeps it. Axon stores times to the millisecond today; should an event
     * ever carry nanoseconds, the entry and the content check still agree instead of reporting every entry.
     */
    private static Instant storable(Instant timestamp) {
        return timestamp.truncatedTo(ChronoUnit.MICROS);
    }

    private static String metadata(DomainEventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
