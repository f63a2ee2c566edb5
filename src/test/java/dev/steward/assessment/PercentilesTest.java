package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles of the revocation latency. */
class PercentilesTest {

    @Test
    void nearestRankPicksAMeasuredValue() {
        assertThat(Percentiles.nearestRank(List.of(1.0, 2.0, 3.0, 4.0), 50)).isEqualTo(2.0);
        assertThat(Percentiles.nearestRank(List.of(1.0, 2.0, 3.0, 4.0), 95)).isEqualTo(4.0);
        List<Double> twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> (double) i).toList();
        assertThat(Percentiles.nearestRank(twenty, 50)).isEqualTo(10.0);
        assertThat(Percentiles.nearestRank(twenty, 95)).isEqualTo(19.0);
        assertThat(Percentiles.nearestRank(List.of(7.0), 95)).isEqualTo(7.0);
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(), 50)).hasMessageContaining("no values");
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(1.0), 0)).hasMessageContaining("(0, 100]");
    }

    @Test
    void latencyIsReportedInRoundedSecondsWhateverTheInputOrder() {
        RevocationLatency l = Percentiles.latency(List.of(Duration.ofMinutes(10), Duration.ofMillis(1500),
                Duration.ofSeconds(30), Duration.ofNanos(333_333_333)));
        assertThat(l.measured()).isEqualTo(4);
        assertThat(l.p50Seconds()).isEqualTo(1.5);
        assertThat(l.p95Seconds()).isEqualTo(600.0);
        assertThat(l.maxSeconds()).isEqualTo(600.0);
        assertThat(Percentiles.latency(List.of(Duration.ofNanos(333_333_333))).p50Seconds()).isEqualTo(0.3333);
        assertThat(Percentiles.latency(List.of())).isEqualTo(new RevocationLatency(0, null, null, null));
    }
}
