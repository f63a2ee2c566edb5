package dev.steward.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/** The ownership report's PDF sections: headline cards, owners, gaps with actions, agent records. */
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
        p.doc.add(cards);

        p.section(1, "Owners by manager and team");
        PdfPTable t = p.table(new float[] {2, 1.6f, 2.6f, 1.1f, 0.8f, 0.8f, 0.8f}, "Manager", "Team", "Owner", "Owner status",
                "Agents", "With gaps", "Gaps");
        long n = 0;
        for (OwnerSummary r : o.owners()) {
            p.cell(t, r.managerName());
            p.cell(t, r.team());
            p.cell(t, r.ownerName() == null ? r.owner() : r.ownerName() + " (" + r.owner() + ")");
            if ("active".equals(r.ownerStatus())) {
                p.cell(t, r.ownerStatus());
            } else {
                p.badge(t, r.ownerStatus(), Palette.result(dev.steward.check.Result.FAIL));
            }
            p.num(t, Long.toString(r.agents()));
            p.num(t, Long.toString(r.agentsWithGaps()));
            p.num(t, Long.toString(r.gaps()));
            p.rowDone(t, ++n);
        }
        p.finish(t);

        p.section(2, "Gaps and actions");
        PdfPTable g = p.table(new float[] {1.4f, 1.1f, 1.5f, 1.6f, 0.8f, 0.9f, 0.9f, 0.7f, 3.2f, 3.2f}, "Manager", "Team",
                "Owner", "Agent", "Gap", "Severity", "Result", "Age", "Reason", "Action");
        n = 0;
        for (AgentRow a : o.byOwner()) {
            for (Gap x : a.gaps()) {
                p.cell(g, a.managerName());
                p.cell(g, a.team());
                p.cell(g, a.ownerName() == null ? a.owner() : a.ownerName());
                p.cell(g, a.id());
                p.cell(g, x.checkId());
                p.badge(g, x.severity().name(), Palette.severity(x.severity()));
                p.badge(g, x.result() == dev.steward.check.Result.INSUFFICIENT_EVIDENCE ? "INSUFFICIENT" : x.result().name(),
                        Palette.result(x.result()));
                p.num(g, Fmt.days(x.ageDays()));
                g.addCell(p.cell(x.reason(), p.small, false));
                g.addCell(p.cell(x.action(), p.small, false));
                p.rowDone(g, ++n);
            }
        }
        if (n == 0) {
            PdfPCell none = p.cell("No ownership gaps.", p.muted, false);
            none.setColspan(10);
            g.addCell(none);
        }
        p.finish(g);

        p.section(3, "Agent records");
        PdfPTable r = p.table(new float[] {2.2f, 1.1f, 0.7f, 1.1f, 1.7f, 1.5f, 1.3f, 1.5f, 2f, 1f, 0.7f, 1.3f}, "Agent", "Team",
                "Env", "Autonomy", "Owner", "Manager", "Backup", "Monitoring", "Kill switch", "Reviewed", "Active creds",
                "Gaps");
        n = 0;
        for (AgentRow a : o.agents()) {
            PdfPCell id = p.cell(a.id(), p.bold, false);
            if (a.name() != null) {
                id.addElement(new Phrase(a.id(), p.bold));
                id.addElement(new Phrase(a.name(), p.muted));
            }
            r.addCell(id);
            p.cell(r, a.team());
            p.cell(r, a.environment());
            p.cell(r, a.autonomy());
            p.cell(r, (a.ownerName() == null ? Fmt.text(a.owner()) : a.ownerName()) + " (" + a.ownerStatus() + ")");
            p.cell(r, a.managerName());
            p.cell(r, a.backupOwner());
            p.cell(r, Fmt.text(a.alertChannel()) + " / " + Fmt.text(a.incidentTrigger()));
            r.addCell(p.cell(Fmt.text(a.killSwitch()) + " (tested " + Fmt.date(a.killSwitchTestedAt()) + ")", p.small, false));
            p.cell(r, Fmt.date(a.lastReviewedAt()));
            p.num(r, Integer.toString(a.activeCredentials()));
            p.cell(r, a.gapIds());
            p.rowDone(r, ++n);
        }
        p.finish(r);
    }

}
