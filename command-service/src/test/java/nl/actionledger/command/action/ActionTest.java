package nl.actionledger.command.action;

import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import nl.actionledger.command.action.ActionChangeRejectedException.Reason;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.Commitment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Objective;
import nl.actionledger.events.Priority;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static nl.actionledger.events.ImplementationStatus.COMPLETED;
import static nl.actionledger.events.ImplementationStatus.CONTINUOUS;
import static nl.actionledger.events.ImplementationStatus.DISCONTINUED;
import static nl.actionledger.events.ImplementationStatus.IN_PROGRESS;
import static nl.actionledger.events.ImplementationStatus.NOT_STARTED;
import static nl.actionledger.events.ImplementationStatus.ON_HOLD;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;

class ActionTest {

    private static final ActionRef ACTION = ActionRef.of("eu-wap-nl", "28");
    private static final Timeframe CONTINUOUS_TIMEFRAME = new Timeframe(TimeframeType.CONTINUOUS, "Doorlopend", null, null);
    private static final Timeframe RANGE_2024_2025 = new Timeframe(TimeframeType.RANGE, "2024 - 2025", 2024, 2025);

    private static final Requester ADMIN = new Requester("admin", null, true);
    private static final Requester LVVN_COORDINATOR = new Requester("coordinator", "lvvn", false);
    private static final Requester NVWA_COORDINATOR = new Requester("inspector", "nvwa", false);

