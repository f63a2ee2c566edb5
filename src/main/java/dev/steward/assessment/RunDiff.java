package dev.steward.assessment;

import dev.steward.check.Result;
import dev.steward.text.Words;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A run compared with the previous one (the stored run with the latest as-of at or before its own, ties: the latest
 * created). Findings are matched by check, variant, subject type and subject id:
 * <ul>
 * <li>new: a finding now, none before;</li>
 * <li>resolved: a finding before, none now ({@code result} is the result now, null when the subject is gone);</li>
 * <li>regressed: scored both times (FAIL or PARTIAL) with a lower score now, e.g. PARTIAL to FAIL;</li>
 * <li>improved: scored both times with a higher score now;</li>
 * <li>changed: another change of result, to or from INSUFFICIENT_EVIDENCE.</li>
 * </ul>
 * Counts are complete; each list holds at most {@code listLimit} entries ({@code truncated} says when one was cut),
 * sorted by check (catalog order), variant, subject type and id. Score deltas: every framework, and the controls whose
 * score, coverage or status changed. {@code teams}: every team whose roll-up score or coverage, or score or coverage in
 * a framework ({@link TeamFrameworks}), changed, with all of its frameworks, by team name; a team listed in neither run
 * has no entry, and one absent from the list scored the same both times. Null when either run stored no teams'
 * framework scores (runs stored before they were). {@code basis}: what else the two runs were computed from, then and
 * now (null in runs stored before it was).
 */
public record RunDiff(String previousId, Instant previousAsOf, Counts counts, List<FindingChange> newFindings,
        List<FindingChange> resolved, List<FindingChange> regressed, List<FindingChange> improved,
        List<FindingChange> changed, int listLimit, boolean truncated, List<ScoreDelta> frameworks,
        List<ScoreDelta> controls, List<TeamDelta> teams, Basis basis) {

    public RunDiff {
        newFindings = List.copyOf(newFindings);
        resolved = List.copyOf(resolved);
        regressed = List.copyOf(regressed);
        improved = List.copyOf(improved);
        changed = List.copyOf(changed);
        frameworks = List.copyOf(frameworks);
        controls = List.copyOf(controls);
        teams = teams == null ? null : List.copyOf(teams);
    }

    /** How many findings fell in each category (unchanged: a finding both times with the same result and score). */
    public record Counts(long newFindings, long resolved, long regressed, long improved, long changed, long unchanged) {
    }

    /** One finding that changed between the runs. */
    public record FindingChange(String checkId, String variant, String subjectType, String subjectId, Result previousResult,
            Double previousScore, Result result, Double score) {
    }

    /** A framework ({@code ref} = framework id) or control ({@code framework:controlId}) score then and now. */
    public record ScoreDelta(String ref, Double previousScore, Double score, Double delta, Double previousCoverage,
            Double coverage, String previousStatus, String status) {
    }

    /**
     * A team's roll-up score and coverage then and now ({@link RollupEntry}; null when the team had none in that run),
     * and its score in each framework then and now ({@link ScoreDelta} with the framework id as {@code ref}).
     */
    public record TeamDelta(String team, Double previousScore, Double score, Double delta, Double previousCoverage,
            Double coverage, List<ScoreDelta> frameworks) {

        public TeamDelta {
            frameworks = List.copyOf(frameworks);
        }
    }

    /**
     * What the two runs were computed from besides the as-of and window, then and now, so that a change of findings
     * can be told from a change of evidence: the engine's version, the mapping version, the parameters' digest, and the
     * inputs (uploads and attestations) this run read that the previous one did not, and those it no longer read.
     */
    public record Basis(String previousEngineVersion, String engineVersion, String previousMappingVersion,
            String mappingVersion, String previousParametersDigest, String parametersDigest, List<InputRef> inputsAdded,
            List<InputRef> inputsDropped) {

        private static final int NAMED = 5;

        public Basis {
            inputsAdded = List.copyOf(inputsAdded);
            inputsDropped = List.copyOf(inputsDropped);
        }

        /** Compares the previous run's header with this run's. */
        public static Basis of(RunHeader then, RunHeader now) {
            Set<String> before = new HashSet<>();
            then.inputs().forEach(i -> before.add(key(i)));
            Set<String> after = new HashSet<>();
            now.inputs().forEach(i -> after.add(key(i)));
            return new Basis(then.engineVersion(), now.engineVersion(), then.mappingVersion(), now.mappingVersion(),
                    then.parametersDigest(), now.parametersDigest(),
                    now.inputs().stream().filter(i -> !before.contains(key(i))).toList(),
                    then.inputs().stream().filter(i -> !after.contains(key(i))).toList());
        }

        private static String key(InputRef i) {
            return i.kind() + ":" + i.uploadId() + ":" + i.contentHash();
        }

        /**
         * "Since then: the mappings changed (version 5b97f197f08a then, a4217713b1c5 now); the same inputs, check
         * parameters and engine.", or that nothing but the as-of and window differs.
         */
        public String sentence() {
            List<String> changed = new ArrayList<>();
            List<String> same = new ArrayList<>();
            if (!inputsAdded.isEmpty()) {
                changed.add(Words.count(inputsAdded.size(), "input") + " new (" + named(inputsAdded) + ")");
            }
            if (!inputsDropped.isEmpty()) {
                changed.add(Words.count(inputsDropped.size(), "input") + " no longer read (" + named(inputsDropped)
                        + ")");
            }
            if (inputsAdded.isEmpty() && inputsDropped.isEmpty()) {
                same.add("inputs");
            }
            part(changed, same, "mappings", "version", previousMappingVersion, mappingVersion);
            part(changed, same, "check parameters", "digest", previousParametersDigest, parametersDigest);
            part(changed, same, "engine", "version", previousEngineVersion, engineVersion);
            if (changed.isEmpty()) {
                return "The same inputs, mappings, check parameters and engine as then: the changes come from the as-of"
                        + " and window alone.";
            }
            StringBuilder b = new StringBuilder("Since then: ").append(String.join("; ", changed));
            if (!same.isEmpty()) {
                b.append("; the same ").append(same.size() == 1 ? same.get(0)
                        : String.join(", ", same.subList(0, same.size() - 1)) + " and " + same.get(same.size() - 1));
            }
            return b.append('.').toString();
        }

        private static void part(List<String> changed, List<String> same, String what, String label, String then,
                String now) {
            if (Objects.equals(then, now)) {
                same.add(what);
            } else {
                changed.add("the " + what + " changed (" + label + " " + shortened(then) + " then, " + shortened(now)
                        + " now)");
            }
        }

        /** A SHA-256 in hex to its first 12 digits, as the reports print hashes in prose. */
        private static String shortened(String value) {
            return value != null && value.length() == 64 ? value.substring(0, 12) : String.valueOf(value);
        }

        private static String named(List<InputRef> inputs) {
            return Words.list(inputs.stream().map(i -> InputRef.ATTESTATION.equals(i.kind())
                    ? i.kind() + " " + i.uploadId() : i.kind() + " upload " + i.uploadId()).toList(), NAMED);
        }
    }
}
