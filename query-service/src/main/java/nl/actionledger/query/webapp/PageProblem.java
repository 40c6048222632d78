package nl.actionledger.query.webapp;

import nl.actionledger.query.refusals.NotFoundException;

/**
 * What a page tells the user about a question it could not answer (a period that ends before it starts, a date before
 * the plan existed), by the API's error code: the page shows the message of {@code problem.<errorCode>} in the user's
 * language, or the API's English message for a code it has no text for.
 */
record PageProblem(String errorCode, String message) {

    /**
     * A date before the plan entered the ledger is a problem of the question, shown on the page; an unknown plan is
     * not found at all (NotFoundPage).
     */
    static PageProblem unlessUnknownPlan(NotFoundException e) {
        if ("PLAN_NOT_YET_REGISTERED".equals(e.errorCode())) {
            return new PageProblem(e.errorCode(), e.getMessage());
        }
        throw e;
    }
}
