package nl.actionledger.command.action;

import static nl.actionledger.events.ImplementationStatus.COMPLETED;
import static nl.actionledger.events.ImplementationStatus.CONTINUOUS;
import static nl.actionledger.events.ImplementationStatus.DISCONTINUED;
import static nl.actionledger.events.ImplementationStatus.IN_PROGRESS;
import static nl.actionledger.events.ImplementationStatus.NOT_STARTED;
import static nl.actionledger.events.ImplementationStatus.ON_HOLD;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import nl.actionledger.command.action.ActionChangeRejectedException.Reason;
import nl.actionledger.command.person.PersonDirectory;
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
import nl.actionledger.support.person.ContactSeal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActionTest {

    private static final ActionRef ACTION = ActionRef.of("eu-wap-nl", "28");
    private static final Timeframe CONTINUOUS_TIMEFRAME =
            new Timeframe(TimeframeType.CONTINUOUS, "Doorlopend", null, null);
    private static final Timeframe RANGE_2024_2025 = new Timeframe(TimeframeType.RANGE, "2024 - 2025", 2024, 2025);

    private static final Requester ADMIN = new Requester("admin", null, true);
    private static final Requester LVVN_COORDINATOR = new Requester("coordinator", "lvvn", false);
    private static final Requester NVWA_COORDINATOR = new Requester("inspector", "nvwa", false);

    private AggregateTestFixture<Action> fixture;

    private final InMemoryPeople people = new InMemoryPeople();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Action.class);
        fixture.registerCommandTargetResolver(new ActionCommandTargets());
        fixture.registerInjectableResource(people);
    }

    private String opened(Assignment assignment) {
        return ContactSeal.open(people.keyOf(assignment.contactPersonId()).orElseThrow(), assignment.contactPerson())
                .orElseThrow();
    }

    private static Matcher<Object> reassigned(Predicate<ActionReassignedEvent> expected) {
        return new CustomTypeSafeMatcher<>("a reassignment as expected") {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof ActionReassignedEvent event && expected.test(event);
            }
        };
    }

    /** People in memory: the same name at the same organisation is the same person, as in the database. */
    static final class InMemoryPeople implements PersonDirectory {

        private final Map<String, NamedPerson> byName = new HashMap<>();
        private final Map<String, byte[]> keys = new HashMap<>();

        @Override
        public NamedPerson personFor(String organisationId, String name) {
            return byName.computeIfAbsent(organisationId + "\n" + name, ignored -> {
                NamedPerson person = new NamedPerson(UUID.randomUUID().toString(), ContactSeal.newKey());
                keys.put(person.personId(), person.key());
                return person;
            });
        }

        @Override
        public Optional<byte[]> keyOf(String personId) {
            return Optional.ofNullable(keys.get(personId));
        }

        @Override
        public void deleteKey(String personId) {
            keys.remove(personId);
        }

        String idOf(String organisationId, String name) {
            return personFor(organisationId, name).personId();
        }

        Assignment sealed(String organisationId, String name) {
            NamedPerson person = personFor(organisationId, name);
            return Assignment.of(organisationId, ContactSeal.seal(person.key(), person.personId(), name));
        }
    }

    private static ActionRegisteredEvent registered(ImplementationStatus status, Timeframe timeframe) {
        return new ActionRegisteredEvent(
                ACTION,
                28,
                "Develop and use state-of-the-art tools",
                new Objective(9, "Improve rate of detection", false),
                new Priority(3, "Enforcing regulations"),
                new Commitment(new TreeSet<>(EnumSet.of(CommitmentLevel.NATIONAL)), null),
                timeframe,
                status,
                "nl-eu-wildlife-trafficking-action-plan.tsv",
                List.of());
    }

    @Test
    void registrationRecordsTheWholeBaseline() {
        ActionRegisteredEvent expected = registered(CONTINUOUS, CONTINUOUS_TIMEFRAME);
        fixture.givenNoPriorActivity()
                .when(new RegisterActionCommand(
                        ACTION,
                        28,
                        expected.description(),
                        expected.objective(),
                        expected.priority(),
                        expected.commitment(),
                        CONTINUOUS_TIMEFRAME,
                        CONTINUOUS,
                        expected.source(),
                        List.of()))
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
                .expectException(rejection(Reason.NO_CHANGE, "The status is already CONTINUOUS."));
    }

    @Test
    void leavingCompletedIsRecordedAsReopening() {
        fixture.given(registered(COMPLETED, RANGE_2024_2025))
                .when(new ChangeActionStatusCommand(ACTION, IN_PROGRESS, "New evidence of trade", null, ADMIN))
                .expectEvents(new ActionReopenedEvent(ACTION, COMPLETED, IN_PROGRESS, "New evidence of trade"));
    }

    @Test
    void leavingDiscontinuedIsRecordedAsReopening() {
        fixture.given(
                        registered(NOT_STARTED, RANGE_2024_2025),
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
    void firstAssignmentSealsTheContactsNameUnderTheirPersonsKey() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ReassignActionCommand(ACTION, "nvwa", "J. Jansen", "NVWA leads enforcement", null, ADMIN))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        reassigned(event -> event.previousAssignment() == null
                                && event.newAssignment().organisationId().equals("nvwa")
                                && event.newAssignment().legacyContact() == null
                                && event.newAssignment().contactPersonId().equals(people.idOf("nvwa", "J. Jansen"))
                                && opened(event.newAssignment()).equals("J. Jansen")
                                && !event.toString().contains("Jansen")),
                        andNoMore())));
    }

    @Test
    void changingOnlyTheContactIsAReassignmentToAnotherPerson() {
        Assignment before = people.sealed("nvwa", "J. Jansen");
        fixture.given(
                        registered(NOT_STARTED, RANGE_2024_2025),
                        new ActionReassignedEvent(ACTION, null, before, "first"))
                .when(new ReassignActionCommand(ACTION, "nvwa", "P. de Vries", "Jansen retired", null, ADMIN))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        reassigned(event -> event.previousAssignment().equals(before)
                                && event.newAssignment().contactPersonId().equals(people.idOf("nvwa", "P. de Vries"))
                                && !event.newAssignment().contactPersonId().equals(before.contactPersonId())
                                && opened(event.newAssignment()).equals("P. de Vries")),
                        andNoMore())));
    }

    @Test
    void rejectsReassignmentToTheCurrentAssignee() {
        Assignment nvwa = Assignment.of("nvwa");
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025), new ActionReassignedEvent(ACTION, null, nvwa, "first"))
                .when(new ReassignActionCommand(ACTION, "nvwa", null, "again", null, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.NO_CHANGE, "already assigned to nvwa."));
    }

    @Test
    void rejectsReassignmentToTheSamePersonWithoutNamingThemInTheRefusal() {
        fixture.given(
                        registered(NOT_STARTED, RANGE_2024_2025),
                        new ActionReassignedEvent(ACTION, null, people.sealed("nvwa", "J. Jansen"), "first"))
                .when(new ReassignActionCommand(ACTION, "nvwa", "J. Jansen", "again", null, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.NO_CHANGE, "already assigned to nvwa"))
                .expectExceptionMessage(
                        allOf(not(containsString("Jansen")), containsString(people.idOf("nvwa", "J. Jansen"))));
    }

    @Test
    void theSameNameAtAnotherOrganisationIsAnotherPerson() {
        fixture.given(
                        registered(NOT_STARTED, RANGE_2024_2025),
                        new ActionReassignedEvent(ACTION, null, people.sealed("nvwa", "J. Jansen"), "first"))
                .when(new ReassignActionCommand(ACTION, "douane", "J. Jansen", "moved", null, ADMIN))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        reassigned(event -> event.newAssignment()
                                        .contactPersonId()
                                        .equals(people.idOf("douane", "J. Jansen"))
                                && !event.newAssignment().contactPersonId().equals(people.idOf("nvwa", "J. Jansen"))),
                        andNoMore())));
    }

    @Test
    void aContactNamedInClearTextBeforeIsNotCopiedIntoTheNextEvent() {
        Assignment legacy = new Assignment("nvwa", null, "K. Bakker");
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025), new ActionReassignedEvent(ACTION, null, legacy, "old"))
                .when(new ReassignActionCommand(ACTION, "douane", null, "customs now", null, ADMIN))
                .expectEvents(new ActionReassignedEvent(
                        ACTION, Assignment.of("nvwa"), Assignment.of("douane"), "customs now"));
    }

    @Test
    void theSameNameOnceNamedInClearTextIsRecordedAgainSealed() {
        Assignment legacy = new Assignment("nvwa", null, "K. Bakker");
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025), new ActionReassignedEvent(ACTION, null, legacy, "old"))
                .when(new ReassignActionCommand(ACTION, "nvwa", "K. Bakker", "erasable from now on", null, ADMIN))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        reassigned(event -> event.previousAssignment().equals(Assignment.of("nvwa"))
                                && opened(event.newAssignment()).equals("K. Bakker")),
                        andNoMore())));
    }

    @Test
    void timeframeRevisionRecordsBothTimeframes() {
        Timeframe from2026 = new Timeframe(TimeframeType.FROM, "from 2026", 2026, null);
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ReviseActionTimeframeCommand(ACTION, from2026, "Delayed by the directive", null, ADMIN))
                .expectEvents(
                        new ActionTimeframeRevisedEvent(ACTION, RANGE_2024_2025, from2026, "Delayed by the directive"));
    }

    @Test
    void rejectsTimeframeRevisionThatMeansTheSameInOtherWords() {
        fixture.given(registered(CONTINUOUS, CONTINUOUS_TIMEFRAME))
                .when(new ReviseActionTimeframeCommand(
                        ACTION,
                        new Timeframe(TimeframeType.CONTINUOUS, "continuous", null, null),
                        "English please",
                        null,
                        ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.NO_CHANGE, "The timeframe is already"));
    }

    @Test
    void rejectsTimeframeRevisionWithoutReason() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ReviseActionTimeframeCommand(ACTION, CONTINUOUS_TIMEFRAME, "  ", null, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.INVALID_REASON, "Every change needs a reason."));
    }

    @Test
    void rejectsReasonLongerThanTwoThousandCharacters() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ChangeActionStatusCommand(ACTION, IN_PROGRESS, "x".repeat(2001), null, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.INVALID_REASON, "at most 2000 characters"));
    }

    @Test
    void acceptsChangeAtTheExpectedVersion() {
        fixture.given(
                        registered(NOT_STARTED, RANGE_2024_2025),
                        new ActionStatusChangedEvent(ACTION, NOT_STARTED, IN_PROGRESS, "started"))
                .when(new ChangeActionStatusCommand(ACTION, ON_HOLD, "waiting for budget", 1L, ADMIN))
                .expectEvents(new ActionStatusChangedEvent(ACTION, IN_PROGRESS, ON_HOLD, "waiting for budget"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void rejectsChangeAtAStaleVersion() {
        fixture.given(
                        registered(NOT_STARTED, RANGE_2024_2025),
                        new ActionStatusChangedEvent(ACTION, NOT_STARTED, IN_PROGRESS, "started"))
                .when(new ChangeActionStatusCommand(ACTION, ON_HOLD, "waiting", 0L, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.VERSION_MISMATCH, "at version 1, not 0."));
    }

    @Test
    void rejectsChangeAtAVersionThatDoesNotExistYet() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ReassignActionCommand(ACTION, "douane", null, "customs", 5L, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Reason.VERSION_MISMATCH, "at version 0, not 5."));
    }

    @Test
    void aCoordinatorChangesActionsOfTheirOwnOrganisation() {
        Assignment lvvn = Assignment.of("lvvn");
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025), new ActionReassignedEvent(ACTION, null, lvvn, "ours"))
                .when(new ChangeActionStatusCommand(ACTION, IN_PROGRESS, "started", null, LVVN_COORDINATOR))
                .expectEvents(new ActionStatusChangedEvent(ACTION, NOT_STARTED, IN_PROGRESS, "started"));
    }

    @Test
    void aCoordinatorMayHandTheirActionOverToAnotherOrganisation() {
        Assignment lvvn = Assignment.of("lvvn");
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025), new ActionReassignedEvent(ACTION, null, lvvn, "ours"))
                .when(new ReassignActionCommand(ACTION, "nvwa", null, "enforcement is theirs", null, LVVN_COORDINATOR))
                .expectEvents(new ActionReassignedEvent(ACTION, lvvn, Assignment.of("nvwa"), "enforcement is theirs"));
    }

    @Test
    void rejectsAChangeByACoordinatorOfAnotherOrganisation() {
        fixture.given(
                        registered(NOT_STARTED, RANGE_2024_2025),
                        new ActionReassignedEvent(ACTION, null, Assignment.of("lvvn"), "ours"))
                .when(new ReviseActionTimeframeCommand(
                        ACTION, CONTINUOUS_TIMEFRAME, "not yours", null, NVWA_COORDINATOR))
                .expectNoEvents()
                .expectException(rejection(Reason.NOT_PERMITTED, "is assigned to lvvn;"));
    }

    @Test
    void rejectsAChangeByACoordinatorOfAnUnassignedAction() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ReassignActionCommand(ACTION, "lvvn", null, "claim it", null, LVVN_COORDINATOR))
                .expectNoEvents()
                .expectException(rejection(Reason.NOT_PERMITTED, "no organisation yet"));
    }

    @Test
    void checksPermissionBeforeTellingWhetherAChangeWouldChangeAnything() {
        fixture.given(registered(NOT_STARTED, RANGE_2024_2025))
                .when(new ChangeActionStatusCommand(ACTION, NOT_STARTED, "probe", null, NVWA_COORDINATOR))
                .expectException(rejection(Reason.NOT_PERMITTED, "no organisation yet"));
    }

    /** A refusal for {@code reason} whose message tells the client why: clients see it in the problem's detail. */
    private static Matcher<?> rejection(Reason reason, String explanation) {
        return allOf(
                instanceOf(ActionChangeRejectedException.class),
                hasProperty("message", containsString(explanation)),
                new TypeSafeMatcher<ActionChangeRejectedException>() {
                    @Override
                    protected boolean matchesSafely(ActionChangeRejectedException ex) {
                        return ex.reason() == reason;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("rejection for " + reason);
                    }
                });
    }
}
