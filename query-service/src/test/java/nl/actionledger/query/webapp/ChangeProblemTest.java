package nl.actionledger.query.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import nl.actionledger.query.webapp.ActionChangeForm.ChangeProblem;
import org.junit.jupiter.api.Test;

/** How the page tells each refused change, and with which status it answers. */
class ChangeProblemTest {

    @Test
    void aStaleVersionIsToldPlainlyAndTheFormIsNotOfferedAgain() {
        assertThat(ChangeProblem.of(new ChangeOutcome.Stale()))
                .isEqualTo(new ChangeProblem("change.stale", null, true, 412));
    }

    @Test
    void aRefusalShowsCommandServicesDetailWithItsStatus() {
        assertThat(ChangeProblem.of(new ChangeOutcome.Refused(422, "The action is already IN_PROGRESS.")))
                .isEqualTo(new ChangeProblem("change.refused", "The action is already IN_PROGRESS.", false, 422));
    }

    @Test
    void aFailureOfCommandServiceIsNeverAnswered500() {
        assertThat(ChangeProblem.of(new ChangeOutcome.Refused(500, null)))
                .isEqualTo(new ChangeProblem("change.failed", null, false, 503));
        assertThat(ChangeProblem.of(new ChangeOutcome.Unreachable()))
                .isEqualTo(new ChangeProblem("change.unreachable", null, false, 503));
    }

    @Test
    void credentialsThatNoLongerWorkAskToSignInAgain() {
        assertThat(ChangeProblem.of(new ChangeOutcome.SignInAgain()))
                .isEqualTo(new ChangeProblem("change.signInAgain", null, false, 401));
    }
}
