package dev.steward.report;

import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.RunDiff;
import dev.steward.assessment.TeamRecommendation;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The gap workbook's sheets ({@link XlsxReportWriter} writes the workbook): Summary (framework scores, findings by
 * severity, top risks, recommendations, revocation latency, change since the previous run), Controls (each linking to
 * its first finding), Findings and Changes.
 */
final class XlsxGaps {

    private final SXSSFWorkbook wb;
    private final XlsxStyles st;
    private final int maxRows;
    private final ReportModel m;

    XlsxGaps(SXSSFWorkbook wb, XlsxStyles st, int maxRows, ReportModel m) {
        this.wb = wb;
        this.st = st;
        this.maxRows = maxRows;
        this.m = m;
    }

    void write() {
        summary();
        controls();
        findings();
        changes();
    }

    /** Framework scores, findings by severity, top risks, recommendations, revocation latency and change. */
    private void summary() {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Summary", 30, 12, 12, 12, 12, 12, 12, 12, 12);
        XlsxReportWriter.heading(s, "Control gap report: " + m.meta().scope(), m);
        GapReport g = m.gaps();
        s.section("Framework scores", "Framework", "Score", "Coverage", "Satisfied", "Partial", "Not satisfied",
                "Not assessed", "Manual", "Out of scope");
        for (FrameworkScore f : g.frameworks()) {
            s.row().text(0, f.name() + " (" + f.framework() + ")");
            s.pct(1, f.score());
            s.pct(2, f.coverage());
            s.num(3, f.satisfied());
            s.num(4, f.partiallySatisfied());
            s.num(5, f.notSatisfied());
            s.num(6, f.notAssessed());
            s.num(7, f.manual());
            s.num(8, f.outOfScope());
        }
        s.section("Findings by severity", "Severity", "FAIL", "PARTIAL", "Insufficient", "Total");
        for (GapReport.SeverityRow r : g.bySeverity()) {
            s.row().set(0, r.severity().name(), st.severity.get(r.severity()));
            s.num(1, r.fail());
            s.num(2, r.partial());
            s.num(3, r.insufficientEvidence());
            s.num(4, r.total());
        }
        s.row().set(0, "Findings (all variants)", st.bold);
        s.num(4, g.findingCount());
        s.section("Top risks", "Check", "Severity", "FAILs", "Weight", "Examples", "", "", "Action");
        for (GapReport.TopRisk r : g.topRisks()) {
            s.row().text(0, r.checkId() + " " + r.title());
            s.set(1, r.severity().name(), st.severity.get(r.severity()));
            s.num(2, r.fails());
            s.num(3, r.failingWeight());
            s.text(4, String.join(", ", r.sampleSubjects()));
            s.text(7, r.action());
        }
        s.section("Recommendation per team", "Team", "Recommendation", "Agents", "Autonomous live", "Checks behind it", "",
                "", "Failing subjects");
        for (TeamRecommendation t : g.recommendations()) {
            s.row().text(0, t.team());
            s.text(1, Fmt.label(t.recommendation()));
            s.num(2, t.agents());
            s.num(3, t.autonomousAgentsWithLiveAccess());
            s.text(4, String.join(", ", t.checks()));
            s.text(7, t.subjectCount() + ": " + t.subjects().stream().limit(10).map(r -> r.checkId() + " " + r.subjectId())
                    .collect(Collectors.joining(", ")));
        }
        // the change since the previous run is always a column (a dash without one): the same layout every month
        s.section("Scores by team (the run's roll-ups)", "Team", "Score", "Coverage", "FAIL", "Critical", "High",
                "Medium", "Low", "PARTIAL", "Insufficient", "PASS", "N/A", "Change since previous run");
        for (GapReport.ScoreRow r : g.scores()) {
            s.row().text(0, r.label());
            s.pct(1, r.score());
            s.pct(2, r.coverage());
            s.num(3, r.results().fail());
            s.num(4, r.fails().critical());
            s.num(5, r.fails().high());
            s.num(6, r.fails().medium());
            s.num(7, r.fails().low());
            s.num(8, r.results().partial());
            s.num(9, r.results().insufficientEvidence());
            s.num(10, r.results().pass());
            s.num(11, r.results().notApplicable());
            s.delta(12, r.change() == null ? null : r.change().delta());
        }
        s.row();
        s.row().text(0, PdfGaps.SCORES_NOTE);
        if (!g.teamFrameworks().isEmpty()) {
            s.section("Framework scores by team", "Team", "Framework", "Score", "Coverage", "Satisfied", "Partial",
                    "Not satisfied", "Not assessed", "Manual", "Change since previous run");
            for (GapReport.ScoreRow r : g.teamFrameworks()) {
                for (FrameworkScore f : r.frameworks()) {
                    s.row().text(0, r.label());
                    s.text(1, f.framework());
                    s.pct(2, f.score());
                    s.pct(3, f.coverage());
                    s.num(4, f.satisfied());
                    s.num(5, f.partiallySatisfied());
                    s.num(6, f.notSatisfied());
                    s.num(7, f.notAssessed());
                    s.num(8, f.manual());
                    s.delta(9, r.frameworkDelta(f.framework()));
                }
            }
            s.row();
            s.row().text(0, PdfGaps.teamFrameworksNote(g));
        }
        GapReport.Revocation rv = g.revocation();
        s.section("Revocation latency", "Revoked credentials", "Measured", "p50", "p95", "Max", "LIF-4 FAILs");
        s.row().num(0, rv.revoked());
        s.num(1, rv.measured());
        s.set(2, Fmt.duration(rv.p50Seconds()), st.right);
        s.set(3, Fmt.duration(rv.p95Seconds()), st.right);
        s.set(4, Fmt.duration(rv.maxSeconds()), st.right);
        s.num(5, rv.late());
        s.row().text(0, rv.summary());
        GapReport.Changes d = g.changes();
        if (d == null) {
            s.row();
            s.row().text(0, "Change since the previous run: no earlier run to compare with.");
            return;
        }
        s.section("Change since " + d.previousId() + " (as of " + Fmt.date(d.previousAsOf()) + ")", "Findings", "New",
                "Resolved", "Regressed", "Improved", "Changed", "Unchanged");
        counts(s, "Whole assessment", d.counts());
        if (d.narrowed()) {
            counts(s, "In this report (sheet Changes)", d.inScope());
        }
        s.row().text(0, d.summary());
        s.section("Framework scores then and now", "Framework", "Score before", "Score now", "Change", "Coverage before",
                "Coverage now");
        scoreChanges(s, d.frameworks());
        s.section("Controls whose score, coverage or status changed", "Control", "Score before", "Score now", "Change",
                "Coverage before", "Coverage now", "Status before", "Status now", "Title");
        if (d.controls().isEmpty()) {
            s.row().text(0, "None.");
        }
        scoreChanges(s, d.controls());
    }

