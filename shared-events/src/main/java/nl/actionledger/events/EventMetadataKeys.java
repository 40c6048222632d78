package nl.actionledger.events;

/** The metadata every event carries besides its own timestamp. */
public final class EventMetadataKeys {

    /**
     * The authenticated user who made the change, as a stable id ({@code system} for the registration of the plan).
     * The hash chain covers it.
     */
    public static final String ACTOR = "actor";
    /**
     * The actor's display name when the change was made (a token's {@code preferred_username}, say), for people to
     * read; absent when the sign-in gives none. Not covered by the hash chain: the actor is the identity.
     */
    public static final String ACTOR_NAME = "actorName";
    /** The request's {@code X-Correlation-Id}, or one generated for it. */
    public static final String CORRELATION_ID = "correlationId";
    /** The actor of changes the system makes itself; no user may sign in under this name, in any case. */
    public static final String SYSTEM_ACTOR = "system";

    private EventMetadataKeys() {}
}
