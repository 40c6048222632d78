package nl.actionledger.command.action.web;

/** A command did not finish in time: it may or may not have been recorded (503 {@code OUTCOME_UNKNOWN}). */
final class CommandOutcomeUnknownException extends RuntimeException {

    public CommandOutcomeUnknownException() {
        super("The change did not complete in time; check the action's history before retrying.");
    }
}
