package nl.actionledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int millis = 100; millis >= 1; millis--) {
            latencies.add(millis * 1_000_000L);
        }

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isEqualTo(50.0);
        assertThat(summary.p95()).isEqualTo(95.0);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
    }

    @Test
    void oneSampleIsEveryPercentileAndNoneIsNotANumber() {
        Latencies one = new Latencies();
        one.add(2_500_000L);
        assertThat(one.summary().p50()).isEqualTo(2.5);
        assertThat(one.summary().p99()).isEqualTo(2.5);
        assertThat(new Latencies().summary().p50()).isNaN();
    }
}
