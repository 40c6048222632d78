package nl.actionledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InterleavedWritesTest {

    private final List<String> order = new ArrayList<>();
    private final Supplier<CpuUsage.Snapshot> oneCpuSecondPerWindow = new Supplier<>() {
        private int reads;

        @Override
        public CpuUsage.Snapshot get() {
            double second = ++reads / 2;
            return new CpuUsage.Snapshot((long) (second * 1e9), second, Map.of(), 0, second, Map.of());
        }
    };

    @Test
    void theSystemsTakeTurnsAndEachPairOfAdjacentWindowsGivesOneRatio() throws Exception {
        InterleavedWrites.Result result = InterleavedWrites.run(
                side("ledger", 100, 300, 200), side("baseline", 100, 100, 100), 3, Duration.ofSeconds(1));

        assertThat(order).containsExactly("ledger", "baseline", "baseline", "ledger", "ledger", "baseline");
        assertThat(result.rateRatioPerPair()).containsExactly(1.0, 3.0, 2.0);
        assertThat(result.rateRatio()).isEqualTo(2.0);
        // one CPU second in each window: the CPU per change is the inverse of the rate
        assertThat(result.cpuPerChangeRatio()).isCloseTo(0.5, within(1e-9));
        assertThat(result.ledger().writes().accepted()).isEqualTo(600);
        assertThat(result.ledger().writes().seconds()).isEqualTo(3.0);
        assertThat(result.ledger().writes().latency().count()).isEqualTo(3);
        assertThat(result.ledger().cpuMillisecondsPerChange()).isCloseTo(3000.0 / 600, within(1e-9));
        // and each window's own: one CPU second over that window's changes
        assertThat(result.ledger().cpuPerChangePerWindow())
                .extracting(window -> window.get("total"))
                .containsExactly(10.0, 3.3, 5.0);
        assertThat(result.baseline().cpuPerChangePerWindow())
                .extracting(window -> window.get("total"))
                .containsExactly(10.0, 10.0, 10.0);
    }

    @Test
    void anEvenNumberOfPairsHasTheMeanOfTheMiddleTwoAsItsMedian() throws Exception {
        InterleavedWrites.Result result = InterleavedWrites.run(
                side("ledger", 100, 400, 300, 200), side("baseline", 100, 100, 100, 100), 4, Duration.ofSeconds(1));

        assertThat(result.rateRatio()).isEqualTo(2.5);
    }

    /** A system that accepts the given number of changes in each of its windows, one request timed per window. */
    private InterleavedWrites.Side side(String name, long... acceptedPerWindow) {
        Iterator<Long> accepted = Arrays.stream(acceptedPerWindow).boxed().iterator();
        return new InterleavedWrites.Side(name, oneCpuSecondPerWindow, (duration, latencies) -> {
            order.add(name);
            latencies.add(1_000_000);
            return new WriteLoad.Result(accepted.next(), Map.of(), duration.toSeconds(), null);
        });
    }
}
