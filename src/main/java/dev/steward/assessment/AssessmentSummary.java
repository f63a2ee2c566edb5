package dev.steward.assessment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored summary of one run: what it read (inputs, mapping version, parameters digest, engine version), when
 * (as-of and window [windowStart, windowEnd)), and what it found (framework and check scores, roll-ups,
 * recommendations, revocation latency, totals, each team's framework scores and revocation figures), and the status
 * thresholds it judged controls by. {@code thresholds}, {@code teamFrameworks} and {@code teamRevocations} are null in
 * runs stored before they were recorded. A
 * pure function of the run's inputs and settings: the creation time and the diff live beside it, not in it.
 */
public record AssessmentSummary(
        String id,
        Instant asOf,
        Instant windowStart,
        Instant windowEnd,
        String engineVersion,
        String mappingVersion,
        String parametersDigest,
        List<InputRef> inputs,
        Totals totals,
        List<FrameworkScore> frameworks,
        List<CheckScore> checks,
        Rollups rollups,
        List<TeamFrameworks> teamFrameworks,
        List<TeamRevocation> teamRevocations,
        List<TeamRecommendation> recommendations,
        RevocationLatency revocationLatency,
        Thresholds thresholds) {

    public AssessmentSummary {
        inputs = List.copyOf(inputs);
        frameworks = List.copyOf(frameworks);
        checks = List.copyOf(checks);
        teamFrameworks = teamFrameworks == null ? null : List.copyOf(teamFrameworks);
        teamRevocations = teamRevocations == null ? null : List.copyOf(teamRevocations);
        recommendations = List.copyOf(recommendations);
    }

    /** Each evaluation's key ({@code check|variant}) to the controls it scored, in catalog order. */
    Map<String, List<String>> controlsByEvaluation() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        checks.forEach(c -> out.put(c.key(), c.controls()));
        return out;
    }

    public static AssessmentSummary of(RunHeader header, Outcome outcome, Thresholds thresholds) {
        return new AssessmentSummary(header.id(), header.asOf(), header.windowStart(), header.asOf(), header.engineVersion(),
                header.mappingVersion(), header.parametersDigest(), header.inputs(), outcome.totals(), outcome.frameworks(),
                outcome.checks(), outcome.rollups(), outcome.teamFrameworks(), outcome.teamRevocations(),
                outcome.recommendations(),
                outcome.revocationLatency(), thresholds);
    }
}
