package nl.actionledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class RebuildTest {

    /** The rebuild travels in the replay token, which the token store keeps as JSON: another instance reads it back. */
    @Test
    void aRebuildSurvivesTheTokenStore() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        TrackingToken replay = ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(10, Set.of()), null, Rebuild.of(Projection.AUDIT_TRAIL));

        SerializedObject<byte[]> stored = serializer.serialize(replay, byte[].class);
        TrackingToken readBack = serializer.deserialize(stored);

        assertThat(ReplayToken.replayContext(readBack, Rebuild.class)).contains(Rebuild.of(Projection.AUDIT_TRAIL));
        assertThat(Replays.rebuilding(readBack, Projection.AUDIT_TRAIL)).isTrue();
        assertThat(Replays.rebuilding(readBack, Projection.ACTION_VIEWS)).isFalse();
    }

    @Test
    void aReplayWithoutARebuildRebuildsEveryProjection() {
        TrackingToken firstStart = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(10, Set.of()), null);

        assertThat(Replays.rebuilding(firstStart, Projection.ACTION_VIEWS)).isTrue();
        assertThat(Replays.rebuilding(firstStart, Projection.AUDIT_TRAIL)).isTrue();
    }

    /** An export may page up to below the first gap: a transaction holding that position may still commit. */
    @Test
    void aTokenCoversTheEventsBelowItsFirstGap() {
        assertThat(StoredTokens.covered(GapAwareTrackingToken.newInstance(10, Set.of())))
                .isEqualTo(10);
        assertThat(StoredTokens.covered(GapAwareTrackingToken.newInstance(10, Set.of(7L, 9L))))
                .isEqualTo(6);
        TrackingToken replay = ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(10, Set.of(8L)),
                GapAwareTrackingToken.newInstance(3, Set.of()),
                Rebuild.of(Projection.ACTION_VIEWS));
        assertThat(StoredTokens.covered(replay)).isEqualTo(7);
        assertThat(StoredTokens.covered(
                        ((ReplayToken) replay).advancedTo(GapAwareTrackingToken.newInstance(12, Set.of()))))
                .isEqualTo(12);
    }
}
