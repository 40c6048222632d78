package nl.actionledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RestBetweenRunsTest {

    private final AtomicLong now = new AtomicLong(5_000);

    @Test
    void theFirstRunStartsAtOnce() {
        assertThat(new RestBetweenRuns(0.25, "SETTING", now::get).restLeftNanos())
                .isZero();
    }

    @Test
    void atAQuarterOfTheTimeTheNextPassWaitsThreeTimesAsLongAsTheLastTook() {
        RestBetweenRuns rest = new RestBetweenRuns(0.25, "SETTING", now::get);
        long started = now.get();
        now.addAndGet(1_000);
        rest.runEnded(started);
        assertThat(rest.restLeftNanos()).isEqualTo(3_000);
        now.addAndGet(2_000);
        assertThat(rest.restLeftNanos()).isEqualTo(1_000);
        now.addAndGet(1_000);
        assertThat(rest.restLeftNanos()).isZero();
    }

    @Test
    void allOfTheTimeMeansNoRest() {
        RestBetweenRuns rest = new RestBetweenRuns(1, "SETTING", now::get);
        long started = now.get();
        now.addAndGet(1_000);
        rest.runEnded(started);
        assertThat(rest.restLeftNanos()).isZero();
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedAtStart() {
        assertThatThrownBy(() -> new RestBetweenRuns(0, "SETTING", now::get))
                .hasMessageContaining("SETTING must be more than 0");
        assertThatThrownBy(() -> new RestBetweenRuns(1.5, "SETTING", now::get))
                .hasMessageContaining("SETTING must be more than 0");
    }
}