    private AggregateTestFixture<Action> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Action.class);
        fixture.registerCommandTargetResolver(new ActionCommandTargets());
    }

    private static ActionRegisteredEvent registered(ImplementationStatus status, Timeframe timeframe) {
        return new ActionRegisteredEvent(ACTION, 28, "Develop and use state-of-the-art tools",
                new Objective(9, "Improve rate of detection", false), new Priority(3, "Enforcing regulations"),
                new Commitment(new TreeSet<>(EnumSet.of(CommitmentLevel.NATIONAL)), null), timeframe, status,
                "nl-eu-wildlife-trafficking-action-plan.tsv", List.of());
    }

    @Test
    void registrationRecordsTheWholeBaseline() {
        ActionRegisteredEvent expected = registered(CONTINUOUS, CONTINUOUS_TIMEFRAME);
        fixture.givenNoPriorActivity()
                .when(new RegisterActionCommand(ACTION, 28, expected.description(), expected.objective(),
                        expected.priority(), expected.commitment(), CONTINUOUS_TIMEFRAME, CONTINUOUS,
                        expected.source(), List.of()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(expected);
    }

    @Test
    void statusChangeRecordsBeforeAndAfterAndReturnsTheNewVersion() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ChangeActionStatusCommand(ACTION, IN_PROGRESS, "Kick-off held", null, ADMIN))
                .expectEvents(new ActionStatusChangedEvent(ACTION, NOT_STARTED, IN_PROGRESS, "Kick-off held"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void rejectsStatusChangeToTheCurrentStatus() {
        fixture.given(registered(CONTINUOUS, CONTINUOUS_TIMEFRAME))
                .when(new ChangeActionStatusCommand(ACTION, CONTINUOUS, "Still going", null, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.NO_CHANGE));
    }

    @Test
    void leavingCompletedIsRecordedAsReopening() {
        fixture.given(registered(COMPLETED, RANGE_2024_2025))
                .when(new ChangeActionStatusCommand(ACTION, IN_PROGRESS, "New evidence of trade", null, ADMIN))
                .expectEvents(new ActionReopenedEvent(ACTION, COMPLETED, IN_PROGRESS, "New evidence of trade"));
    }

    @Test
    void leavingDiscontinuedIsRecordedAsReopening() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025),
                        new ActionStatusChangedEvent(ACTION, NOT_STARTED, DISCONTINUED, "Budget cut"))
                .when(new ChangeActionStatusCommand(ACTION, ON_HOLD, "Budget back", null, ADMIN))
                .expectEvents(new ActionReopenedEvent(ACTION, DISCONTINUED, ON_HOLD, "Budget back"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void movingBetweenClosedStatusesIsAnOrdinaryStatusChange() {
        fixture.given(registered(COMPLETED, RANGE_2024_2025))
                .when(new ChangeActionStatusCommand(ACTION, DISCONTINUED, "Was never finished", null, ADMIN))
                .expectEvents(new ActionStatusChangedEvent(ACTION, COMPLETED, DISCONTINUED, "Was never finished"));
    }

    @Test
    void firstAssignmentHasNoPreviousAssignment() {
        Assignment nvwa = new Assignment("nvwa", "J. Jansen");
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ReassignActionCommand(ACTION, nvwa, "NVWA leads enforcement", null, ADMIN))
                .expectEvents(new ActionReassignedEvent(ACTION, null, nvwa, "NVWA leads enforcement"));
    }

    @Test
    void changingOnlyTheContactIsAReassignment() {
        Assignment before = new Assignment("nvwa", "J. Jansen");
        Assignment after = new Assignment("nvwa", "P. de Vries");
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025),
                        new ActionReassignedEvent(ACTION, null, before, "first"))
                .when(new ReassignActionCommand(ACTION, after, "Jansen retired", null, ADMIN))
                .expectEvents(new ActionReassignedEvent(ACTION, before, after, "Jansen retired"));
    }

    @Test
    void rejectsReassignmentToTheCurrentAssignee() {
        Assignment nvwa = new Assignment("nvwa", null);
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025), new ActionReassignedEvent(ACTION, null, nvwa, "first"))
                .when(new ReassignActionCommand(ACTION, new Assignment("nvwa", null), "again", null, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.NO_CHANGE));
    }

    @Test
    void timeframeRevisionRecordsBothTimeframes() {
        Timeframe from2026 = new Timeframe(TimeframeType.FROM, "from 2026", 2026, null);
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ReviseActionTimeframeCommand(ACTION, from2026, "Delayed by the directive", null, ADMIN))
                .expectEvents(new ActionTimeframeRevisedEvent(ACTION, RANGE_2024_2025, from2026, "Delayed by the directive"));
    }

    @Test
    void rejectsTimeframeRevisionThatMeansTheSameInOtherWords() {
        fixture.given(registered(CONTINUOUS, CONTINUOUS_TIMEFRAME))
                .when(new ReviseActionTimeframeCommand(ACTION,
                        new Timeframe(TimeframeType.CONTINUOUS, "continuous", null, null), "English please", null, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.NO_CHANGE));
    }

    @Test
    void rejectsTimeframeRevisionWithoutReason() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ReviseActionTimeframeCommand(ACTION, CONTINUOUS_TIMEFRAME, "  ", null, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.INVALID_REASON));
    }

    @Test
    void rejectsReasonLongerThanTwoThousandCharacters() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ChangeActionStatusCommand(ACTION, IN_PROGRESS, "x".repeat(2001), null, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.INVALID_REASON));
    }

    @Test
    void acceptsChangeAtTheExpectedVersion() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025),
                        new ActionStatusChangedEvent(ACTION, NOT_STARTED, IN_PROGRESS, "started"))
                .when(new ChangeActionStatusCommand(ACTION, ON_HOLD, "waiting for budget", 1L, ADMIN))
                .expectEvents(new ActionStatusChangedEvent(ACTION, IN_PROGRESS, ON_HOLD, "waiting for budget"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void rejectsChangeAtAStaleVersion() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025),
                        new ActionStatusChangedEvent(ACTION, NOT_STARTED, IN_PROGRESS, "started"))
                .when(new ChangeActionStatusCommand(ACTION, ON_HOLD, "waiting", 0L, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.VERSION_MISMATCH));
    }

    @Test
    void rejectsChangeAtAVersionThatDoesNotExistYet() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ReassignActionCommand(ACTION, new Assignment("douane", null), "customs", 5L, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.VERSION_MISMATCH));
    }

    @Test
    void aCoordinatorChangesActionsOfTheirOwnOrganisation() {
        Assignment lvvn = new Assignment("lvvn", null);
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025), new ActionReassignedEvent(ACTION, null, lvvn, "ours"))
                .when(new ChangeActionStatusCommand(ACTION, IN_PROGRESS, "started", null, LVVN_COORDINATOR))
                .expectEvents(new ActionStatusChangedEvent(ACTION, NOT_STARTED, IN_PROGRESS, "started"));
    }

    @Test
    void aCoordinatorMayHandTheirActionOverToAnotherOrganisation() {
        Assignment lvvn = new Assignment("lvvn", null);
        Assignment nvwa = new Assignment("nvwa", "J. Jansen");
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025), new ActionReassignedEvent(ACTION, null, lvvn, "ours"))
                .when(new ReassignActionCommand(ACTION, nvwa, "enforcement is theirs", null, LVVN_COORDINATOR))
                .expectEvents(new ActionReassignedEvent(ACTION, lvvn, nvwa, "enforcement is theirs"));
    }

    @Test
    void rejectsAChangeByACoordinatorOfAnotherOrganisation() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025),
                        new ActionReassignedEvent(ACTION, null, new Assignment("lvvn", null), "ours"))
                .when(new ReviseActionTimeframeCommand(ACTION, CONTINUOUS_TIMEFRAME, "not yours", null, NVWA_COORDINATOR))
                .expectNoEvents()
                .expectException(rejection(Reason.NOT_PERMITTED));
    }

    @Test
    void rejectsAChangeByACoordinatorOfAnUnassignedAction() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ReassignActionCommand(ACTION, new Assignment("lvvn", null), "claim it", null, LVVN_COORDINATOR))
                .expectNoEvents()
                .expectException(rejection(Reason.NOT_PERMITTED));
    }

    @Test
    void checksPermissionBeforeTellingWhetherAChangeWouldChangeAnything() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ChangeActionStatusCommand(ACTION, NOT_STARTED, "probe", null, NVWA_COORDINATOR))
                .expectException(rejection(Reason.NOT_PERMITTED));
    }

    private static org.hamcrest.Matcher<?> rejection(Reason reason) {
        return allOf(instanceOf(ActionChangeRejectedException.class), hasProperty("message"),
                new org.hamcrest.TypeSafeMatcher<ActionChangeRejectedException>() {
                    @Override
                    protected boolean matchesSafely(ActionChangeRejectedException ex) {
                        return ex.reason() == reason;
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("rejection for " + reason);
                    }
                });
    }
}
