package nl.actionledger.crudbaseline.action;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A change that is not made, answered as an RFC 9457 problem with the same status and {@code errorCode} as Action
 * Ledger gives for the same case. Spring MVC renders it as it is; nothing is stored.
 */
public class ChangeRefusedException extends ErrorResponseException {

    private ChangeRefusedException(HttpStatus status, String errorCode, String detail) {
        super(status, problem(status, errorCode, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String errorCode, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errorCode", errorCode);
        return problem;
    }

    static ChangeRefusedException actionNotFound(String planId, String actionId) {
        return new ChangeRefusedException(
                HttpStatus.NOT_FOUND, "ACTION_NOT_FOUND", "Plan " + planId + " has no action " + actionId + ".");
    }

    static ChangeRefusedException actionExists(String planId, String actionId) {
        return new ChangeRefusedException(
                HttpStatus.CONFLICT, "ACTION_EXISTS", "Plan " + planId + " already has an action " + actionId + ".");
    }

    static ChangeRefusedException notPermitted(Action action) {
        return new ChangeRefusedException(
                HttpStatus.FORBIDDEN,
                "NOT_PERMITTED",
                "Action " + action.getActionId()
                        + " is assigned to "
                        + (action.getOrganisation() == null ? "no organisation yet" : action.getOrganisation())
                        + "; only that organisation's coordinators or an admin may change it.");
    }

    static ChangeRefusedException versionMismatch(long actual, long expected) {
        return new ChangeRefusedException(
                HttpStatus.PRECONDITION_FAILED,
                "VERSION_MISMATCH",
                "The action is at version " + actual + ", not " + expected + ". Reload it and try again.");
    }

    /** Another writer changed the action between this request's read and its update. */
    static ChangeRefusedException changedMeanwhile(long expected) {
        return new ChangeRefusedException(
                HttpStatus.PRECONDITION_FAILED,
                "VERSION_MISMATCH",
                "The action is no longer at version " + expected + ". Reload it and try again.");
    }

    static ChangeRefusedException concurrentModification() {
        return new ChangeRefusedException(
                HttpStatus.CONFLICT,
                "CONCURRENT_MODIFICATION",
                "Someone else changed the action at the same time; nothing was stored. Try again.");
    }

    static ChangeRefusedException noChange() {
        return new ChangeRefusedException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "NO_CHANGE",
                "The change would change nothing. Nothing was recorded.");
    }

    public static ChangeRefusedException invalidIfMatch() {
        return new ChangeRefusedException(
                HttpStatus.BAD_REQUEST,
                "INVALID_IF_MATCH",
                "If-Match must be a version this service gave out as ETag, such as \"3\".");
    }
}
