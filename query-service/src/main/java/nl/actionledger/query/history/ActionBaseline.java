package nl.actionledger.query.history;

import nl.actionledger.query.action.ActionView;

/** What an action was registered with and no event changes: kept once, beside its states. */
record ActionBaseline(
        String aggregateId,
        String planId,
        String actionId,
        Integer euActionNumber,
        String description,
        ActionView.ObjectiveView objective,
        ActionView.PriorityView priority,
        ActionView.CommitmentView commitment) {

    /** The action as it stood in the given state, in the same shape as the current view. */
    ActionView viewIn(ActionState state) {
        return new ActionView(
                planId,
                actionId,
                euActionNumber,
                description,
                objective,
                priority,
                commitment,
                new ActionView.TimeframeView(
                        state.timeframe().raw(),
                        state.timeframe().type(),
                        state.timeframe().fromYear(),
                        state.timeframe().toYear()),
                state.status(),
                state.organisation(),
                null,
                state.contact(),
                null,
                false,
                false,
                state.sequenceNumber(),
                state.validFrom(),
                state.actor());
    }
}
