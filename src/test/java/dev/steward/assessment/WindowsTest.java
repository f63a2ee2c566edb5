package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Observation windows: 90d, 12h or ISO-8601, positive and at most ten years. */
class WindowsTest {

    @Test
    void daysHoursAndIsoDurations() {
        assertThat(Windows.parse("90d")).isEqualTo(Duration.ofDays(90));
        assertThat(Windows.parse(" 12H ")).isEqualTo(Duration.ofHours(12));
        assertThat(Windows.parse("P7D")).isEqualTo(Duration.ofDays(7));
        assertThat(Windows.parse("pt36h")).isEqualTo(Duration.ofHours(36));
        assertThatThrownBy(() -> Windows.parse("0d")).hasMessageContaining("longer than 0");
        assertThatThrownBy(() -> Windows.parse("99999d")).hasMessageContaining("at most 3660 days");
        assertThatThrownBy(() -> Windows.parse("soon")).hasMessageContaining("window 'soon'");
        assertThatThrownBy(() -> Windows.parse("")).hasMessageContaining("empty");
    }
}
