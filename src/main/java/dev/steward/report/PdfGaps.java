package dev.steward.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.RunDiff;
import dev.steward.assessment.TeamRecommendation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The gap report's PDF sections: executive summary with charts and small tables, then controls and findings, the
 * two large tables drawn by {@link PdfGrid}.
 */
final class PdfGaps {

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
        RunDiff d = g.diff();
        p.text(d == null ? "No earlier run to compare with." : String.format(java.util.Locale.ROOT,
                "Compared with %s (as of %s): %d new, %d resolved, %d regressed, %d improved, %d changed, %d unchanged findings.",
                d.previousId(), Fmt.date(d.previousAsOf()), d.counts().newFindings(), d.counts().resolved(),
                d.counts().regressed(), d.counts().improved(), d.counts().changed(), d.counts().unchanged()));

        p.section(1, "Controls");
        PdfGrid c = new PdfGrid(p, new float[] {2.3f, 3.05f, 1.4f, 0.8f, 0.8f, 1.8f, 0.85f, 2.2f}, "Control", "Title",
                "Status", "Score", "Coverage", "Checks", "Findings", "Failing subjects");
        for (GapReport.ControlRow x : g.controls()) {
            List<String> v = PdfCells.control(x);
            c.text(v.get(0), x.group() ? p.bold : p.body);
            c.text(v.get(1), x.group() ? p.bold : p.body);
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
}
