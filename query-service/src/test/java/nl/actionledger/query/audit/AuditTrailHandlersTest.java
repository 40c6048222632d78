package nl.actionledger.query.audit;

import static nl.actionledger.query.TestEvents.CONTINUOUS;
import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.message;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.query.EventPositions;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The audit trail's handlers on their own: one entry per event, with who, when, why and what changed. */
class AuditTrailHandlersTest {

    private static final Instant AT = Instant.parse("2026-04-01T08:30:00Z");

    private final AuditEntryRepository repository = mock(AuditEntryRepository.class);
    private final EventPositions positions = mock(EventPositions.class);
    private final AuditTrailProjection projection = new AuditTrailProjection(repository, positions);

    private AuditEntry saved() {
        ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
        verify(repository).save(entry.capture());
        return entry.getValue();
    }

    @Test
    void recordsWhoWhenWhyAndWhatForAStatusChange() {
        ActionStatusChangedEvent event = new ActionStatusChangedEvent(action("28"), ImplementationStatus.NOT_STARTED,
                ImplementationStatus.IN_PROGRESS, "Kick-off held");
        DomainEventMessage<?> message = message(action("28"), 3, event, "coordinator", "req-1", AT);

        when(positions.globalIndexOf(message)).thenReturn(41L);

        projection.on(event, message);

        AuditEntry entry = saved();
        assertThat(entry.eventId()).isEqualTo(message.getIdentifier());
        assertThat(entry.globalIndex()).isEqualTo(41);
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
    void recordsARegistrationWithEveryFieldAsAChange() {
        ActionRegisteredEvent event = registered("28", 9, 3, ImplementationStatus.CONTINUOUS, CONTINUOUS,
                CommitmentLevel.NATIONAL);
        DomainEventMessage<?> message = message(action("28"), 0, event, "system", "reg", AT);
        when(positions.globalIndexOf(message)).thenReturn(17L);

        projection.on(event, message);

        AuditEntry entry = saved();
        assertThat(entry.globalIndex()).isEqualTo(17);
        assertThat(entry.eventType()).isEqualTo("ActionRegistered");
        assertThat(entry.reason()).isEqualTo("Registered from nl-eu-wildlife-trafficking-action-plan.tsv");
        assertThat(entry.changes()).extracting(FieldChange::field)
                .containsExactly("euActionNumber", "objective", "priority", "commitment", "timeframe", "status");
    }

    @Test
    void aRedeliveredEventIsNotRecordedTwice() {
        ActionStatusChangedEvent event = new ActionStatusChangedEvent(action("28"), ImplementationStatus.NOT_STARTED,
                ImplementationStatus.IN_PROGRESS, "again");
        DomainEventMessage<?> message = message(action("28"), 1, event, "coordinator", "req-2", AT);
        when(repository.existsById(message.getIdentifier())).thenReturn(true);

        projection.on(event, message);

        verify(repository, never()).save(any());
    }

    @Test
    void anEventOfAnUnknownTypeStillGetsItsEntry() {
        record ActionRenumberedEvent(String newNumber) {
        }
        DomainEventMessage<?> message = message(action("unnumbered-livelihoods"), 1, new ActionRenumberedEvent("5"),
                "admin", "req-3", AT);

        projection.onUnknown(message.getPayload(), message);

        AuditEntry entry = saved();
        assertThat(entry.actionId()).isEqualTo("unnumbered-livelihoods");
        assertThat(entry.eventType()).isEqualTo("ActionRenumbered");
        assertThat(entry.actor()).isEqualTo("admin");
        assertThat(entry.changes()).isEmpty();
    }

    @Test
    void aFirstAssignmentListsOrganisationAndContactFromNothing() {
        assertThat(AuditChanges.of(new ActionReassignedEvent(action("28"), null, new Assignment("NVWA", "J. Jansen"), "r")))
                .containsExactly(new FieldChange("organisation", null, "NVWA"), new FieldChange("contact", null, "J. Jansen"));
    }

    @Test
    void aNewContactAloneListsOnlyTheContact() {
        assertThat(AuditChanges.of(new ActionReassignedEvent(action("28"), new Assignment("NVWA", "J. Jansen"),
                new Assignment("NVWA", "P. de Vries"), "r")))
                .containsExactly(new FieldChange("contact", "J. Jansen", "P. de Vries"));
    }

    @Test
    void aTimeframeRevisionShowsTheWordsAndTheirReading() {
        assertThat(AuditChanges.of(new ActionTimeframeRevisedEvent(action("30"), RANGE_2024_2025,
                new Timeframe(TimeframeType.FROM, "Vanaf 2026", 2026, null), "r")))
                .containsExactly(new FieldChange("timeframe", "2024 - 2025 (RANGE 2024-2025)", "Vanaf 2026 (FROM 2026)"));
    }

    @Test
    void resetClearsTheTrail() {
        projection.reset();

        verify(repository).deleteAllInBatch();
    }
}
