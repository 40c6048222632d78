package nl.actionledger.command.action.web;

/** The answer to an accepted change: the action and the version the change gave it. */
record CommandAccepted(String planId, String actionId, long version) {
}