    private static void counts(XlsxSheet s, String label, RunDiff.Counts c) {
        s.row().text(0, label);
        s.num(1, c.newFindings());
        s.num(2, c.resolved());
        s.num(3, c.regressed());
        s.num(4, c.improved());
        s.num(5, c.changed());
        s.num(6, c.unchanged());
    }

    private static void scoreChanges(XlsxSheet s, List<GapReport.ScoreChange> changes) {
        for (GapReport.ScoreChange c : changes) {
            s.row().text(0, c.controlId() == null ? c.title() + " (" + c.framework() + ")" : c.framework() + ":" + c.controlId());
            s.pct(1, c.previousScore());
            s.pct(2, c.score());
            s.delta(3, c.delta());
            s.pct(4, c.previousCoverage());
            s.pct(5, c.coverage());
            if (c.controlId() != null) {
                s.text(6, Fmt.label(c.previousStatus()));
                s.text(7, Fmt.label(c.status()));
                s.text(8, c.title());
            }
        }
    }

    /** The findings that changed since the previous run, within the report's scope: the sheet "Changes". */
    private void changes() {
        GapReport.Changes d = m.gaps().changes();
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Changes", 10, 9, 26, 10, 10, 22, 22, 14, 12, 16, 16, 50, 50);
        s.table("Change", "Check", "Title", "Severity", "Subject type", "Subject", "Owner", "Team", "Environment",
                "Before", "Now", "Reason now", "Reason before");
        if (d == null) {
            s.row().text(0, "No earlier run to compare with.");
            return;
        }
        for (GapReport.ChangeRow c : d.findings()) {
            s.row().text(0, c.change().label());
            s.text(1, c.checkId());
            s.text(2, c.title() + ("default".equals(c.variant()) ? "" : " (" + c.variant() + ")"));
            if (c.severity() != null) {
                s.set(3, c.severity().name(), st.severity.get(c.severity()));
            }
            s.text(4, c.subjectType());
            s.text(5, c.subjectId());
            s.text(6, c.ownerName() == null ? c.owner() : c.ownerName() + " (" + c.owner() + ")");
            s.text(7, c.team());
            s.text(8, c.environment());
            s.text(9, c.before());
            s.text(10, c.now());
            s.text(11, c.reason());
            s.text(12, c.previousReason());
        }
    }

