package nl.actionledger.query;

import java.util.EnumSet;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;

/**
 * Which projections a replay rebuilds. It travels with the replay as the processor's reset context: each projection's
 * reset handler clears its tables only when it is named, and while the replay lasts (Axon keeps the context in the
 * stored replay token, so it survives a restart or a move to another instance) the projections not named skip the
 * replayed events, which they reflect already. Events the processor had not seen before the reset are not replays and
 * reach every projection.
 *
 * @param projections the projections cleared and rebuilt from the first event
 */
public record Rebuild(Set<Projection> projections) {

    public Rebuild {
        projections = Set.copyOf(projections);
    }

    public static Rebuild of(Projection projection) {
        return new Rebuild(EnumSet.of(projection));
    }

    public static Rebuild all() {
        return new Rebuild(EnumSet.allOf(Projection.class));
    }

    public boolean includes(Projection projection) {
        return projections.contains(projection);
    }

    /**
     * Whether {@code projection} leaves out this event: a replayed event of a rebuild that does not name it. A replay
     * without a rebuild (a processor's very first start over existing events) reaches every projection.
     */
    static boolean skips(Projection projection, Message<?> message) {
        return message instanceof EventMessage<?> event
                && ReplayToken.isReplay(event)
                && ReplayToken.replayContext(event, Rebuild.class)
                        .map(rebuild -> !rebuild.includes(projection))
                        .orElse(false);
    }
}
