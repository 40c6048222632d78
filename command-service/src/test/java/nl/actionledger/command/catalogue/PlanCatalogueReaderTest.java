package nl.actionledger.command.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.TimeframeType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlanCatalogueReaderTest {

    private static PlanCatalogue catalogue;

    @BeforeAll
    static void load() {
        catalogue = PlanCatalogueReader.read("eu-wap-nl");
    }

    @Test
    void loadsThePlanWithItsFourPrioritiesAsReadInTheDomain() {
        assertThat(catalogue.planId()).isEqualTo("eu-wap-nl");
        assertThat(catalogue.source()).isEqualTo("nl-eu-wildlife-trafficking-action-plan.tsv");
        assertThat(catalogue.priorities())
                .extracting(PriorityEntry::number, PriorityEntry::firstObjective, PriorityEntry::lastObjective)
                .containsExactly(tuple(1, 1, 4), tuple(2, 5, 8), tuple(3, 9, 14), tuple(4, 15, 17));
    }

    @Test
    void actionIdsAreUnique() {
        assertThat(catalogue.actions()).extracting(ActionEntry::id).doesNotHaveDuplicates();
    }

    @Test
    void actionsTwoAndTwentyEightSitUnderTheirObjectiveAndPriority() {
        ActionEntry two = action("2");
        assertThat(two.objective()).isEqualTo(1);
        assertThat(catalogue.objective(1))
                .get()
                .extracting(ObjectiveEntry::priority)
                .isEqualTo(1);

        ActionEntry twentyEight = action("28");
        assertThat(twentyEight.objective()).isEqualTo(9);
        assertThat(catalogue.objective(9))
                .get()
                .extracting(ObjectiveEntry::priority)
                .isEqualTo(3);
    }

    @Test
    void theUnnumberedActionHasNoEuNumberAndAnInferredObjectiveTwo() {
        assertThat(catalogue.actions())
                .filteredOn(action -> action.euActionNumber() == null)
                .singleElement()
                .satisfies(action -> {
                    assertThat(action.id()).isEqualTo("unnumbered-livelihoods");
                    assertThat(action.objective()).isEqualTo(2);
                    assertThat(action.objectiveInferred()).isTrue();
                    assertThat(action.notes())
                            .anySatisfy(note -> assertThat(note).contains("3-7"));
                });
        assertThat(catalogue.objective(2))
                .get()
                .extracting(ObjectiveEntry::inferred)
                .isEqualTo(true);
    }

    @Test
    void onlyTheUnnumberedActionHasAnInferredObjective() {
        assertThat(catalogue.actions())
                .filteredOn(ActionEntry::objectiveInferred)
                .extracting(ActionEntry::id)
                .containsExactly("unnumbered-livelihoods");
    }

    @Test
    void actionThirteenHasNoTimeframe() {
        assertThat(action("13").timeframe().type()).isEqualTo(TimeframeType.NOT_GIVEN);
        assertThat(action("13").timeframe().raw()).isEmpty();
    }

    @Test
    void actionThirtyNineKeepsItsRemark() {
        assertThat(action("39").commitment().levels()).containsExactly(CommitmentLevel.NATIONAL);
        assertThat(action("39").commitment().remark()).isEqualTo("Bestaande praktijk");
    }

    @Test
    void actionSixteenIsCommittedNationallyAndAtEuLevel() {
        assertThat(action("16").commitment().levels()).containsExactly(CommitmentLevel.NATIONAL, CommitmentLevel.EU);
        assertThat(action("16").commitment().remark()).isNull();
    }

    @Test
    void aMissingCatalogueIsReportedByItsPath() {
        assertThatThrownBy(() -> PlanCatalogueReader.read("no-such-plan"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/catalogue/no-such-plan.json");
    }

    @Test
    void aPlanIdThatIsNotASlugIsRejected() {
        assertThatThrownBy(() -> PlanCatalogueReader.read("../catalogue/eu-wap-nl"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid plan id");
    }

    @Test
    void theShippedCatalogueHasNoConsistencyProblems() {
        assertThat(PlanCatalogueReader.problemsIn(catalogue)).isEmpty();
    }

    @Test
    void validationReportsAnActionUnderAnUnknownObjective() {
        PlanCatalogue broken = withActionReplaced("28", copy(action("28"), "28", 28, 16));
        assertThat(PlanCatalogueReader.problemsIn(broken))
                .anySatisfy(problem -> assertThat(problem).contains("action 28").contains("objective 16"));
    }

    @Test
    void validationReportsAnIdThatDiffersFromTheEuNumber() {
        PlanCatalogue broken = withActionReplaced("28", copy(action("28"), "28", 29, 9));
        assertThat(PlanCatalogueReader.problemsIn(broken))
                .anySatisfy(problem -> assertThat(problem).contains("EU number 29"));
    }

    @Test
    void validationReportsADuplicateId() {
        PlanCatalogue broken = withActionReplaced("28", copy(action("28"), "29", 29, 9));
        assertThat(PlanCatalogueReader.problemsIn(broken))
                .anySatisfy(problem -> assertThat(problem).contains("'29' appears twice"));
    }

    @Test
    void validationReportsANumericIdWithoutEuNumber() {
        PlanCatalogue broken =
                withActionReplaced("unnumbered-livelihoods", copy(action("unnumbered-livelihoods"), "3", null, 2));
        assertThat(PlanCatalogueReader.problemsIn(broken))
                .anySatisfy(problem -> assertThat(problem).contains("must not be a number"));
    }

    @Test
    void validationReportsAnObjectiveOutsideItsPriority() {
        List<ObjectiveEntry> objectives = new ArrayList<>(catalogue.objectives());
        ObjectiveEntry nine = catalogue.objective(9).orElseThrow();
        objectives.set(objectives.indexOf(nine), new ObjectiveEntry(9, nine.text(), 2, false, nine.note()));
        PlanCatalogue broken = new PlanCatalogue(
                catalogue.planId(),
                catalogue.title(),
                catalogue.source(),
                catalogue.priorities(),
                objectives,
                catalogue.actions());

        assertThat(PlanCatalogueReader.problemsIn(broken))
                .anySatisfy(
                        problem -> assertThat(problem).contains("objective 9").contains("priority 2"));
    }

    private static ActionEntry action(String id) {
        ActionEntry action = catalogue.actionsById().get(id);
        assertThat(action).as("action %s", id).isNotNull();
        return action;
    }

    private static ActionEntry copy(ActionEntry action, String id, Integer euActionNumber, int objective) {
        return new ActionEntry(
                id,
                euActionNumber,
                objective,
                action.objectiveInferred(),
                action.description(),
                action.commitment(),
                action.timeframe(),
                action.sourceRow(),
                action.notes());
    }

    private static PlanCatalogue withActionReplaced(String id, ActionEntry replacement) {
        List<ActionEntry> actions = new ArrayList<>(catalogue.actions());
        actions.replaceAll(action -> action.id().equals(id) ? replacement : action);
        return new PlanCatalogue(
                catalogue.planId(),
                catalogue.title(),
                catalogue.source(),
                catalogue.priorities(),
                catalogue.objectives(),
                actions);
    }
}