    private void controls() {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Controls", 18, 12, 50, 20, 10, 10, 26, 10, 10, 34, 60);
        s.table("Framework", "Control", "Title", "Status", "Score", "Coverage", "Checks", "Findings", "Failing", "Failing subjects",
                "Why this status");
        CellStyle linkStyle = st.link;
        for (GapReport.ControlRow c : m.gaps().controls()) {
            s.row().text(0, c.framework());
            Cell id = s.set(1, c.controlId(), c.findings() > 0 ? linkStyle : st.text);
            if (c.firstFinding() >= 0) {
                Hyperlink h = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
                h.setAddress(XlsxReportWriter.tableCell("Findings", c.firstFinding(), maxRows));
                id.setHyperlink(h);
            }
            s.wrap(2, "  ".repeat(c.depth()) + c.title());
            s.set(3, c.status().name(), st.status.get(c.status()));
            s.pct(4, c.score());
            s.pct(5, c.coverage());
            s.text(6, String.join(", ", c.checks()));
            s.num(7, c.findings());
            s.num(8, c.failingSubjects());
            s.text(9, String.join(", ", c.sampleSubjects()) + (c.failingSubjects() > c.sampleSubjects().size() ? ", \u2026" : ""));
            s.wrap(10, c.why());
        }
        XlsxSheet o = new XlsxSheet(wb, st, maxRows, "Out of scope", 18, 12, 50, 80);
        o.table("Framework", "Control", "Title", "Why it is out of scope");
        for (GapReport.OutOfScopeRow r : m.gaps().outOfScope()) {
            o.row().text(0, r.framework());
            o.text(1, r.controlId());
            o.wrap(2, r.title());
            o.wrap(3, r.reason());
        }
    }

    private void findings() {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Findings", 9, 26, 10, 12, 8, 10, 22, 22, 14, 11, 8, 50, 50, 36, 50,
                12);
        s.table("Check", "Title", "Severity", "Result", "Score", "Subject type", "Subject", "Owner", "Team", "Since",
                "Age (days)", "Reason", "Evidence", "Controls", "Remediation", "Since previous run");
        for (GapReport.FindingRow f : m.gaps().findings()) {
            s.row().text(0, f.checkId());
            s.text(1, f.title() + ("default".equals(f.variant()) ? "" : " (" + f.variant() + ")"));
            s.set(2, f.severity().name(), st.severity.get(f.severity()));
            s.set(3, f.result().name(), st.result.get(f.result()));
            s.pct(4, f.score());
            s.text(5, f.subjectType());
            s.text(6, f.subjectId());
            s.text(7, f.ownerName() == null ? f.owner() : f.ownerName() + " (" + f.owner() + ")");
            s.text(8, f.team());
            s.date(9, f.since());
            s.optNum(10, f.ageDays());
            s.text(11, f.reason());
            s.text(12, f.evidence().stream().map(e -> e.kind() + " " + e.id() + (e.detail() == null ? "" : ": " + e.detail()))
                    .collect(Collectors.joining("; ")));
            s.text(13, String.join(" ", f.controls()));
            s.text(14, f.remediation());
            s.text(15, f.change());
        }
    }
}
