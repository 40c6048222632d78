package nl.actionledger.command.organisation;

/** A change to the list of organisations, or a name of an organisation, that the rules refuse; a stable error code. */
public class OrganisationRejectedException extends RuntimeException {

    /** Why; the web layer decides the HTTP status from it. */
    public enum Reason {
        /** The id in the address is not a lower-case slug. */
        INVALID_ORGANISATION_ID,
        /** An alias is malformed or given twice. */
        INVALID_ALIAS,
        /** An alias is another organisation's id or alias. */
        ALIAS_TAKEN,
        /** A request names an organisation that is not on the list. */
        UNKNOWN_ORGANISATION,
        /** The signed-in user's own organisation (setting or claim) is not on the list. */
        ORGANISATION_NOT_LISTED,
        /** The definition is the organisation's current one. */
        NO_CHANGE,
        /** Without a usable reason. */
        INVALID_REASON
    }

    private final Reason reason;

    public OrganisationRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String errorCode() {
        return reason.name();
    }
}
