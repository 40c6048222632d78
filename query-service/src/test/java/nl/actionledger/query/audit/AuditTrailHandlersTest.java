package nl.actionledger.query.audit;

import static nl.actionledger.query.TestEvents.CONTINUOUS;
import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.inOneBatch;
import static nl.actionledger.query.TestEvents.message;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import nl.actionledger.query.TestEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The audit trail's handlers on their own: one entry per event, with who, when, why and what changed. */
class AuditTrailHandlersTest {

    private static final Instant AT = Instant.parse("2026-04-01T08:30:00Z");

    private final AuditTrailWriter writer = mock(AuditTrailWriter.class);
    private final AuditTrailProjection projection = new AuditTrailProjection(writer);

    /** Hands the events to the projection in one batch and returns the entries it writes. */
    @SuppressWarnings("unchecked")
    private List<PendingEntry> written(Runnable events) {
        inOneBatch(events);
        ArgumentCaptor<List<PendingEntry>> entries = ArgumentCaptor.forClass(List.class);
        verify(writer).write(entries.capture());
        return entries.getValue();
    }

    @Test
    void recordsWhoWhenWhyAndWhatForAStatusChange() {
        ActionStatusChangedEvent event = new ActionStatusChangedEvent(
                action("28"), ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, "Kick-off held");
        DomainEventMessage<?> message = message(action("28"), 3, event, "coordinator", "req-1", AT);

        PendingEntry entry = written(() -> projection.on(event, message)).get(0);

        assertThat(entry.eventId()).isEqualTo(message.getIdentifier());
        assertThat(entry.aggregateId()).isEqualTo("eu-wap-nl/28");
        assertThat(entry.planId()).isEqualTo("eu-wap-nl");
        assertThat(entry.actionId()).isEqualTo("28");
        assertThat(entry.sequenceNumber()).isEqualTo(3);
        assertThat(entry.eventType()).isEqualTo("ActionStatusChanged");
        assertThat(entry.occurredAt()).isEqualTo(AT);
        assertThat(entry.actor()).isEqualTo("coordinator");
        assertThat(entry.correlationId()).isEqualTo("req-1");
        assertThat(entry.reason()).isEqualTo("Kick-off held");
        assertThat(entry.changes()).containsExactly(new FieldChange("status", "NOT_STARTED", "IN_PROGRESS"));
    }

    @Test
    void recordsTheActorsDisplayNameBesideTheActor() {
        ActionStatusChangedEvent event = new ActionStatusChangedEvent(
                action("28"), ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, "Kick-off held");
        DomainEventMessage<?> named = TestEvents.message(
                action("28"),
                3,
                event,
                MetaData.with("actor", "6f1c-42").and("actorName", "r.devries").and("correlationId", "req-1"),
                AT);
        DomainEventMessage<?> unnamed = message(action("28"), 4, event, "coordinator", "req-2", AT);

        List<PendingEntry> entries = written(() -> {
            projection.on(event, named);
            projection.on(event, unnamed);
        });

        assertThat(entries)
                .extracting(PendingEntry::actor, PendingEntry::actorName)
                .containsExactly(tuple("6f1c-42", "r.devries"), tuple("coordinator", null));
    }

    @Test
    void recordsARegistrationWithEveryFieldAsAChange() {
        ActionRegisteredEvent event =
                registered("28", 9, 3, ImplementationStatus.CONTINUOUS, CONTINUOUS, CommitmentLevel.NATIONAL);
        DomainEventMessage<?> message = message(action("28"), 0, event, "system", "reg", AT);

        PendingEntry entry = written(() -> projection.on(event, message)).get(0);

        assertThat(entry.eventType()).isEqualTo("ActionRegistered");
        assertThat(entry.reason()).isEqualTo("Registered from nl-eu-wildlife-trafficking-action-plan.tsv");
        assertThat(entry.changes())
                .extracting(FieldChange::field)
                .containsExactly("euActionNumber", "objective", "priority", "commitment", "timeframe", "status");
    }

    @Test
    void aBatchWritesItsEntriesTogetherInEventOrder() {
        ActionStatusChangedEvent started = new ActionStatusChangedEvent(
                action("28"), ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, "started");
        ActionStatusChangedEvent done = new ActionStatusChangedEvent(
                action("28"), ImplementationStatus.IN_PROGRESS, ImplementationStatus.COMPLETED, "done");
        DomainEventMessage<?> first = message(action("28"), 1, started, "coordinator", "req-1", AT);
        DomainEventMessage<?> second = message(action("28"), 2, done, "coordinator", "req-2", AT.plusSeconds(5));

        List<PendingEntry> entries = written(() -> {
            projection.on(started, first);
            projection.on(done, second);
        });

        assertThat(entries)
                .extracting(PendingEntry::eventId)
                .containsExactly(first.getIdentifier(), second.getIdentifier());
    }

    @Test
    void anEventOfAnUnknownTypeStillGetsItsEntry() {
        record ActionRenumberedEvent(String newNumber) {}
        DomainEventMessage<?> message =
                message(action("unnumbered-livelihoods"), 1, new ActionRenumberedEvent("5"), "admin", "req-3", AT);

        PendingEntry entry =
                written(() -> projection.on(message.getPayload(), message)).get(0);

        assertThat(entry.actionId()).isEqualTo("unnumbered-livelihoods");
        assertThat(entry.eventType()).isEqualTo("ActionRenumbered");
        assertThat(entry.actor()).isEqualTo("admin");
        assertThat(entry.changes()).isEmpty();
    }

    @Test
    void aFirstAssignmentListsOrganisationAndContactFromNothing() {
        assertThat(AuditChanges.of(
                        new ActionReassignedEvent(action("28"), null, new Assignment("nvwa", null, "J. Jansen"), "r")))
                .containsExactly(
                        new FieldChange("organisation", null, "nvwa"), new FieldChange("contact", null, "J. Jansen"));
    }

    @Test
    void aNewContactAloneListsOnlyTheContact() {
        assertThat(AuditChanges.of(new ActionReassignedEvent(
                        action("28"),
                        new Assignment("nvwa", null, "J. Jansen"),
                        new Assignment("nvwa", null, "P. de Vries"),
                        "r")))
                .containsExactly(new FieldChange("contact", "J. Jansen", "P. de Vries"));
    }

    @Test
    void aTimeframeRevisionShowsTheWordsAndTheirReading() {
        assertThat(AuditChanges.of(new ActionTimeframeRevisedEvent(
                        action("30"),
                        RANGE_2024_2025,
                        new Timeframe(TimeframeType.FROM, "Vanaf 2026", 2026, null),
                        "r")))
                .containsExactly(
                        new FieldChange("timeframe", "2024 - 2025 (RANGE 2024-2025)", "Vanaf 2026 (FROM 2026)"));
    }

    @Test
    void aRebuildOfTheTrailClearsIt() {
        projection.reset(Rebuild.all());

        verify(writer).clear();
    }

    @Test
    void aRebuildOfAnotherProjectionLeavesTheTrailAsItIs() {
        projection.reset(Rebuild.of(Projection.ACTION_TIMELINE));

        verify(writer, never()).clear();
    }
}
