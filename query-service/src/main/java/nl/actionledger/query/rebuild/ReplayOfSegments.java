package nl.actionledger.query.rebuild;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.actionledger.query.Rebuild;
import org.axonframework.common.ObjectUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * A rebuild of some of the projections: each segment's events that its token covered at the reset, exactly what the
 * processor's replay would replay (the events after it, and those in its gaps, reach every projection through the
 * processor afterwards). Part way, each token is a replay token that has come so far; at the end it is the token at
 * the reset again.
 */
final class ReplayOfSegments implements RebuildScope {

    private final Map<Segment, GapAwareTrackingToken> atReset;
    private final SequencingPolicy<? super EventMessage<?>> sequencing;
    private final Rebuild rebuild;

    ReplayOfSegments(
            Map<Segment, GapAwareTrackingToken> atReset,
            SequencingPolicy<? super EventMessage<?>> sequencing,
            Rebuild rebuild) {
        this.atReset = Map.copyOf(atReset);
        this.sequencing = sequencing;
        this.rebuild = rebuild;
    }

    @Override
    public long start() {
        return -1;
    }

    @Override
    public long upTo() {
        return atReset.values().stream()
                .mapToLong(GapAwareTrackingToken::getIndex)
                .max()
                .orElse(-1);
    }

    @Override
    public Collection<Long> missing() {
        return List.of();
    }

    @Override
    public long passed(long after, long[] positions) {
        return positions.length == 0 ? after : Math.max(after, positions[positions.length - 1]);
    }

    /** Whether the event was handled by its segment before the reset, as the processor's segments divide events. */
    @Override
    public boolean includes(StoredEvent event) {
        EventMessage<?> message = event.message();
        int hash = Objects.hashCode(
                ObjectUtils.getOrDefault(sequencing.getSequenceIdentifierFor(message), message::getIdentifier));
        return atReset.entrySet().stream()
                .filter(segment -> segment.getKey().matches(hash))
                .findFirst()
                .map(segment -> handled(segment.getValue(), event.globalIndex()))
                .orElse(false);
    }

    /**
     * Whether a token has handled the event at the position: at or below its index and not one of its gaps. (Axon's
     * {@code covers} compares two tokens, gaps included, not a token and one event.)
     */
    static boolean handled(GapAwareTrackingToken token, long position) {
        return position <= token.getIndex() && !token.getGaps().contains(position);
    }

    @Override
    public TrackingToken tokenAt(Segment segment, long position) {
        return progress(atReset.get(segment), position, rebuild);
    }

    /**
     * A replay token that has come as far as {@code position}: it covers what the token at the reset covered up to
     * there, its gaps left out, and nothing beyond.
     */
    static TrackingToken progress(GapAwareTrackingToken atReset, long position, Rebuild rebuild) {
        if (position >= atReset.getIndex()) {
            return atReset;
        }
        GapAwareTrackingToken current = GapAwareTrackingToken.newInstance(
                position, new ArrayList<>(atReset.getGaps().headSet(position)));
        return ReplayToken.createReplayToken(atReset, current, rebuild);
    }
}
