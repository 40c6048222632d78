package nl.actionledger.crudbaseline.action.web;

import nl.actionledger.crudbaseline.action.Action;
import nl.actionledger.crudbaseline.action.ImplementationStatus;

/** An action's current state, with the fields of Action Ledger's view that the benchmark reads. */
record ActionView(
        String planId,
        String actionId,
        ImplementationStatus status,
        String organisation,
        String contact,
        String timeframe,
        long version) {

    static ActionView of(Action action) {
        return new ActionView(
                action.getPlanId(),
                action.getActionId(),
                action.getStatus(),
                action.getOrganisation(),
                action.getContact(),
                action.getTimeframe(),
                action.getVersion());
    }
}
