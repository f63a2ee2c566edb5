package dev.steward.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.TeamRecommendation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The gap report's PDF sections: executive summary with charts and small tables, then controls and findings, the
 * two large tables drawn by {@link PdfGrid}.
 */
final class PdfGaps {

    /** Under the scores by team, in every format (the HTML template has the same words). */
    static final String SCORES_NOTE = "Each team's score and coverage over the default-variant results of its "
            + "subjects, from every check of the run (in a report of one framework too), as the run stored them; FAILs "
            + "by the check's severity. (none): subjects without a team, such as shadow agents.";

    /** Under the framework scores by team, in every format (the HTML template has the same words). */
    static final String TEAM_FRAMEWORKS_NOTE = "Each team's score in each framework, from the results of its own "
            + "subjects alone, by the same rules as the framework scores above (in-scope controls only; a control "
            + "whose checks judge none of the team's subjects is not assessed for the team). In brackets: the team's "
            + "controls not satisfied.";

    /** After {@link #TEAM_FRAMEWORKS_NOTE} when the run was compared with a previous one, in every format. */
    static final String TEAM_CHANGES_NOTE = "With each score, its change since the previous run in percentage points "
            + "(a dash where the team had no score in that framework then).";

    private final PdfReportWriter.Pdf p;
    private final ReportModel m;

    PdfGaps(PdfReportWriter.Pdf p, ReportModel m) {
        this.p = p;
        this.m = m;
    }

