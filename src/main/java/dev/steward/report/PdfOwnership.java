package dev.steward.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.List;

/**
 * The ownership report's PDF sections: headline cards, then owners, gaps with actions and agent records, the three
 * large tables drawn by {@link PdfGrid}.
 */
final class PdfOwnership {

    private final PdfReportWriter.Pdf p;
    private final ReportModel m;

    PdfOwnership(PdfReportWriter.Pdf p, ReportModel m) {
        this.p = p;
        this.m = m;
    }

    void write() throws DocumentException {
        OwnershipReport o = m.ownership();
        p.section(0, "Summary");
        PdfPTable cards = new PdfPTable(3);
        cards.setWidthPercentage(100);
        for (Headline h : o.headlines()) {
            boolean warn = !h.key().equals("agents") && !h.key().equals("activeOwner") && h.value() > 0;
            PdfPCell c = new PdfPCell();
            c.setBorderColor(PdfCharts.color(Palette.RULE));
            c.setPadding(7);
            c.addElement(new Phrase(Long.toString(h.value()), new Font(p.bold.getBaseFont(), 20, Font.NORMAL,
                    PdfCharts.color(warn ? "9B1C1C" : Palette.INK))));
            c.addElement(new Phrase(h.label(), p.bold));
            c.addElement(new Phrase(h.definition(), p.muted));
            cards.addCell(c);
        }
        // a table drops an unfinished last row: fill it with empty cells so that every headline is shown
        cards.getDefaultCell().setBorder(com.lowagie.text.Rectangle.NO_BORDER);
        cards.completeRow();
        p.doc.add(cards);

        p.section(1, "Owners by manager and team");
        PdfGrid t = new PdfGrid(p, new float[] {2, 1.6f, 2.6f, 1.1f, 0.8f, 0.8f, 0.8f}, "Manager", "Team", "Owner",
                "Owner status", "Agents", "With gaps", "Gaps");
        for (OwnerSummary r : o.owners()) {
            List<String> v = PdfCells.owner(r);
            for (int i = 0; i < 3; i++) {
                t.text(v.get(i), p.body);
            }
            if ("active".equals(r.ownerStatus())) {
                t.text(v.get(3), p.body);
            } else {
                t.pill(v.get(3), Palette.result(dev.steward.check.Result.FAIL));
            }
            for (int i = 4; i < 7; i++) {
                t.num(v.get(i), p.body);
            }
            t.endRow();
        }
        t.finish();

        p.section(2, "Gaps and actions");
        PdfGrid g = new PdfGrid(p, new float[] {1.4f, 1.1f, 1.5f, 1.6f, 0.8f, 0.9f, 0.9f, 0.7f, 3.2f, 3.2f}, "Manager",
                "Team", "Owner", "Agent", "Gap", "Severity", "Result", "Age", "Reason", "Action");
        long n = 0;
        for (AgentRow a : o.byOwner()) {
            for (Gap x : a.gaps()) {
                List<String> v = PdfCells.gap(a, x);
                for (int i = 0; i < 4; i++) {
                    g.text(v.get(i), p.body);
                }
                g.lines(v.get(4), p.body, p.bold); // the check, and below it how it changed since the previous run
                g.pill(v.get(5), Palette.severity(x.severity()));
                g.pill(v.get(6), Palette.result(x.result()));
                g.num(v.get(7), p.body);
                g.text(v.get(8), p.small);
                g.text(v.get(9), p.small);
                g.endRow();
                n++;
            }
        }
        if (n == 0) {
            g.spanRow(PdfCells.shown("No ownership gaps."), p.muted);
        }
        g.finish();

        p.section(3, "Agent records");
        PdfGrid r = new PdfGrid(p, new float[] {2f, 1.1f, 0.9f, 1.3f, 1.7f, 1.5f, 1.3f, 1.5f, 1.8f, 1.2f, 0.7f, 1.3f},
                "Agent", "Team", "Env", "Autonomy", "Owner", "Manager", "Backup", "Monitoring", "Kill switch", "Reviewed",
                "Active creds", "Gaps");
        for (AgentRow a : o.agents()) {
            List<String> v = PdfCells.agent(a);
            r.lines(v.get(0), p.bold, p.muted);
            for (int i = 1; i < 8; i++) {
                r.text(v.get(i), p.body);
            }
            r.text(v.get(8), p.small);
            r.text(v.get(9), p.body);
            r.num(v.get(10), p.body);
            r.text(v.get(11), p.body);
            r.endRow();
        }
        r.finish();
    }

}
