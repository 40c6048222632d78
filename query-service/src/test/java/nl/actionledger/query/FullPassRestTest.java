package nl.actionledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FullPassRestTest {

    private final AtomicLong now = new AtomicLong(5_000);

    @Test
    void theFirstPassStartsAtOnce() {
        assertThat(new FullPassRest(0.25, now::get).restLeftNanos()).isZero();
    }

    @Test
    void atAQuarterOfTheTimeTheNextPassWaitsThreeTimesAsLongAsTheLastTook() {
        FullPassRest rest = new FullPassRest(0.25, now::get);
        long started = now.get();
        now.addAndGet(1_000);
        rest.passEnded(started);
        assertThat(rest.restLeftNanos()).isEqualTo(3_000);
        now.addAndGet(2_000);
        assertThat(rest.restLeftNanos()).isEqualTo(1_000);
        now.addAndGet(1_000);
        assertThat(rest.restLeftNanos()).isZero();
    }

    @Test
    void allOfTheTimeMeansNoRest() {
        FullPassRest rest = new FullPassRest(1, now::get);
        long started = now.get();
        now.addAndGet(1_000);
        rest.passEnded(started);
        assertThat(rest.restLeftNanos()).isZero();
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedAtStart() {
        assertThatThrownBy(() -> new FullPassRest(0, now::get)).hasMessageContaining("FULL_PASSES_MAX_SHARE");
        assertThatThrownBy(() -> new FullPassRest(1.5, now::get)).hasMessageContaining("FULL_PASSES_MAX_SHARE");
    }
}
