package dev.steward.assessment;

import java.util.List;
import java.util.Map;

/**
 * What an assessment computes besides the results it streams: scores per evaluation, control and framework, the
 * roll-ups, each team's framework scores and revocation figures, the recommendations, the revocation latency and
 * the totals.
 * {@code millisByCheck} (time spent per evaluation, by {@code check|variant}) is for operators and benchmarks: it
 * varies between runs and is never part of a stored summary.
 */
public record Outcome(List<CheckScore> checks, List<ControlResult> controls, List<FrameworkScore> frameworks,
        Rollups rollups, List<TeamFrameworks> teamFrameworks, List<TeamRevocation> teamRevocations,
        List<TeamRecommendation> recommendations,
        RevocationLatency revocationLatency, Totals totals, Map<String, Long> millisByCheck) {

    public Outcome {
        checks = List.copyOf(checks);
        controls = List.copyOf(controls);
        frameworks = List.copyOf(frameworks);
        teamFrameworks = List.copyOf(teamFrameworks);
        teamRevocations = List.copyOf(teamRevocations);
        recommendations = List.copyOf(recommendations);
        millisByCheck = Map.copyOf(millisByCheck);
    }
}
