package nl.actionledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacedExportsTest {

    @Test
    void theNextPageRestsInProportionToHowLongTheLastTook() throws Exception {
        PacedExports exports = new PacedExports(0.5);
        long started = exports.awaitTurn();
        Thread.sleep(200);
        exports.pageEnded(started);

        long asked = System.nanoTime();
        exports.pageEnded(exports.awaitTurn());
        assertThat(Duration.ofNanos(System.nanoTime() - asked))
                .as("as long again at half of the time")
                .isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void aPageWaitsForTheTurnOfAnother() throws Exception {
        PacedExports exports = new PacedExports(1);
        long first = exports.awaitTurn();
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(exports::awaitTurn);
        await().during(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(1))
                .until(() -> !second.isDone()); // waiting while the first page runs

        exports.pageEnded(first);
        exports.pageEnded(second.get(1, TimeUnit.SECONDS));
    }

    @Test
    void aPageWhoseRestWouldOutlastTheLongestWaitIsRefusedAtOnce() throws Exception {
        PacedExports exports = new PacedExports(0.001);
        long started = exports.awaitTurn();
        Thread.sleep(10); // ten seconds of rest at a thousandth of the time
        exports.pageEnded(started);

        long asked = System.nanoTime();
        assertThatThrownBy(exports::awaitTurn).isInstanceOf(TooBusyException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(PacedExports.MAX_WAIT);
        assertThat(CompletableFuture.supplyAsync(() -> {
                            assertThatThrownBy(exports::awaitTurn)
                                    .as("the refused page gave its turn back, the rest is not over")
                                    .isInstanceOf(TooBusyException.class);
                            return true;
                        })
                        .get(1, TimeUnit.SECONDS))
                .isTrue();
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedAtStart() {
        assertThatThrownBy(() -> new PacedExports(0)).hasMessageContaining("EXPORTS_MAX_SHARE");
    }
}