    void write() throws DocumentException {
        GapReport g = m.gaps();
        p.section(0, "Executive summary");
        PdfCharts charts = new PdfCharts(p.writer.getDirectContent(), p.regularBase);
        PdfPTable row = new PdfPTable(2);
        row.setWidthPercentage(100);
        row.addCell(chartCell("Score per framework", charts.scores(g.frameworks())));
        row.addCell(chartCell("Findings by severity", charts.severity(g.bySeverity())));
        if (g.trend().size() > 1) {
            PdfPCell trend = chartCell("Score trend over past runs", charts.trend(g.trend(), g.frameworks()));
            trend.setColspan(2);
            row.addCell(trend);
        }
        p.doc.add(row);

        p.subheading("Framework scores");
        PdfPTable f = p.table(new float[] {3.2f, 1, 1, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f}, "Framework", "Score", "Coverage",
                "Satisfied", "Partial", "Not satisfied", "Not assessed", "Manual", "Out of scope");
        for (FrameworkScore s : g.frameworks()) {
            p.cell(f, s.name() + " (" + s.framework() + ")");
            p.num(f, Fmt.pct(s.score()));
            p.num(f, Fmt.pct(s.coverage()));
            p.num(f, Integer.toString(s.satisfied()));
            p.num(f, Integer.toString(s.partiallySatisfied()));
            p.num(f, Integer.toString(s.notSatisfied()));
            p.num(f, Integer.toString(s.notAssessed()));
            p.num(f, Integer.toString(s.manual()));
            p.num(f, Integer.toString(s.outOfScope()));
        }
        p.finish(f);
        p.text("Findings in this report: " + g.findingCount() + (m.meta().filter().any() ? " (filter: "
                + m.meta().filter().describe() + ")" : "") + ".");

        p.subheading("Top risks");
        PdfPTable r = p.table(new float[] {2.6f, 0.9f, 0.6f, 0.6f, 2.4f, 4f}, "Check", "Severity", "FAILs", "Weight",
                "Examples", "Action");
        for (GapReport.TopRisk t : g.topRisks()) {
            p.cell(r, t.checkId() + " " + t.title());
            p.badge(r, t.severity().name(), Palette.severity(t.severity()));
            p.num(r, Long.toString(t.fails()));
            p.num(r, Long.toString(t.failingWeight()));
            p.cell(r, String.join(", ", t.sampleSubjects()));
            r.addCell(p.cell(t.action(), p.small, false));
        }
        p.finish(r);

        p.subheading("Recommendation per team");
        PdfPTable rec = p.table(new float[] {1.4f, 1.5f, 0.6f, 1f, 1.8f, 4f}, "Team", "Recommendation", "Agents",
                "Autonomous live", "Checks behind it", "Failing subjects");
        for (TeamRecommendation t : g.recommendations()) {
            p.cell(rec, t.team());
            rec.addCell(p.cell(Fmt.label(t.recommendation()), p.bold, false));
            p.num(rec, Integer.toString(t.agents()));
            p.num(rec, Integer.toString(t.autonomousAgentsWithLiveAccess()));
            p.cell(rec, String.join(", ", t.checks()));
            p.cell(rec, t.subjectCount() + (t.subjects().isEmpty() ? "" : ": " + t.subjects().stream().limit(8)
                    .map(s -> s.checkId() + " " + s.subjectId()).collect(Collectors.joining(", "))));
        }
        p.finish(rec);

        p.subheading("Scores by team (the run's roll-ups)");
        boolean compared = g.teamsCompared();
        PdfPTable sc = compared
                ? p.table(new float[] {3f, 0.8f, 0.9f, 0.9f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.8f, 0.9f}, "Team", "Score",
                        "Change", "Coverage", "FAIL", "Critical", "High", "Medium", "Low", "PARTIAL", "Insufficient")
                : p.table(new float[] {3f, 0.8f, 0.9f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.8f, 0.9f}, "Team", "Score",
                        "Coverage", "FAIL", "Critical", "High", "Medium", "Low", "PARTIAL", "Insufficient");
        for (GapReport.ScoreRow t : g.scores()) {
            p.cell(sc, t.label());
            p.num(sc, Fmt.pct(t.score()));
            if (compared) {
                p.num(sc, change(t));
            }
            p.num(sc, Fmt.pct(t.coverage()));
            for (long n : new long[] {t.results().fail(), t.fails().critical(), t.fails().high(), t.fails().medium(),
                    t.fails().low(), t.results().partial(), t.results().insufficientEvidence()}) {
                p.num(sc, Long.toString(n));
            }
        }
        p.finish(sc);
        p.text(SCORES_NOTE);
        teamFrameworks(g);

        p.subheading("Revocation latency");
        GapReport.Revocation rv = g.revocation();
        PdfPTable lat = p.table(new float[] {1.4f, 1.4f, 1f, 1f, 1f, 1.2f}, "Revoked credentials", "Measured", "p50", "p95",
                "Max", "LIF-4 FAILs");
        p.num(lat, Long.toString(rv.revoked()));
        p.num(lat, Integer.toString(rv.measured()));
        p.num(lat, Fmt.duration(rv.p50Seconds()));
        p.num(lat, Fmt.duration(rv.p95Seconds()));
        p.num(lat, Fmt.duration(rv.maxSeconds()));
        p.num(lat, Long.toString(rv.late()));
        p.finish(lat);
        p.text(rv.summary());

        p.subheading("Change since the previous run");
        GapReport.Changes d = g.changes();
        if (d == null) {
            p.text("No earlier run to compare with.");
        } else {
            p.text(d.summary() + " Section 4 lists the findings and controls that changed.");
            scoreChanges(d.frameworks(), false);
        }

        p.section(1, "Controls");
        PdfGrid c = new PdfGrid(p, new float[] {2.3f, 3.05f, 1.4f, 0.8f, 0.8f, 1.8f, 0.85f, 2.2f}, "Control", "Title",
                "Status", "Score", "Coverage", "Checks", "Findings", "Failing subjects");
        for (GapReport.ControlRow x : g.controls()) {
            List<String> v = PdfCells.control(x);
            c.text(v.get(0), x.group() ? p.bold : p.body);
            c.stacked(v.get(1), x.group() ? p.bold : p.body, p.muted); // the title, then why its status (grey)
            c.indent(8 * x.depth());
            c.pill(v.get(2), Palette.status(x.status()));
            c.num(v.get(3), p.body);
            c.num(v.get(4), p.body);
            c.text(v.get(5), p.small);
            c.num(v.get(6), p.body);
            c.text(v.get(7), p.small);
            c.endRow();
        }
        c.finish();
        outOfScope(g);

        p.section(2, "Findings");
        PdfGrid t = new PdfGrid(p, new float[] {1.5f, 0.9f, 1.3f, 1.8f, 1.3f, 0.6f, 4f, 3f}, "Check", "Severity", "Result",
                "Subject", "Owner", "Age", "Reason and evidence", "Remediation");
        long n = 0;
        for (GapReport.FindingRow x : g.findings()) {
            List<String> v = PdfCells.finding(x);
            t.lines(v.get(0), p.bold, p.muted);
            t.pill(v.get(1), Palette.severity(x.severity()));
            t.pill(v.get(2), Palette.result(x.result()));
            t.lines(v.get(3), p.body, p.muted);
            t.text(v.get(4), p.body);
            t.num(v.get(5), p.body);
            t.lines(v.get(6), p.small, p.muted);
            t.text(v.get(7), p.small);
            t.endRow();
            n++;
        }
        if (n == 0) {
            t.spanRow(PdfCells.shown("No findings."), p.muted);
        }
        t.finish();
        changes(d);
    }

    /** The controls the mappings mark out of scope, with why: what the scores and coverage leave out. */
    private void outOfScope(GapReport g) throws DocumentException {
        p.subheading("Out of scope");
        p.text("Controls the mappings mark out of scope: agent identity records cannot evidence them. The framework scores"
                + " and coverage leave them out.");
        if (g.outOfScope().isEmpty()) {
            p.text("None.");
            return;
        }
        PdfGrid t = new PdfGrid(p, new float[] {2.3f, 4f, 7f}, "Control", "Title", "Why it is out of scope");
        for (GapReport.OutOfScopeRow r : g.outOfScope()) {
            t.text(PdfCells.shown(r.ref()), p.body);
            t.text(PdfCells.shown(r.title()), p.body);
            t.text(PdfCells.shown(r.reason()), p.small);
            t.endRow();
        }
        t.finish();
    }

