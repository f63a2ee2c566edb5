package dev.steward.report;

import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.RunDiff;
import dev.steward.assessment.TeamRecommendation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX with POI SXSSF: rows are flushed to a temporary file every {@value #WINDOW} rows, so a report of any size needs
 * the memory of one window. The temporary files are not compressed: gzipping them cost about a quarter of the
 * writer's CPU, for a file that is deflated again into the workbook; they take about as much temporary disk as the
 * sheets' XML (some 180 MB for the ownership workbook of 100,000 agents), freed when the workbook is written. Ownership workbook: Summary, Owners, Gaps, Agents, Evidence; gap workbook: Summary, Controls,
 * Findings, Changes, Evidence; a sheet that reaches the format's 1,048,576 rows continues on "Owners (2)", ... with its header
 * ({@link XlsxSheet}). Table sheets have a frozen header, an autofilter and fixed widths; statuses, severities and
 * results are coloured; each control links to its first finding. Text that would start a formula is written as a
 * quote-prefixed string cell, so it is never evaluated.
 */
public final class XlsxReportWriter {

    static final int WINDOW = 200;
    static final int MAX_CELL = 32_000;
    /** Rows a sheet holds in the XLSX format. */
    static final int MAX_ROWS = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getMaxRows();

    private final int maxRows;

    public XlsxReportWriter() {
        this(MAX_ROWS);
    }

    /** A writer whose sheets continue on a new sheet after {@code maxRows} rows (tests use a small limit). */
    XlsxReportWriter(int maxRows) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("a sheet needs room for a header and a row: " + maxRows);
        }
        this.maxRows = maxRows;
    }

    /** The name of part {@code part} (from 1) of a sheet: the name itself, then "name (2)", "name (3)", ... */
    static String part(String name, int part) {
        return part == 1 ? name : name + " (" + part + ")";
    }

    /**
     * The cell (sheet and 1-based row, for a link) of data row {@code index} (from 0) of a table sheet that starts with
     * its header, each part holding a header and {@code maxRows - 1} data rows.
     */
    static String tableCell(String name, long index, int maxRows) {
        long perPart = maxRows - 1L;
        return "'" + part(name, (int) (index / perPart) + 1) + "'!A" + (index % perPart + 2);
    }

    public void write(ReportKind kind, ReportModel m, OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        try (wb) {
            XlsxStyles st = new XlsxStyles(wb);
            if (kind == ReportKind.OWNERSHIP) {
                ownershipSummary(wb, st, m);
                owners(wb, st, m);
                gaps(wb, st, m);
                agents(wb, st, m);
            } else {
                gapSummary(wb, st, m);
                controls(wb, st, m);
                findings(wb, st, m);
                changes(wb, st, m);
            }
            evidence(wb, st, m);
            wb.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
        }
    }

    private static void heading(XlsxSheet s, String title, ReportModel m) {
        s.row().set(0, title, s.st.title);
        s.row.setHeightInPoints(24);
        ReportMeta meta = m.meta();
        s.row().set(0, "Assessment " + meta.assessmentId() + " as of " + Fmt.time(meta.asOf()) + "; window "
                + Fmt.date(meta.windowStart()) + " to " + Fmt.date(meta.windowEnd()) + "; " + meta.scope()
                + "; filter: " + meta.filter().describe() + "; generated " + Fmt.time(meta.generatedAt()), s.st.subtitle);
    }

    private void ownershipSummary(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Summary", 44, 14, 90);
        heading(s, "Agent ownership report", m);
        s.section("Headline counts", "Measure", "Count", "Definition (check results counted)");
        for (Headline h : m.ownership().headlines()) {
            s.row().text(0, h.label());
            s.num(1, h.value());
            s.wrap(2, h.definition());
        }
        XlsxSheet o = s;
        o.section("Owners by manager and team", "Manager", "Team", "Owner", "Owner status", "Agents", "With gaps", "Gaps");
        o.sheet.setColumnWidth(3, 14 * 256);
        for (OwnerSummary r : m.ownership().owners()) {
            o.row().text(0, r.managerName());
            o.text(1, r.team());
            o.text(2, r.ownerName() == null ? r.owner() : r.ownerName() + " (" + r.owner() + ")");
            o.text(3, r.ownerStatus());
            o.num(4, r.agents());
            o.num(5, r.agentsWithGaps());
            o.num(6, r.gaps());
        }
    }

    private void owners(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Owners", 22, 16, 24, 11, 24, 9, 10, 10, 11, 8, 50, 60);
        s.table("Manager", "Team", "Owner", "Owner status", "Agent", "Gap", "Severity", "Result", "Since", "Age (days)",
                "Reason", "Action");
        for (AgentRow a : m.ownership().byOwner()) {
            if (a.gaps().isEmpty()) {
                agentCells(s.row(), a);
                s.text(5, "none");
                continue;
            }
            for (Gap g : a.gaps()) {
                agentCells(s.row(), a);
                s.text(5, g.checkId());
                s.set(6, g.severity().name(), st.severity.get(g.severity()));
                s.set(7, g.result().name(), st.result.get(g.result()));
                s.date(8, g.since());
                s.optNum(9, g.ageDays());
                s.wrap(10, g.reason());
                s.wrap(11, g.action());
            }
        }
    }

    private static void agentCells(XlsxSheet s, AgentRow a) {
        s.text(0, a.managerName());
        s.text(1, a.team());
        s.text(2, a.ownerName() == null ? a.owner() : a.ownerName());
        s.text(3, a.ownerStatus());
        s.text(4, a.id());
    }

    /**
     * The gaps and their actions, by manager, team, owner and agent, as the PDF and HTML list them: one row per gap with
     * its age and how it changed since the previous run, so a manager can filter the new ones.
     */
    private void gaps(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Gaps", 22, 16, 22, 22, 9, 30, 10, 12, 10, 11, 12, 50, 50);
        s.table("Manager", "Team", "Owner", "Agent", "Gap", "Title", "Severity", "Result", "Age (days)", "Since",
                "Since previous run", "Reason", "Action");
        for (AgentRow a : m.ownership().byOwner()) {
            for (Gap g : a.gaps()) {
                s.row().text(0, a.managerName());
                s.text(1, a.team());
                s.text(2, a.ownerName() == null ? a.owner() : a.ownerName());
                s.text(3, a.id());
                s.text(4, g.checkId());
                s.text(5, g.title());
                s.set(6, g.severity().name(), st.severity.get(g.severity()));
                s.set(7, g.result().name(), st.result.get(g.result()));
                s.optNum(8, g.ageDays());
                s.date(9, g.since());
                s.text(10, g.change());
                s.wrap(11, g.reason());
                s.wrap(12, g.action());
            }
        }
    }

    private void agents(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Agents", 22, 30, 14, 11, 14, 12, 22, 11, 22, 16, 12, 16, 22, 12, 12, 10, 26);
        s.table("Agent", "Name", "Team", "Environment", "Autonomy", "Status", "Owner", "Owner status", "Manager",
                "Backup owner", "Identity", "Alert channel", "Kill switch", "Kill switch tested", "Last reviewed",
                "Active credentials", "Gaps");
        for (AgentRow a : m.ownership().agents()) {
            s.row().text(0, a.id());
            s.text(1, a.name());
            s.text(2, a.team());
            s.text(3, a.environment());
            s.text(4, a.autonomy());
            s.text(5, a.status());
            s.text(6, a.ownerName() == null ? a.owner() : a.ownerName() + " (" + a.owner() + ")");
            s.text(7, a.ownerStatus());
            s.text(8, a.managerName());
            s.text(9, a.backupOwner());
            s.text(10, a.identityType());
            s.text(11, a.alertChannel());
            s.text(12, a.killSwitch());
            s.date(13, a.killSwitchTestedAt());
            s.date(14, a.lastReviewedAt());
            s.num(15, a.activeCredentials());
            s.text(16, a.gapIds());
        }
    }

    private void gapSummary(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Summary", 30, 12, 12, 12, 12, 12, 12, 12, 12);
        heading(s, "Control gap report: " + m.meta().scope(), m);
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
    private void changes(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
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

    private void controls(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Controls", 18, 12, 50, 20, 10, 10, 26, 10, 10, 34);
        s.table("Framework", "Control", "Title", "Status", "Score", "Coverage", "Checks", "Findings", "Failing", "Failing subjects");
        CellStyle linkStyle = st.link;
        for (GapReport.ControlRow c : m.gaps().controls()) {
            s.row().text(0, c.framework());
            Cell id = s.set(1, c.controlId(), c.findings() > 0 ? linkStyle : st.text);
            if (c.firstFinding() >= 0) {
                Hyperlink h = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
                h.setAddress(tableCell("Findings", c.firstFinding(), maxRows));
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
        }
    }

    private void findings(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Findings", 9, 26, 10, 12, 8, 10, 22, 22, 14, 11, 8, 50, 50, 36, 50);
        s.table("Check", "Title", "Severity", "Result", "Score", "Subject type", "Subject", "Owner", "Team", "Since",
                "Age (days)", "Reason", "Evidence", "Controls", "Remediation");
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
        }
    }

    private void evidence(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Evidence", 14, 14, 40, 70, 22);
        ReportMeta meta = m.meta();
        s.row().set(0, "Evidence appendix", st.title);
        List<String[]> facts = List.of(new String[] {"Assessment", meta.assessmentId()},
                new String[] {"As of", Fmt.time(meta.asOf())},
                new String[] {"Window", Fmt.time(meta.windowStart()) + " to " + Fmt.time(meta.windowEnd())},
                new String[] {"Engine version", meta.engineVersion()},
                new String[] {"Mapping version", meta.mappingVersion()},
                new String[] {"Parameters digest", meta.parametersDigest()},
                new String[] {"Scope", meta.scope()},
                new String[] {"Filter", meta.filter().describe()},
                new String[] {"Generated", Fmt.time(meta.generatedAt())});
        for (String[] f : facts) {
            s.row().set(0, f[0], st.bold);
            s.text(2, f[1]);
        }
        s.section("Inputs", "Upload", "Kind", "Files", "SHA-256", "As of");
        for (GapReport.InputRow i : m.gaps().appendix().inputs()) {
            s.row().num(0, i.uploadId());
            s.text(1, i.kind());
            s.wrap(2, i.files());
            s.text(3, i.contentHash());
            s.text(4, Fmt.time(i.asOf()));
        }
        s.section("Mapping files", "Framework or crosswalk");
        for (String f : m.gaps().appendix().mappingFiles()) {
            s.row().text(0, f);
        }
    }
}
