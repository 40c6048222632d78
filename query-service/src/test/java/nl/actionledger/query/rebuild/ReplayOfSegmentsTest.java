package nl.actionledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import nl.actionledger.query.Projection;
import nl.actionledger.query.Rebuild;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/**
 * The tokens a bulk rebuild of some projections stores after each page: should it stop there, the processor's own replay carries on from
 * them, so they must cover exactly the events loaded so far and leave the reset token's gaps to come.
 */
class ReplayOfSegmentsTest {

    private static final Rebuild REBUILD = Rebuild.of(Projection.AUDIT_TRAIL);
    private static final GapAwareTrackingToken AT_RESET = GapAwareTrackingToken.newInstance(100, Set.of(40L, 90L));

    @Test
    void partWayItIsAReplayThatCoversWhatWasLoadedWithTheGapsBelowIt() {
        TrackingToken progress = ReplayOfSegments.progress(AT_RESET, 60, REBUILD);

        assertThat(progress).isInstanceOf(ReplayToken.class);
        ReplayToken replay = (ReplayToken) progress;
        assertThat(replay.getTokenAtReset()).isEqualTo(AT_RESET);
        assertThat(replay.context()).isEqualTo(REBUILD);
        assertThat(replay.getCurrentToken()).isEqualTo(GapAwareTrackingToken.newInstance(60, Set.of(40L)));
        assertThat(ReplayToken.isReplay(replay.advancedTo(GapAwareTrackingToken.newInstance(61, Set.of(40L)))))
                .isTrue();
    }

    @Test
    void anEventIsReplayedWhenItsSegmentHadHandledItAtTheReset() {
        assertThat(ReplayOfSegments.handled(AT_RESET, 39)).isTrue();
        assertThat(ReplayOfSegments.handled(AT_RESET, 41)).isTrue();
        assertThat(ReplayOfSegments.handled(AT_RESET, 100)).isTrue();
        assertThat(ReplayOfSegments.handled(AT_RESET, 40)).isFalse();
        assertThat(ReplayOfSegments.handled(AT_RESET, 101)).isFalse();
    }

    @Test
    void atTheResetPositionItIsTheTokenAtTheResetItself() {
        assertThat(ReplayOfSegments.progress(AT_RESET, 100, REBUILD)).isEqualTo(AT_RESET);
        assertThat(ReplayOfSegments.progress(AT_RESET, 120, REBUILD)).isEqualTo(AT_RESET);
    }
}
