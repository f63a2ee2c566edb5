package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.check.CheckCatalog;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up validation of the assessment configuration: every bad key at once, each named. */
class AssessmentSettingsTest {

    static AssessmentSettings settings(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withMapping(AssessmentConfig.class)
                .build();
        return new AssessmentSettings(config, config.getConfigMapping(AssessmentConfig.class),
                CheckCatalog.of(CheckCatalog.allChecks()));
    }

    @Test
    void defaultsAndOverridesAreRead() {
        AssessmentSettings s = settings(Map.of("steward.checks.\"OWN-5\".prod.max-review-age-days", "60",
                "steward.assessment.default-window", "30d", "steward.assessment.satisfied-min-score", "0.9"));
        assertThat(s.checks().perEnvironment("OWN-5")).containsEntry("prod", Map.of("maxReviewAgeDays", "60"));
        assertThat(s.defaultWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(s.thresholds()).isEqualTo(new Thresholds(0.9, 0.6, 0.9));
        assertThat(settings(Map.of()).thresholds()).isEqualTo(Thresholds.DEFAULT);
    }

    @Test
    void everyBadKeyStopsTheStartWithItsName() {
        assertThatThrownBy(() -> settings(Map.of(
                "steward.checks.\"OWN-9\".max-review-age-days", "60",
                "steward.checks.\"OWN-5\".max-review-age-days", "sixty",
                "steward.assessment.not-satisfied-below", "0.99",
                "steward.assessment.default-window", "a while")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("4 errors")
                .hasMessageContaining("steward.checks.\"OWN-9\".max-review-age-days: unknown check 'OWN-9'")
                .hasMessageContaining("steward.checks.\"OWN-5\".max-review-age-days: value 'sixty' is not a valid integer")
                .hasMessageContaining("not-satisfied-below (0.99)")
                .hasMessageContaining("steward.assessment.default-window: window 'a while'");
    }
}
