package dev.steward.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.CheckScore;
import dev.steward.assessment.ControlStatus;
import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.ResultCounts;
import dev.steward.assessment.RevocationLatency;
import dev.steward.assessment.RunDiff;
import dev.steward.assessment.TeamRecommendation;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.text.Words;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The gap report for one framework or all of them: executive summary (framework scores and coverage, findings by
 * severity, top risks, the recommendation per team, change since the previous run, trend over past runs), the
 * control table, the findings (re-iterable, streamed from the run) and the evidence appendix.
 */
public record GapReport(List<FrameworkScore> frameworks, List<SeverityRow> bySeverity, long findingCount,
        List<TopRisk> topRisks, List<TeamRecommendation> recommendations, Revocation revocation, RunDiff diff,
        List<TrendPoint> trend, List<ControlRow> controls, Iterable<FindingRow> findings, Appendix appendix) {

    public GapReport {
        frameworks = List.copyOf(frameworks);
        bySeverity = List.copyOf(bySeverity);
        topRisks = List.copyOf(topRisks);
        recommendations = List.copyOf(recommendations);
        trend = List.copyOf(trend);
        controls = List.copyOf(controls);
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
     * How quickly access is cut off (CHECKS.md, LIF-4): the measured revocation latency, revocation to the last allowed
     * decision, over the {@code measured} revoked credentials that allowed any decision after their revocation, as the
     * run stored it; {@code revoked} counts the credentials LIF-4 judged (revoked by the as-of date), {@code late} its
     * FAILs (used after revocation plus the grace period). Measured over the whole run: {@code wholeRun} says that the
     * report is narrowed by a filter the latency is not.
     */
    public record Revocation(long revoked, long late, int measured, Double p50Seconds, Double p95Seconds,
            Double maxSeconds, boolean wholeRun) {

        static final String CHECK = "LIF-4";

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
            if (wholeRun) {
                b.append(" Measured over the whole assessment: the report's filter does not narrow it.");
            }
            return b.toString();
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
            List<String> sampleSubjects, long firstFinding) {
        public ControlRow {
            checks = List.copyOf(checks);
            sampleSubjects = List.copyOf(sampleSubjects);
        }

        public String ref() {
            return framework + ":" + controlId;
        }
    }

    /** One finding as the report prints it: the stored finding plus the owner's name, age and remediation. */
    public record FindingRow(long index, String checkId, String variant, String title, Severity severity, Result result,
            Double score, String subjectType, String subjectId, String owner, String ownerName, String team,
            String environment, String reason, Instant since, Long ageDays, List<EvidenceRef> evidence,
            List<String> controls, String remediation) {
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
