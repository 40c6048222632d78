package nl.actionledger.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaughtUpReadsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CaughtUpReads reads = new CaughtUpReads(Duration.ofMillis(25), now::get);

    @Test
    void aProcessorThatHasNotCaughtUpReadsOnAtOnce() {
        assertThat(reads.mayRead()).isTrue();
        reads.read(1000, 1000);
        assertThat(reads.mayRead()).isTrue();
        reads.read(997, 1000); // short only by the gaps of rolled-back appends: still behind
        assertThat(reads.mayRead()).isTrue();
    }

    @Test
    void onceCaughtUpItReadsAgainOnlyAfterTheInterval() {
        reads.read(3, 1000);
        assertThat(reads.mayRead()).isFalse();
        now.addAndGet(Duration.ofMillis(24).toNanos());
        assertThat(reads.mayRead()).isFalse();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(reads.mayRead()).isTrue();
    }

    @Test
    void aFullReadAfterCatchingUpEndsTheWait() {
        reads.read(0, 1000);
        now.addAndGet(Duration.ofMillis(30).toNanos());
        reads.read(1000, 1000);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(reads.mayRead()).isTrue();
    }

    @Test
    void eachThreadWaitsOnlyForItsOwnReads() throws Exception {
        reads.read(0, 1000);
        assertThat(CompletableFuture.supplyAsync(reads::mayRead).get()).isTrue();
        assertThat(reads.mayRead()).isFalse();
    }

    @Test
    void theUnpacedEngineNeverWaits() {
        CaughtUpReads.UNPACED.read(0, 1000);
        assertThat(CaughtUpReads.UNPACED.mayRead()).isTrue();
    }
}
