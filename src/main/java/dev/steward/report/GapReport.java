package dev.steward.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.CheckScore;
import dev.steward.assessment.ControlStatus;
import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.ResultCounts;
import dev.steward.assessment.RevocationLatency;
import dev.steward.assessment.RunDiff;
import dev.steward.assessment.SeverityCounts;
import dev.steward.assessment.TeamRecommendation;
import dev.steward.assessment.TeamRevocation;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.text.Words;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * The gap report for one framework or all of them: executive summary (framework scores and coverage, findings by
 * severity, top risks, the recommendation per team, change since the previous run, trend over past runs), the
 * control table, the findings (re-iterable, streamed from the run) and the evidence appendix. {@code changes} is null
 * when the run had no earlier run to compare with.
 */
public record GapReport(List<FrameworkScore> frameworks, List<SeverityRow> bySeverity, long findingCount,
        List<TopRisk> topRisks, List<TeamRecommendation> recommendations, List<ScoreRow> scores, Revocation revocation,
        Changes changes,
        List<TrendPoint> trend, List<ControlRow> controls, List<OutOfScopeRow> outOfScope, Iterable<FindingRow> findings,
        Appendix appendix) {

    /** Finding rows that can also be read for some subjects only ({@link FindingSource}). */
    public interface FindingRows extends Iterable<FindingRow> {
        Iterable<FindingRow> of(Set<String> subjectIds);
    }

    /** The finding rows of the given subjects (agent or credential ids), read as such where the rows allow it. */
    public Iterable<FindingRow> findingsOf(Set<String> subjectIds) {
        if (findings instanceof FindingRows rows) {
            return rows.of(subjectIds);
        }
        return () -> java.util.stream.StreamSupport.stream(findings.spliterator(), false)
                .filter(f -> subjectIds.contains(f.subjectId())).iterator();
    }

    public GapReport {
        frameworks = List.copyOf(frameworks);
        bySeverity = List.copyOf(bySeverity);
        topRisks = List.copyOf(topRisks);
        recommendations = List.copyOf(recommendations);
        scores = List.copyOf(scores);
        trend = List.copyOf(trend);
        controls = List.copyOf(controls);
        outOfScope = List.copyOf(outOfScope);
    }

    /** Whether the team rows say how their scores changed since the previous run ({@link ScoreRow#change()}). */
    public boolean teamsCompared() {
        return scores.stream().anyMatch(r -> r.change() != null);
    }

    /** The team rows that carry the team's framework scores ({@link ScoreRow#frameworks()}), in the scores' order. */
    public List<ScoreRow> teamFrameworks() {
        return scores.stream().filter(r -> r.frameworks() != null && !r.frameworks().isEmpty()).toList();
    }

    /** Findings of one severity within the report, by result. */
    public record SeverityRow(Severity severity, long fail, long partial, long insufficientEvidence) {
        public long total() {
            return fail + partial + insufficientEvidence;
        }
    }

    /** A check with FAILs in the report, ranked by severity then failing weight. */
    public record TopRisk(String checkId, String title, Severity severity, long fails, long failingWeight,
            List<String> sampleSubjects, String action) {
        public TopRisk {
            sampleSubjects = List.copyOf(sampleSubjects);
        }
    }

    /**
     * One entry of the run's roll-ups ({@code dimension} team, owner, manager or environment), as stored with the run
     * and shown by the scores page: the weighted score and coverage over the default-variant results of the subjects
     * attributed to {@code key}, the result counts and the FAILs by severity. {@code name} is the person's name for an
     * owner or manager in the directory, else null. The numbers are the whole run's: a team's row counts every subject
     * of the team, whatever else the report is narrowed by. {@code frameworks}: a team's score in each framework of the
     * report, scored from the team's subjects alone ({@link dev.steward.assessment.TeamFrameworks}), in the report's
     * framework order; null for the other dimensions and for runs stored before teams' framework scores were.
     * {@code change}: a team's roll-up score and its score in each framework of the report then and now, when the run
     * was compared with a previous one that stored teams' framework scores ({@link RunDiff#teams()}; a team the diff
     * does not list scored the same both times); null otherwise and for the other dimensions.
     */
    public record ScoreRow(String dimension, String key, String name, Double score, Double coverage,
            ResultCounts results, SeverityCounts fails, List<FrameworkScore> frameworks, RunDiff.TeamDelta change) {

        public ScoreRow {
            frameworks = frameworks == null ? null : List.copyOf(frameworks);
        }

        /** The change of the team's score in {@code framework} since the previous run; null when not compared. */
        public Double frameworkDelta(String framework) {
            if (change != null) {
                for (RunDiff.ScoreDelta d : change.frameworks()) {
                    if (d.ref().equals(framework)) {
                        return d.delta();
                    }
                }
            }
            return null;
        }

        /** "payments" for a team, "Owner: Ana Silva (p-0001)" for a person, "Environment: prod". */
        public String label() {
            String who = name == null || name.isBlank() ? key : name + " (" + key + ")";
            return "team".equals(dimension) ? who
                    : Character.toUpperCase(dimension.charAt(0)) + dimension.substring(1) + ": " + who;
        }
    }

    /**
     * How quickly access is cut off (CHECKS.md, LIF-4): the measured revocation latency, revocation to the last allowed
     * decision, over the {@code measured} revoked credentials that allowed any decision after their revocation, as the
     * run stored it; {@code revoked} counts the credentials LIF-4 judged (revoked by the as-of date), {@code late} its
     * FAILs (used after revocation plus the grace period). A report narrowed to teams (by its team filter, or a
     * manager's) measures its teams' credentials alone, named in {@code teams} (sorted; null when the whole run's);
     * {@code wholeRun} says that the report is narrowed by a filter the latency is not (an owner, manager or
     * environment, or teams in a run stored before teams' revocation figures were).
     */
    public record Revocation(long revoked, long late, int measured, Double p50Seconds, Double p95Seconds,
            Double maxSeconds, boolean wholeRun, List<String> teams) {

        static final String CHECK = "LIF-4";

        public Revocation {
            teams = teams == null ? null : List.copyOf(teams);
        }

        public Revocation(long revoked, long late, int measured, Double p50Seconds, Double p95Seconds,
                Double maxSeconds, boolean wholeRun) {
            this(revoked, late, measured, p50Seconds, p95Seconds, maxSeconds, wholeRun, null);
        }

        /**
         * From a run's summary, for a report narrowed by {@code filter}: its teams' figures when it is narrowed to
         * teams and the run stored them per team, else the whole run's.
         */
        public static Revocation of(AssessmentSummary s, ReportFilter filter) {
            Set<String> teams = filter.teamsOnly();
            if (teams == null || s.teamRevocations() == null) {
                return of(s, filter.any());
            }
            TeamRevocation.Merged m = TeamRevocation.merge(s.teamRevocations().stream()
                    .filter(t -> teams.contains(t.team())).toList());
            RevocationLatency l = m.latency();
            boolean other = filter.owner() != null || filter.manager() != null || filter.environment() != null;
            return new Revocation(m.revoked(), m.late(), l.measured(), l.p50Seconds(), l.p95Seconds(), l.maxSeconds(),
                    other, new java.util.TreeSet<>(teams).stream().toList());
        }

        /** From a run's summary: the latency it stored and LIF-4's results (its default variant). */
        public static Revocation of(AssessmentSummary s, boolean wholeRun) {
            long revoked = 0;
            long late = 0;
            for (CheckScore c : s.checks()) {
                if (CHECK.equals(c.checkId()) && "default".equals(c.variant())) {
                    ResultCounts r = c.results();
                    revoked = r.pass() + r.partial() + r.fail() + r.insufficientEvidence();
                    late = r.fail();
                }
            }
            RevocationLatency l = s.revocationLatency();
            return new Revocation(revoked, late, l.measured(), l.p50Seconds(), l.p95Seconds(), l.maxSeconds(), wholeRun);
        }

        /** The one sentence every format prints. */
        @JsonProperty("summary")
        public String summary() {
            StringBuilder b = new StringBuilder();
            if (revoked == 0) {
                b.append("No credential was revoked by the as-of date: there is no revocation to measure.");
            } else {
                b.append(Words.count(revoked, "revoked credential")).append(": ");
                if (measured == 0) {
                    b.append(revoked == 1 ? "it allowed no decision" : "none allowed a decision").append(" after its revocation.");
                } else {
                    b.append(measured).append(" allowed decisions after ").append(measured == 1 ? "its" : "their")
                            .append(" revocation; revocation to last allowed decision p50 ").append(Fmt.duration(p50Seconds))
                            .append(", p95 ").append(Fmt.duration(p95Seconds)).append(", max ")
                            .append(Fmt.duration(maxSeconds)).append('.');
                }
                b.append(late == 0 ? (revoked == 1 ? " It was not" : " None was") + " used beyond its grace period (LIF-4)."
                        : " " + late + (late == 1 ? " was" : " were") + " used beyond the grace period (LIF-4 FAIL).");
            }
            if (teams != null && teams.isEmpty()) {
                b.append(" The report's filter leaves no team whose credentials to measure.");
            } else if (teams != null) {
                b.append(" Measured over the credentials of ").append(teams.size() == 1 ? "team " : "teams ")
                        .append(String.join(", ", teams)).append(" (a credential's team is its heaviest holder's)")
                        .append(wholeRun ? "; the report's other filters do not narrow it." : ".");
            } else if (wholeRun) {
                b.append(" Measured over the whole assessment: the report's filter does not narrow it.");
            }
            return b.toString();
        }
    }

    /**
     * What changed since the previous run ({@link RunDiff}), as far as this report reaches: {@code counts} are the whole
     * assessment's; {@code findings} lists each changed finding in the report's scope (its filter and framework, as the
     * findings table), with who answers for it and why, in the order new, regressed, changed, improved, resolved;
     * {@code inScope} counts those rows by kind. {@code narrowed} says the report is narrowed, {@code truncated} that
     * the run listed at most {@code listLimit} findings of a kind (the counts stay complete). {@code frameworks} and
     * {@code controls}: the score, coverage and status then and now of each framework, and of each control whose score,
     * coverage or status changed (organisation-wide, as the scores). {@code basis}: what else the runs were computed
     * from ({@link RunDiff.Basis#sentence()}; null for runs stored before the diff compared it).
     */
    public record Changes(String previousId, Instant previousAsOf, RunDiff.Counts counts, RunDiff.Counts inScope,
            boolean narrowed, boolean truncated, int listLimit, List<ScoreChange> frameworks, List<ScoreChange> controls,
            List<ChangeRow> findings, String basis) {

        public Changes {
            frameworks = List.copyOf(frameworks);
            controls = List.copyOf(controls);
            findings = List.copyOf(findings);
        }

        /** The sentence every format prints above the lists. */
        @JsonProperty("summary")
        public String summary() {
            StringBuilder b = new StringBuilder("Compared with ").append(previousId).append(" (as of ")
                    .append(Fmt.date(previousAsOf)).append("): ").append(counted(counts)).append('.');
            if (basis != null) {
                b.append(' ').append(basis);
            }
            if (narrowed) {
                b.append(" In this report's scope: ").append(counted(inScope)).append(" (listed below; the counts before are")
                        .append(" the whole assessment's). The framework and control score changes are the whole")
                        .append(" assessment's too.");
            }
            if (truncated) {
                b.append(" The run lists at most ").append(listLimit).append(" findings of each kind, so the list below is")
                        .append(" incomplete; the counts are complete.");
            }
            return b.toString();
        }

        private static String counted(RunDiff.Counts c) {
            return c.newFindings() + " new, " + c.resolved() + " resolved, " + c.regressed() + " regressed, " + c.improved()
                    + " improved, " + c.changed() + " changed and " + Words.count(c.unchanged(), "unchanged finding");
        }
    }

    /** How a finding changed since the previous run (RunDiff's categories), in the order the report lists them. */
    public enum Change {
        NEW, REGRESSED, CHANGED, IMPROVED, RESOLVED;

        /** "new", "resolved", ... as the report prints it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One changed finding: its check, subject and who answers for it (from the finding now, or for a resolved one the
     * finding before), the result and score then and now ({@code result} null: the subject is gone), the reason now
     * (null when it is no finding now) and, for a resolved finding, the reason it had.
     */
    public record ChangeRow(Change change, String checkId, String variant, String title, Severity severity,
            String subjectType, String subjectId, String owner, String ownerName, String team, String environment,
            Result previousResult, Double previousScore, Result result, Double score, String reason,
            String previousReason) {

        /** "FAIL", "PARTIAL 50.00%", or {@code none} when there is no result. */
        public static String outcome(Result r, Double score, String none) {
            if (r == null) {
                return none;
            }
            return r == Result.PARTIAL && score != null ? r.name() + " " + Fmt.pct(score) : r.name();
        }

        /** The result before; "no finding" for a new one (the diff compares findings, not every result). */
        public String before() {
            return outcome(previousResult, previousScore, "no finding");
        }

        /** The reason as the tables print it: the reason now, or for a resolved finding "Before: " and the one it had. */
        public String reasonShown() {
            return reason != null ? reason : previousReason == null ? "" : "Before: " + previousReason;
        }

        /** The result now; "subject gone" for a resolved finding whose subject the run no longer has. */
        public String now() {
            return outcome(result, score, change == Change.RESOLVED ? "subject gone" : "no finding");
        }
    }

    /** A framework's or control's score, coverage and status then and now ({@code delta}: now minus then). */
    public record ScoreChange(String framework, String controlId, String title, Double previousScore, Double score,
            Double delta, Double previousCoverage, Double coverage, String previousStatus, String status) {

        /** "+2.50 pts", "-1.00 pts", "0.00 pts", or an en dash when either score is missing. */
        public static String points(Double delta) {
            return delta == null ? Fmt.NONE : String.format(java.util.Locale.ROOT, "%+.2f pts", delta * 100);
        }
    }

    /** One past run's framework scores (oldest first), for the trend chart. */
    public record TrendPoint(String assessmentId, Instant asOf, Map<String, Double> scores) {
    }

    /**
     * One control row: status, score, coverage, the checks behind it ("OWN-1", weight), its findings in the report and
     * its failing subjects (count and the first few); {@code firstFinding} is the 0-based index of its first finding
     * in {@link GapReport#findings()} (-1 without any), which the spreadsheet links to.
     */
    public record ControlRow(String framework, String controlId, String title, int depth, boolean group,
            ControlStatus status, Double score, Double coverage, List<String> checks, long findings, long failingSubjects,
            List<String> sampleSubjects, long firstFinding, String why) {
        public ControlRow {
            checks = List.copyOf(checks);
            sampleSubjects = List.copyOf(sampleSubjects);
        }

        public String ref() {
            return framework + ":" + controlId;
        }
    }

    /**
     * A control the mapping marks out of scope, and why: what the report's framework scores and coverage leave out. Only
     * controls without children, the units the frameworks' out-of-scope counts count.
     */
    public record OutOfScopeRow(String framework, String controlId, String title, String reason) {
        public String ref() {
            return framework + ":" + controlId;
        }
    }

    /**
     * One finding as the report prints it: the stored finding plus the owner's name, age, remediation and how it changed
     * since the previous run ({@code change}: "new", "regressed", "changed" or "improved" as the run's diff lists it;
     * null when unchanged, without a previous run, or beyond the diff's list of its kind).
     */
    public record FindingRow(long index, String checkId, String variant, String title, Severity severity, Result result,
            Double score, String subjectType, String subjectId, String owner, String ownerName, String team,
            String environment, String reason, Instant since, Long ageDays, List<EvidenceRef> evidence,
            List<String> controls, String remediation, String change) {
    }

    /** The evidence appendix: the inputs (uploads with their files and hashes), window, mapping version and files. */
    public record Appendix(List<InputRow> inputs, List<String> mappingFiles) {
        public Appendix {
            inputs = List.copyOf(inputs);
            mappingFiles = List.copyOf(mappingFiles);
        }
    }

    /** One upload the run read. */
    public record InputRow(long uploadId, String kind, String files, String contentHash, Instant asOf) {
    }
}