    /** Section 4: the findings that changed (within the report's scope) and the controls whose score changed. */
    private void changes(GapReport.Changes d) throws DocumentException {
        p.section(3, "Changes since the previous run");
        if (d == null) {
            p.text("No earlier run to compare with.");
            return;
        }
        p.text(d.summary());
        p.subheading("Findings that changed" + (d.narrowed() ? " (in this report's scope)" : ""));
        PdfGrid x = new PdfGrid(p, new float[] {1.1f, 1.7f, 1.9f, 1.4f, 1.2f, 1.2f, 4.5f}, "Change", "Check", "Subject",
                "Owner", "Before", "Now", "Reason");
        for (GapReport.ChangeRow c : d.findings()) {
            List<String> v = PdfCells.change(c);
            x.text(v.get(0), p.bold);
            x.lines(v.get(1), p.bold, p.muted);
            x.lines(v.get(2), p.body, p.muted);
            x.text(v.get(3), p.body);
            x.text(v.get(4), p.body);
            x.text(v.get(5), p.body);
            x.lines(v.get(6), p.small, p.muted);
            x.endRow();
        }
        if (d.findings().isEmpty()) {
            x.spanRow(PdfCells.shown("No finding changed" + (d.narrowed() ? " in this report's scope." : ".")), p.muted);
        }
        x.finish();
        p.subheading("Controls whose score, coverage or status changed");
        if (d.controls().isEmpty()) {
            p.text("None.");
        } else {
            scoreChanges(d.controls(), true);
        }
    }

    /** Framework or control scores then and now: a small table (at most a few hundred controls). */
    private void scoreChanges(List<GapReport.ScoreChange> changes, boolean controls) throws DocumentException {
        // a framework has a score and coverage, no status
        PdfPTable t = controls
                ? p.table(new float[] {3.4f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 1.3f, 1.3f}, "Control", "Score before", "Score now",
                        "Change", "Coverage before", "Coverage now", "Status before", "Status now")
                : p.table(new float[] {4f, 1, 1, 1, 1, 1}, "Framework", "Score before", "Score now", "Change",
                        "Coverage before", "Coverage now");
        for (GapReport.ScoreChange c : changes) {
            p.cell(t, controls ? c.framework() + ":" + c.controlId() + " " + c.title() : c.title() + " (" + c.framework() + ")");
            p.num(t, Fmt.pct(c.previousScore()));
            p.num(t, Fmt.pct(c.score()));
            p.num(t, GapReport.ScoreChange.points(c.delta()));
            p.num(t, Fmt.pct(c.previousCoverage()));
            p.num(t, Fmt.pct(c.coverage()));
            if (controls) {
                p.cell(t, Fmt.label(c.previousStatus()));
                p.cell(t, Fmt.label(c.status()));
            }
        }
        p.finish(t);
    }

    private PdfPCell chartCell(String title, Image chart) {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.BOX);
        c.setBorderColor(PdfCharts.color(Palette.RULE));
        c.setPadding(8);
        c.addElement(new com.lowagie.text.Paragraph(title, p.bold));
        chart.setAlignment(Element.ALIGN_LEFT);
        chart.scaleToFit(360, 200);
        c.addElement(chart);
        return c;
    }

    /** The teams' framework scores: a team per row, a framework of the report per column. */
    private void teamFrameworks(GapReport g) throws DocumentException {
        List<GapReport.ScoreRow> rows = g.teamFrameworks();
        if (rows.isEmpty()) {
            return;
        }
        p.subheading("Framework scores by team");
        float[] widths = new float[g.frameworks().size() + 1];
        java.util.Arrays.fill(widths, 1.3f);
        widths[0] = 2.5f;
        List<String> header = new java.util.ArrayList<>(List.of("Team"));
        g.frameworks().forEach(f -> header.add(f.framework()));
        PdfPTable t = p.table(widths, header.toArray(String[]::new));
        for (GapReport.ScoreRow r : rows) {
            p.cell(t, r.label());
            for (FrameworkScore f : r.frameworks()) {
                p.num(t, r.change() == null ? teamFramework(f) : teamFramework(f) + "\n" + change(r, f));
            }
        }
        p.finish(t);
        p.text(teamFrameworksNote(g));
    }

    /** The note under the framework scores by team: with the changes' when the report shows them. */
    static String teamFrameworksNote(GapReport g) {
        return g.teamsCompared() ? TEAM_FRAMEWORKS_NOTE + " " + TEAM_CHANGES_NOTE : TEAM_FRAMEWORKS_NOTE;
    }

    /** A team's framework score with its controls not satisfied: "87.50% (2)". */
    static String teamFramework(FrameworkScore f) {
        return Fmt.pct(f.score()) + " (" + f.notSatisfied() + ")";
    }

    /** How a team's roll-up score changed since the previous run: "+0.50 pts", a dash when not compared or new. */
    static String change(GapReport.ScoreRow r) {
        return GapReport.ScoreChange.points(r.change() == null ? null : r.change().delta());
    }

    /** How a team's score in a framework changed since the previous run: "-1.25 pts", a dash when it had none. */
    static String change(GapReport.ScoreRow r, FrameworkScore f) {
        return GapReport.ScoreChange.points(r.frameworkDelta(f.framework()));
    }
}
