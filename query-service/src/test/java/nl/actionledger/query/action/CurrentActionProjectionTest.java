package nl.actionledger.query.action;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The current-status view's handlers on their own: what each event does to the row, and redelivery doing nothing. */
class CurrentActionProjectionTest {

    private static final Instant REGISTERED_AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant CHANGED_AT = Instant.parse("2026-03-01T10:15:00Z");

    private final CurrentActionRepository repository = mock(CurrentActionRepository.class);
    private final ActionViewProjection projection = new ActionViewProjection(repository);

    private CurrentAction registeredRow() {
        ArgumentCaptor<CurrentAction> saved = ArgumentCaptor.forClass(CurrentAction.class);
        projection.on(registered("28", 9, 3, ImplementationStatus.NOT_STARTED, RANGE_2024_2025,
                CommitmentLevel.NATIONAL, CommitmentLevel.EU), 0, REGISTERED_AT, "system");
        verify(repository).save(saved.capture());
        CurrentAction row = saved.getValue();
        when(repository.findById("eu-wap-nl/28")).thenReturn(Optional.of(row));
        return row;
    }

    @Test
    void registrationCreatesTheRowWithTheWholeBaseline() {
        CurrentAction row = registeredRow();

        ActionView view = ActionView.of(row);
        assertThat(view.planId()).isEqualTo("eu-wap-nl");
        assertThat(view.actionId()).isEqualTo("28");
        assertThat(view.euActionNumber()).isEqualTo(28);
        assertThat(view.objective()).isEqualTo(new ActionView.ObjectiveView(9, "Objective 9", false));
        assertThat(view.priority()).isEqualTo(new ActionView.PriorityView(3, "Priority 3"));
        assertThat(view.commitment().levels()).containsExactlyInAnyOrder(CommitmentLevel.NATIONAL, CommitmentLevel.EU);
        assertThat(view.timeframe()).isEqualTo(new ActionView.TimeframeView("2024 - 2025", TimeframeType.RANGE, 2024, 2025));
        assertThat(view.status()).isEqualTo(ImplementationStatus.NOT_STARTED);
        assertThat(view.organisation()).isNull();
        assertThat(view.version()).isZero();
        assertThat(view.lastChangedAt()).isEqualTo(REGISTERED_AT);
        assertThat(view.lastChangedBy()).isEqualTo("system");
    }

    @Test
    void aRegistrationSeenTwiceIsSavedOnce() {
        when(repository.existsById("eu-wap-nl/28")).thenReturn(true);

        projection.on(registered("28", 9, 3, ImplementationStatus.NOT_STARTED, RANGE_2024_2025,
                CommitmentLevel.NATIONAL), 0, REGISTERED_AT, "system");

        verify(repository, never()).save(any());
    }

    @Test
    void statusChangeSetsStatusVersionAndWhoWhen() {
        CurrentAction row = registeredRow();

        projection.on(new ActionStatusChangedEvent(action("28"), ImplementationStatus.NOT_STARTED,
                ImplementationStatus.IN_PROGRESS, "started"), 1, CHANGED_AT, "coordinator");

        assertThat(row.status()).isEqualTo(ImplementationStatus.IN_PROGRESS);
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.lastChangedAt()).isEqualTo(CHANGED_AT);
        assertThat(row.lastChangedBy()).isEqualTo("coordinator");
    }

    @Test
    void reopeningSetsTheNewStatus() {
        CurrentAction row = registeredRow();

        projection.on(new ActionReopenedEvent(action("28"), ImplementationStatus.COMPLETED,
                ImplementationStatus.ON_HOLD, "reopened"), 1, CHANGED_AT, "admin");

        assertThat(row.status()).isEqualTo(ImplementationStatus.ON_HOLD);
        assertThat(row.lastChangedBy()).isEqualTo("admin");
    }

    @Test
    void reassignmentSetsOrganisationAndContact() {
        CurrentAction row = registeredRow();

        projection.on(new ActionReassignedEvent(action("28"), null, new Assignment("NVWA", "J. Jansen"), "lead"),
                1, CHANGED_AT, "coordinator");

        assertThat(row.organisation()).isEqualTo("NVWA");
        assertThat(row.contact()).isEqualTo("J. Jansen");
    }

    @Test
    void timeframeRevisionSetsRawAndTypedTimeframe() {
        CurrentAction row = registeredRow();

        projection.on(new ActionTimeframeRevisedEvent(action("28"), RANGE_2024_2025,
                new Timeframe(TimeframeType.FROM, "Vanaf 2026", 2026, null), "delayed"), 1, CHANGED_AT, "coordinator");

        assertThat(row.timeframeRaw()).isEqualTo("Vanaf 2026");
        assertThat(row.timeframeType()).isEqualTo(TimeframeType.FROM);
        assertThat(row.timeframeFrom()).isEqualTo(2026);
        assertThat(row.timeframeTo()).isNull();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        CurrentAction row = registeredRow();
        projection.on(new ActionStatusChangedEvent(action("28"), ImplementationStatus.NOT_STARTED,
                ImplementationStatus.IN_PROGRESS, "started"), 1, CHANGED_AT, "coordinator");
        projection.on(new ActionStatusChangedEvent(action("28"), ImplementationStatus.IN_PROGRESS,
                ImplementationStatus.ON_HOLD, "paused"), 2, CHANGED_AT.plusSeconds(60), "coordinator");

        projection.on(new ActionStatusChangedEvent(action("28"), ImplementationStatus.NOT_STARTED,
                ImplementationStatus.IN_PROGRESS, "started"), 1, CHANGED_AT, "someone-replaying");

        assertThat(row.status()).isEqualTo(ImplementationStatus.ON_HOLD);
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.lastChangedBy()).isEqualTo("coordinator");
    }

    @Test
    void resetClearsTheView() {
        projection.reset();

        verify(repository).deleteAllInBatch();
    }
}
