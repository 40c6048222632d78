package nl.actionledger.events;

/** The metadata every event carries besides its own timestamp. */
public final class EventMetadataKeys {

    /** The authenticated user who made the change ({@code system} for the registration of the plan). */
    public static final String ACTOR = "actor";
    /** The request's {@code X-Correlation-Id}, or one generated for it. */
    public static final String CORRELATION_ID = "correlationId";
    /** The actor of changes the system makes itself; no user may sign in under this name, in any case. */
    public static final String SYSTEM_ACTOR = "system";

    private EventMetadataKeys() {
    }
}
