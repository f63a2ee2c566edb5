package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Revocation latencies print in units a person reads at a glance. */
class LatencyFormatTest {

    @Test
    void picksTheLargestUnitAndTheNextOne() {
        assertThat(AssessCommand.duration(null)).isEqualTo("-");
        assertThat(AssessCommand.duration(45.4)).isEqualTo("45 s");
        assertThat(AssessCommand.duration(120.0)).isEqualTo("2 min");
        assertThat(AssessCommand.duration(725.0)).isEqualTo("12 min 5 s");
        assertThat(AssessCommand.duration(3600.0 * 3 + 1200)).isEqualTo("3 h 20 min");
        assertThat(AssessCommand.duration(271_140.0)).isEqualTo("3 d 3 h");
        assertThat(AssessCommand.duration(86_400.0)).isEqualTo("1 d");
    }
}
