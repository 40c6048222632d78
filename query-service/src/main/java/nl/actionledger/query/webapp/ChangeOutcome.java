package nl.actionledger.query.webapp;

/** What command-service answered to a change sent from the app, as the page tells it. */
sealed interface ChangeOutcome {

    /** Recorded: the action now has this version. */
    record Accepted(long version) implements ChangeOutcome {}

    /** 412: the action changed since the user loaded it (someone else changed it first). */
    record Stale() implements ChangeOutcome {}

    /** 401: the credentials kept at sign-in no longer work, or none were kept: the user has to sign in again. */
    record SignInAgain() implements ChangeOutcome {}

    /** Any other refusal (400, 403, 404, 409, 422, 429, 503 ...), with the problem's detail as command-service wrote it. */
    record Refused(int status, String detail) implements ChangeOutcome {}

    /** Command-service could not be reached or did not answer in time: the change may or may not be recorded. */
    record Unreachable() implements ChangeOutcome {}
}
