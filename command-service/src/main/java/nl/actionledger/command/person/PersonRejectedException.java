package nl.actionledger.command.person;

/** An erasure, or a name of a person, that the rules refuse; a stable error code. */
public class PersonRejectedException extends RuntimeException {

    /** Why; the web layer decides the HTTP status from it. */
    public enum Reason {
        /** The id in the address is not a person id (a UUID). */
        INVALID_PERSON_ID,
        /** No person has that id. */
        PERSON_NOT_FOUND,
        /** The person was erased before. */
        PERSON_ALREADY_ERASED,
        /** Without a usable reason. */
        INVALID_REASON
    }

    private final Reason reason;

    public PersonRejectedException(Reason reason, String message) {
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
