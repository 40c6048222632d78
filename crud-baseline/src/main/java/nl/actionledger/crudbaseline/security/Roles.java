package nl.actionledger.crudbaseline.security;

/** The role names Action Ledger's tokens carry in their {@code roles} claim. */
final class Roles {

    static final String COORDINATOR = "COORDINATOR";
    static final String EVALUATOR = "EVALUATOR";
    static final String AUDITOR = "AUDITOR";
    static final String ADMIN = "ADMIN";

    private Roles() {}
}
