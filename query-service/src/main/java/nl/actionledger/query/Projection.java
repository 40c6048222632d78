package nl.actionledger.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * The projections of query-service. One streaming processor, {@value #PROCESSOR}, feeds all of them, so that each event
 * is read and deserialized once however many projections there are; each can still be rebuilt on its own
 * ({@link Rebuild}).
 */
public enum Projection {
    ACTION_TIMELINE("action-timeline"),
    ACTION_VIEWS("action-views"),
    AUDIT_TRAIL("audit-trail"),
    ORGANISATIONS("organisations");

    /** The processing group of every projection, under which the processor's token is stored. */
    public static final String PROCESSOR = "projections";

    private final String id;

    Projection(String id) {
        this.id = id;
    }

    /** The name operators use, in the admin API and in logs. */
    public String id() {
        return id;
    }

    public static Optional<Projection> named(String id) {
        return Arrays.stream(values())
                .filter(projection -> projection.id.equals(id))
                .findFirst();
    }
}
