package nl.actionledger.command.organisation;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.instanceOf;

import java.util.List;
import nl.actionledger.command.organisation.OrganisationRejectedException.Reason;
import nl.actionledger.events.OrganisationChangedEvent;
import nl.actionledger.events.OrganisationRegisteredEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganisationTest {

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        fixture.registerCommandTargetResolver(new OrganisationCommandTargets());
    }

    @Test
    void registersAnOrganisationNotYetListed() {
        fixture.givenNoPriorActivity()
                .when(new DefineOrganisationCommand("lvvn", "Ministerie van LVVN", List.of("LNV"), "the ministry"))
                .expectEvents(
                        new OrganisationRegisteredEvent("lvvn", "Ministerie van LVVN", List.of("LNV"), "the ministry"))
                .expectResultMessagePayload(new OrganisationDefined(0, true));
    }

    @Test
    void changesTheNameAndAliasesOfAListedOrganisationWithBeforeAndAfter() {
        fixture.given(new OrganisationRegisteredEvent("lvvn", "Ministerie van LNV", List.of("LNV"), "listed"))
                .when(new DefineOrganisationCommand(
                        "lvvn", "Ministerie van LVVN", List.of("LNV", "LVVN ministry"), "renamed"))
                .expectEvents(new OrganisationChangedEvent(
                        "lvvn",
                        "Ministerie van LNV",
                        List.of("LNV"),
                        "Ministerie van LVVN",
                        List.of("LNV", "LVVN ministry"),
                        "renamed"))
                .expectResultMessagePayload(new OrganisationDefined(1, false));
    }

    @Test
    void rejectsADefinitionThatChangesNothing() {
        fixture.given(new OrganisationRegisteredEvent("nvwa", "NVWA", List.of(), "listed"))
                .when(new DefineOrganisationCommand("nvwa", "NVWA", List.of(), "again"))
                .expectNoEvents()
                .expectException(rejection(Reason.NO_CHANGE));
    }

    @Test
    void rejectsAnIdThatIsNotALowerCaseSlug() {
        fixture.givenNoPriorActivity()
                .when(new DefineOrganisationCommand("NVWA", "NVWA", List.of(), "upper case"))
                .expectNoEvents()
                .expectException(rejection(Reason.INVALID_ORGANISATION_ID));
    }

    @Test
    void rejectsADefinitionWithoutAReason() {
        fixture.givenNoPriorActivity()
                .when(new DefineOrganisationCommand("nvwa", "NVWA", List.of(), " "))
                .expectNoEvents()
                .expectException(rejection(Reason.INVALID_REASON));
    }

    private static Matcher<?> rejection(Reason reason) {
        return allOf(
                instanceOf(OrganisationRejectedException.class), new TypeSafeMatcher<OrganisationRejectedException>() {
                    @Override
                    protected boolean matchesSafely(OrganisationRejectedException ex) {
                        return ex.reason() == reason;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("rejection for " + reason);
                    }
                });
    }
}
