package nl.actionledger.query.action;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.inOneBatch;
import static nl.actionledger.query.TestEvents.message;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The current-status view's handlers and the batch they write, without a database: what each event does to the row,
 * several events of one action in one batch, and redelivery doing nothing.
 */
class CurrentActionProjectionTest {

    private static final Instant REGISTERED_AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant CHANGED_AT = Instant.parse("2026-03-01T10:15:00Z");

    private final ActionViewWriter writer = mock(ActionViewWriter.class);
    private final ActionViewProjection projection = new ActionViewProjection(writer);
    /** The table, as far as these tests are concerned. */
    private final Map<String, CurrentAction> rows = new HashMap<>();

    /** Hands the events to the projection in one batch and applies what it writes to {@link #rows}. */
    @SuppressWarnings("unchecked")
    private Set<CurrentAction> batch(Runnable events) {
        clearInvocations(writer);
        inOneBatch(events);
        ArgumentCaptor<List<RowChange>> written = ArgumentCaptor.forClass(List.class);
        verify(writer).write(written.capture());
        return ActionViewWriter.apply(written.getValue(), rows);
    }

    /** Hands the event to the projection's handler as the processor would, as an event of action 28. */
    private void on(Object event, long sequenceNumber, Instant at, String actor) {
        projection.on(event, message(action("28"), sequenceNumber, event, MetaData.with("actor", actor), at));
    }

    private void register() {
        on(
                registered(
                        "28",
                        9,
                        3,
                        ImplementationStatus.NOT_STARTED,
                        RANGE_2024_2025,
                        CommitmentLevel.NATIONAL,
                        CommitmentLevel.EU),
                0,
                REGISTERED_AT,
                "system");
    }

    private CurrentAction registeredRow() {
        assertThat(batch(this::register)).hasSize(1);
        return rows.get("eu-wap-nl/28");
    }

    private void changeStatus(
            ImplementationStatus from, ImplementationStatus to, long sequenceNumber, Instant at, String actor) {
        on(new ActionStatusChangedEvent(action("28"), from, to, "reason"), sequenceNumber, at, actor);
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
        assertThat(view.timeframe())
                .isEqualTo(new ActionView.TimeframeView("2024 - 2025", TimeframeType.RANGE, 2024, 2025));
        assertThat(view.status()).isEqualTo(ImplementationStatus.NOT_STARTED);
        assertThat(view.organisation()).isNull();
        assertThat(view.version()).isZero();
        assertThat(view.lastChangedAt()).isEqualTo(REGISTERED_AT);
        assertThat(view.lastChangedBy()).isEqualTo("system");
    }

    @Test
    void aRegistrationSeenTwiceCreatesNoSecondRow() {
        CurrentAction row = registeredRow();
        batch(() ->
                changeStatus(ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, 1, CHANGED_AT, "c"));

        assertThat(batch(this::register)).isEmpty();

        assertThat(rows).containsOnlyKeys("eu-wap-nl/28");
        assertThat(row.status()).isEqualTo(ImplementationStatus.IN_PROGRESS);
        assertThat(row.version()).isEqualTo(1);
    }

    @Test
    void statusChangeSetsStatusVersionAndWhoWhen() {
        CurrentAction row = registeredRow();

        batch(() -> changeStatus(
                ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, 1, CHANGED_AT, "coordinator"));

        assertThat(row.status()).isEqualTo(ImplementationStatus.IN_PROGRESS);
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.lastChangedAt()).isEqualTo(CHANGED_AT);
        assertThat(row.lastChangedBy()).isEqualTo("coordinator");
    }

    @Test
    void reopeningSetsTheNewStatus() {
        CurrentAction row = registeredRow();

        batch(() -> on(
                new ActionReopenedEvent(
                        action("28"), ImplementationStatus.COMPLETED, ImplementationStatus.ON_HOLD, "reopened"),
                1,
                CHANGED_AT,
                "admin"));

        assertThat(row.status()).isEqualTo(ImplementationStatus.ON_HOLD);
        assertThat(row.lastChangedBy()).isEqualTo("admin");
    }

    @Test
    void reassignmentSetsOrganisationAndContact() {
        CurrentAction row = registeredRow();

        batch(() -> on(
                new ActionReassignedEvent(action("28"), null, new Assignment("nvwa", null, "J. Jansen"), "lead"),
                1,
                CHANGED_AT,
                "coordinator"));

        assertThat(row.organisation()).isEqualTo("nvwa");
        assertThat(row.contact()).isEqualTo("J. Jansen");
    }

    @Test
    void timeframeRevisionSetsRawAndTypedTimeframe() {
        CurrentAction row = registeredRow();

        batch(() -> on(
                new ActionTimeframeRevisedEvent(
                        action("28"),
                        RANGE_2024_2025,
                        new Timeframe(TimeframeType.FROM, "Vanaf 2026", 2026, null),
                        "delayed"),
                1,
                CHANGED_AT,
                "coordinator"));

        assertThat(row.timeframeRaw()).isEqualTo("Vanaf 2026");
        assertThat(row.timeframeType()).isEqualTo(TimeframeType.FROM);
        assertThat(row.timeframeFrom()).isEqualTo(2026);
        assertThat(row.timeframeTo()).isNull();
    }

    @Test
    void aWholeLifeInOneBatchEndsAtItsLastEvent() {
        Set<CurrentAction> touched = batch(() -> {
            register();
            changeStatus(ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, 1, CHANGED_AT, "first");
            on(
                    new ActionReassignedEvent(action("28"), null, new Assignment("nvwa", null, "J. Jansen"), "lead"),
                    2,
                    CHANGED_AT.plusSeconds(60),
                    "second");
            changeStatus(
                    ImplementationStatus.IN_PROGRESS,
                    ImplementationStatus.COMPLETED,
                    3,
                    CHANGED_AT.plusSeconds(120),
                    "third");
        });

        assertThat(touched).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(ImplementationStatus.COMPLETED);
            assertThat(row.organisation()).isEqualTo("nvwa");
            assertThat(row.version()).isEqualTo(3);
            assertThat(row.lastChangedBy()).isEqualTo("third");
        });
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        CurrentAction row = registeredRow();
        batch(() -> {
            changeStatus(
                    ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, 1, CHANGED_AT, "coordinator");
            changeStatus(
                    ImplementationStatus.IN_PROGRESS,
                    ImplementationStatus.ON_HOLD,
                    2,
                    CHANGED_AT.plusSeconds(60),
                    "coordinator");
        });

        batch(() -> changeStatus(
                ImplementationStatus.NOT_STARTED,
                ImplementationStatus.IN_PROGRESS,
                1,
                CHANGED_AT,
                "someone-replaying"));

        assertThat(row.status()).isEqualTo(ImplementationStatus.ON_HOLD);
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.lastChangedBy()).isEqualTo("coordinator");
    }

    @Test
    void aChangeToAnActionNeverRegisteredIsRefused() {
        assertThatThrownBy(() -> batch(() -> changeStatus(
                        ImplementationStatus.NOT_STARTED,
                        ImplementationStatus.IN_PROGRESS,
                        1,
                        CHANGED_AT,
                        "coordinator")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before its registration");
    }

    @Test
    void aRebuildOfTheViewClearsIt() {
        projection.reset(Rebuild.of(Projection.ACTION_VIEWS));

        verify(writer).clear();
    }

    @Test
    void aRebuildOfAnotherProjectionLeavesTheViewAsItIs() {
        projection.reset(Rebuild.of(Projection.AUDIT_TRAIL));

        verify(writer, never()).clear();
    }
}
