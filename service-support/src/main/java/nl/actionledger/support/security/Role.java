package nl.actionledger.support.security;

/** What a user may do. ADMIN may do everything; an AUDITOR may also do what an EVALUATOR may. */
public enum Role {
    COORDINATOR,
    EVALUATOR,
    AUDITOR,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
