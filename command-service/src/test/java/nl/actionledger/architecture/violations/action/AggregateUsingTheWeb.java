package nl.actionledger.architecture.violations.action;

import nl.actionledger.architecture.violations.action.web.ActionRequest;

/** Breaks the rule that features do not know the web. */
class AggregateUsingTheWeb {

    void handle(ActionRequest request) {}

    PublicButUsedOnlyHere sameSide;
}
