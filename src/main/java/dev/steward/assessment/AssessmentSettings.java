package dev.steward.assessment;

import dev.steward.check.CheckCatalog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * The validated assessment configuration: check parameter overrides ({@code steward.checks.*}), status thresholds
 * and the default window ({@code steward.assessment.*}). Read and checked once at start-up, so a bad key stops the
 * service (or command) with every problem listed, each naming its key, instead of failing an assessment later.
 */
@ApplicationScoped
public class AssessmentSettings {

    private final CheckSettings checks;
    private final Thresholds thresholds;
    private final Duration defaultWindow;
    private final AssessmentConfig config;

    public AssessmentSettings(Config source, AssessmentConfig config, CheckCatalog catalog) {
        this.config = config;
        Map<String, String> properties = new TreeMap<>();
        for (String name : source.getPropertyNames()) {
            if (name.startsWith(CheckSettings.PREFIX)) {
                source.getOptionalValue(name, String.class).ifPresent(v -> properties.put(name, v));
            }
        }
        List<String> errors = new ArrayList<>();
        CheckSettings parsed = CheckSettings.NONE;
        try {
            parsed = CheckSettings.parse(properties, catalog);
        } catch (CheckSettings.InvalidException e) {
            errors.addAll(e.errors());
        }
        Thresholds t = Thresholds.DEFAULT;
        try {
            t = config.thresholds();
        } catch (IllegalArgumentException e) {
            errors.add("steward.assessment.satisfied-min-score / not-satisfied-below / satisfied-min-coverage: "
                    + e.getMessage());
        }
        Duration window = Duration.ofDays(90);
        try {
            window = Windows.parse(config.defaultWindow());
        } catch (IllegalArgumentException e) {
            errors.add("steward.assessment.default-window: " + e.getMessage());
        }
        if (config.resultBatchSize() < 1 || config.diffMaxListed() < 0 || config.transactionTimeoutSeconds() < 1) {
            errors.add("steward.assessment.result-batch-size, diff-max-listed and transaction-timeout-seconds must be positive");
        }
        if (config.parallelism() < 1 || config.parallelism() > 64) {
            errors.add("steward.assessment.parallelism: " + config.parallelism() + " is not between 1 and 64");
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("invalid assessment configuration (" + errors.size() + " error"
                    + (errors.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", errors));
        }
        this.checks = parsed;
        this.thresholds = t;
        this.defaultWindow = window;
    }

    void onStart(@Observes StartupEvent event) {
        // constructing the bean validates the configuration; this makes it happen at start-up
        checks.canonical();
    }

    public CheckSettings checks() {
        return checks;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Duration defaultWindow() {
        return defaultWindow;
    }

    public AssessmentConfig config() {
        return config;
    }
}
