package nl.actionledger.query;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The projections processor's tokens as stored in {@code query_model.token_entry}, whichever instance claims them: a
 * segment no instance processes, or one another instance replays, shows there and nowhere else.
 */
@Component
public class StoredTokens {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    /** @param serializer the one Axon's token store writes tokens with */
    StoredTokens(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Every segment's token, by segment; empty for a segment that has none yet. */
    public Map<Integer, Optional<TrackingToken>> bySegment() {
        Map<Integer, Optional<TrackingToken>> tokens = new HashMap<>();
        jdbc.sql("SELECT segment, token, token_type FROM query_model.token_entry WHERE processor_name = ?")
                .param(Projection.PROCESSOR)
                .query(rs -> {
                    byte[] token = rs.getBytes("token");
                    tokens.put(
                            rs.getInt("segment"),
                            token == null
                                    ? Optional.empty()
                                    : Optional.of(serializer.deserialize(new SimpleSerializedObject<>(
                                            token, byte[].class, rs.getString("token_type"), null))));
                });
        return tokens;
    }

    /**
     * The highest position at or below which every event has been handled by every segment, so that no event can
     * still arrive below it: what a reader paging by position may safely page up to. 0 while a segment has no token.
     */
    public long coveredPosition() {
        Map<Integer, Optional<TrackingToken>> tokens = bySegment();
        return tokens.values().stream()
                .mapToLong(token -> token.map(StoredTokens::covered).orElse(0L))
                .min()
                .orElse(0);
    }

    /**
     * Below the token's first gap: a gap is a position whose transaction may still commit. A replay has handled, with
     * the events it re-handles so far, everything its token at the reset had.
     */
    static long covered(TrackingToken token) {
        ReplayToken replay = WrappedToken.unwrap(token, ReplayToken.class).orElse(null);
        if (replay != null) {
            long current = replay.getCurrentToken() == null ? 0 : covered(replay.getCurrentToken());
            return Math.max(current, replay.getTokenAtReset() == null ? 0 : covered(replay.getTokenAtReset()));
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getGaps().isEmpty()
                    ? gapAware.getIndex()
                    : gapAware.getGaps().first() - 1;
        }
        return token.position().orElse(0);
    }

    /** Whether a replay that rebuilds the projection is still running, whichever instance runs it. */
    public boolean rebuilding(Projection projection) {
        return bySegment().values().stream()
                .flatMap(Optional::stream)
                .anyMatch(token -> Replays.rebuilding(token, projection));
    }
}
