package dev.steward.assessment;

import dev.steward.check.Check;
import dev.steward.check.Parameters;
import java.util.List;

/**
 * One run of one check: the check with one distinct set of parameters. {@code variant} is {@value #DEFAULT} for the
 * configured parameters, else the control overrides that make this set ("maxReviewAgeDays=30"); {@code controls}
 * are the framework controls ({@code framework:controlId}, sorted) scored from this run.
 */
public record Evaluation(Check check, String variant, Parameters parameters, List<String> controls) {

    public static final String DEFAULT = "default";

    public Evaluation {
        controls = List.copyOf(controls);
    }

    public boolean base() {
        return DEFAULT.equals(variant);
    }

    public String key() {
        return key(check.id(), variant);
    }

    static String key(String checkId, String variant) {
        return checkId + "|" + variant;
    }
}
