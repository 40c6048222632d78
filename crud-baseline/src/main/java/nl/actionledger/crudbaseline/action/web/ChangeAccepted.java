package nl.actionledger.crudbaseline.action.web;

/** The answer to an accepted change, as Action Ledger gives it: the action and the version the change gave it. */
record ChangeAccepted(String planId, String actionId, long version) {}
