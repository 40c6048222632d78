package nl.actionledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

/**
 * A rebuild of every projection reads positions as the processor does: a position passed without an event is a gap,
 * read again until its event comes, and the tokens it stores keep the gaps still open.
 */
class WholeHistoryTest {

    @Test
    void positionsPassedWithoutAnEventAreReadAgainUntilTheirEventsCome() {
        WholeHistory history = new WholeHistory(1, 20);
        long after = history.start();
        assertThat(after).isZero();

        after = history.passed(after, new long[] {1, 2, 4, 7});
        assertThat(after).isEqualTo(7);
        assertThat(history.missing()).containsExactly(3L, 5L, 6L);
        assertThat(history.tokenAt(Segment.ROOT_SEGMENT, after))
                .isEqualTo(GapAwareTrackingToken.newInstance(7, Set.of(3L, 5L, 6L)));

        after = history.passed(after, new long[] {5, 8});
        assertThat(after).isEqualTo(8);
        assertThat(history.missing()).containsExactly(3L, 6L);
        assertThat(history.tokenAt(Segment.ROOT_SEGMENT, 20))
                .isEqualTo(GapAwareTrackingToken.newInstance(20, Set.of(3L, 6L)));
    }

    @Test
    void aGapFarBehindIsGivenUpAsTheProcessorGivesItUp() {
        WholeHistory history = new WholeHistory(1, 50_000);

        long after = history.passed(history.start(), new long[] {1, 3});
        after = history.passed(after, new long[] {3 + WholeHistory.MAX_GAP_OFFSET});

        assertThat(history.missing()).doesNotContain(2L).hasSize(WholeHistory.MAX_GAP_OFFSET - 1);
        assertThat(after).isEqualTo(3 + WholeHistory.MAX_GAP_OFFSET);
    }
}
