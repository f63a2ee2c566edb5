package dev.steward.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PDF with OpenPDF: cover, contents (links and the document outline), executive summary with vector charts, then the
 * tables. The small tables are OpenPDF tables; the large ones (a row per owner, gap, agent, control or finding) are
 * drawn row by row by {@link PdfGrid}, which holds one row at a time, so a report of any size fits in little memory.
 * Tables repeat their header on every page. A page event stamps the generation metadata and "page n of m" on every
 * page.
 */
public final class PdfReportWriter {

    public void write(ReportKind kind, ReportModel m, OutputStream out) {
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 48, 44);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            BaseFont regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false);
            BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, false);
            String title = kind == ReportKind.OWNERSHIP ? "Agent ownership report" : "Control gap report";
            doc.addTitle(title);
            doc.addSubject("Assessment " + m.meta().assessmentId());
            doc.addCreator("Steward");
            writer.setPageEvent(new Footer(regular, title, m.meta()));
            doc.open();
            Pdf p = new Pdf(doc, writer, regular, bold);
            List<String> sections = kind == ReportKind.OWNERSHIP
                    ? List.of("Summary", "Owners by manager and team", "Gaps and actions", "Agent records", "Evidence appendix")
                    : List.of("Executive summary", "Controls", "Findings", "Changes since the previous run", "Evidence appendix");
            p.cover(title, m, sections);
            if (kind == ReportKind.OWNERSHIP) {
                new PdfOwnership(p, m).write();
            } else {
                new PdfGaps(p, m).write();
            }
            p.appendix(m, sections.size() - 1);
            doc.close();
        } catch (DocumentException | java.io.IOException e) {
            throw new IllegalStateException("cannot write the PDF report: " + e.getMessage(), e);
        }
    }

    /** Fonts, colours and building blocks shared by both reports. */
    static final class Pdf {
        final Document doc;
        final PdfWriter writer;
        final BaseFont regularBase;
        final Font body;
        final Font small;
        final Font muted;
        final Font bold;
        final Font head;
        final Font h1;
        final Font h2;
        /** The colour of the rule under each table row, one instance for every cell. */
        final Color rule = PdfCharts.color(Palette.RULE);
        /** The font and background of each pill colour pair, made once instead of per cell. */
        private final Map<String, Pill> pills = new HashMap<>();

        private record Pill(Font font, Color background) {
        }

        Pdf(Document doc, PdfWriter writer, BaseFont regular, BaseFont boldBase) {
            this.doc = doc;
            this.writer = writer;
            this.regularBase = regular;
            body = new Font(regular, 8.5f, Font.NORMAL, PdfCharts.color(Palette.INK));
            small = new Font(regular, 7.5f, Font.NORMAL, PdfCharts.color(Palette.INK));
            muted = new Font(regular, 7.5f, Font.NORMAL, PdfCharts.color(Palette.MUTED));
            bold = new Font(boldBase, 8.5f, Font.NORMAL, PdfCharts.color(Palette.INK));
            head = new Font(boldBase, 8f, Font.NORMAL, Color.WHITE);
            h1 = new Font(boldBase, 26, Font.NORMAL, PdfCharts.color(Palette.INK));
            h2 = new Font(boldBase, 15, Font.NORMAL, PdfCharts.color(Palette.HEADER));
        }

        void cover(String title, ReportModel m, List<String> sections) throws DocumentException {
            ReportMeta meta = m.meta();
            PdfContentByte cb = writer.getDirectContent();
            cb.setColorFill(PdfCharts.color(Palette.ACCENT));
            cb.rectangle(0, doc.getPageSize().getHeight() - 14, doc.getPageSize().getWidth(), 14);
            cb.fill();
            Paragraph kicker = new Paragraph("STEWARD  \u00b7  " + meta.scope().toUpperCase(java.util.Locale.ROOT),
                    new Font(bold.getBaseFont(), 10, Font.NORMAL, PdfCharts.color(Palette.ACCENT)));
            kicker.setSpacingBefore(90);
            doc.add(kicker);
            Paragraph t = new Paragraph(title, h1);
            t.setSpacingAfter(16);
            doc.add(t);
            PdfPTable facts = new PdfPTable(new float[] {1.2f, 4f});
            facts.setWidthPercentage(70);
            facts.setHorizontalAlignment(Element.ALIGN_LEFT);
            fact(facts, "Assessment", meta.assessmentId());
            fact(facts, "As of", Fmt.time(meta.asOf()));
            fact(facts, "Observation window", Fmt.time(meta.windowStart()) + " to " + Fmt.time(meta.windowEnd()));
            fact(facts, "Scope", meta.scope());
            fact(facts, "Filter", meta.filter().describe());
            fact(facts, "Generated", Fmt.time(meta.generatedAt()));
            doc.add(facts);
            Paragraph c = new Paragraph("Contents", h2);
            c.setSpacingBefore(28);
            c.setSpacingAfter(6);
            doc.add(c);
            for (int i = 0; i < sections.size(); i++) {
                Chunk link = new Chunk((i + 1) + "   " + sections.get(i), new Font(body.getBaseFont(), 11, Font.NORMAL,
                        PdfCharts.color(Palette.LINK)));
                link.setLocalGoto("s" + i);
                Paragraph line = new Paragraph(link);
                line.setSpacingAfter(3);
                doc.add(line);
            }
        }

        private void fact(PdfPTable t, String k, String v) {
            PdfPCell a = new PdfPCell(new Phrase(k, muted));
            PdfPCell b = new PdfPCell(new Phrase(v, body));
            for (PdfPCell c : List.of(a, b)) {
                c.setBorder(Rectangle.BOTTOM);
                c.setBorderColor(PdfCharts.color(Palette.RULE));
                c.setPadding(4);
                t.addCell(c);
            }
        }

        /** Starts a section on a new page: heading, named destination and outline entry. */
        void section(int index, String title) throws DocumentException {
            doc.newPage();
            Chunk anchor = new Chunk(title, h2);
            anchor.setLocalDestination("s" + index);
            Paragraph p = new Paragraph(anchor);
            p.setSpacingAfter(8);
            doc.add(p);
            new PdfOutline(writer.getDirectContent().getRootOutline(), PdfAction.gotoLocalPage("s" + index, false), title);
        }

        void subheading(String title) throws DocumentException {
            Paragraph p = new Paragraph(title, new Font(bold.getBaseFont(), 11, Font.NORMAL, PdfCharts.color(Palette.INK)));
            p.setSpacingBefore(10);
            p.setSpacingAfter(4);
            doc.add(p);
        }

        void text(String s) throws DocumentException {
            Paragraph p = new Paragraph(s, body);
            p.setSpacingAfter(4);
            doc.add(p);
        }

        PdfPTable table(float[] widths, String... headers) {
            PdfPTable t = new PdfPTable(widths);
            t.setWidthPercentage(100);
            t.setHeaderRows(1);
            t.setComplete(false);
            for (String h : headers) {
                PdfPCell c = new PdfPCell(new Phrase(h, head));
                c.setBackgroundColor(PdfCharts.color(Palette.HEADER));
                c.setBorderColor(PdfCharts.color(Palette.HEADER));
                c.setPadding(4);
                t.addCell(c);
            }
            return t;
        }

        void finish(PdfPTable t) throws DocumentException {
            alignHeads(t);
            t.setComplete(true);
            doc.add(t);
        }

        /** Right-aligns the heading of each column whose first row is a number, so that it sits over its figures. */
        private static void alignHeads(PdfPTable t) {
            if (t.size() < 2) {
                return;
            }
            PdfPCell[] head = t.getRow(0).getCells();
            PdfPCell[] first = t.getRow(1).getCells();
            for (int i = 0; i < Math.min(head.length, first.length); i++) {
                if (head[i] != null && first[i] != null && first[i].getHorizontalAlignment() == Element.ALIGN_RIGHT) {
                    head[i].setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
            }
        }

        void cell(PdfPTable t, String s) {
            t.addCell(cell(s, body, false));
        }

        void mutedCell(PdfPTable t, String s) {
            t.addCell(cell(s, muted, false));
        }

        void num(PdfPTable t, String s) {
            t.addCell(cell(s, body, true));
        }

        /** A coloured label (pill) in an otherwise plain cell. */
        void badge(PdfPTable t, String s, String[] fgBg) {
            Pill style = pills.computeIfAbsent(fgBg[0] + fgBg[1], k -> new Pill(new Font(bold.getBaseFont(), 6.5f,
                    Font.NORMAL, PdfCharts.color(fgBg[0])), PdfCharts.color(fgBg[1])));
            Chunk pill = new Chunk("\u00a0" + s + "\u00a0", style.font());
            pill.setBackground(style.background(), 1.5f, 2f, 1.5f, 3f);
            Phrase phrase = new Phrase(pill);
            phrase.setLeading(11);
            PdfPCell c = new PdfPCell(phrase);
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderColor(rule);
            c.setPadding(3.5f);
            c.setPaddingTop(5);
            t.addCell(c);
        }

        /** A cell of one line of any text: shown as {@link PdfCells#shown} does (a blank is a dash, a long text cut). */
        PdfPCell cell(String s, Font f, boolean right) {
            return plain(PdfCells.shown(s), f, right);
        }

        private PdfPCell plain(String v, Font f, boolean right) {
            PdfPCell c = new PdfPCell(new Phrase(v, f));
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderColor(rule);
            c.setPadding(3.5f);
            if (right) {
                c.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            return c;
        }

        void appendix(ReportModel m, int index) throws DocumentException {
            section(index, "Evidence appendix");
            ReportMeta meta = m.meta();
            PdfPTable facts = table(new float[] {1.2f, 5f}, "Fact", "Value");
            String[][] rows = {{"Assessment", meta.assessmentId()}, {"As of", Fmt.time(meta.asOf())},
                    {"Window", Fmt.time(meta.windowStart()) + " to " + Fmt.time(meta.windowEnd())},
                    {"Engine version", meta.engineVersion()}, {"Mapping version", meta.mappingVersion()},
                    {"Parameters digest", meta.parametersDigest()}, {"Scope", meta.scope()},
                    {"Filter", meta.filter().describe()}};
            for (String[] r : rows) {
                cell(facts, r[0]);
                cell(facts, r[1]);
            }
            finish(facts);
            subheading("Inputs");
            PdfPTable in = table(new float[] {0.6f, 0.9f, 2.2f, 4f, 1.4f}, "Upload", "Kind", "Files", "SHA-256", "As of");
            for (GapReport.InputRow i : m.gaps().appendix().inputs()) {
                num(in, Long.toString(i.uploadId()));
                cell(in, i.kind());
                cell(in, i.files());
                cell(in, i.contentHash());
                cell(in, Fmt.time(i.asOf()));
            }
            finish(in);
            subheading("Mapping files");
            for (String f : m.gaps().appendix().mappingFiles()) {
                doc.add(new Paragraph(f, small));
            }
        }
    }

    /** Header rule, generation metadata and "page n of m" on every page but the cover. */
    private static final class Footer extends PdfPageEventHelper {
        private final BaseFont font;
        private final String title;
        private final ReportMeta meta;
        /** The footer's text, the same on every page: made once rather than on each of ten thousand pages. */
        private String line;
        private PdfTemplate total;

        Footer(BaseFont font, String title, ReportMeta meta) {
            this.font = font;
            this.title = title;
            this.meta = meta;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(30, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            float left = document.leftMargin();
            float right = page.getWidth() - document.rightMargin();
            cb.saveState();
            cb.setColorStroke(PdfCharts.color(Palette.RULE));
            cb.setLineWidth(0.5f);
            cb.moveTo(left, 30);
            cb.lineTo(right, 30);
            cb.stroke();
            cb.beginText();
            cb.setFontAndSize(font, 7);
            cb.setColorFill(PdfCharts.color(Palette.MUTED));
            cb.setTextMatrix(left, 20);
            if (line == null) {
                line = "Steward \u00b7 " + title + " \u00b7 assessment " + meta.assessmentId() + " as of "
                        + Fmt.time(meta.asOf()) + " \u00b7 generated " + Fmt.time(meta.generatedAt());
            }
            cb.showText(line);
            String n = "Page " + writer.getPageNumber() + " of ";
            float w = font.getWidthPoint(n, 7);
            cb.setTextMatrix(right - w - 18, 20);
            cb.showText(n);
            cb.endText();
            cb.addTemplate(total, right - 18, 20);
            cb.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(font, 7);
            total.setColorFill(PdfCharts.color(Palette.MUTED));
            total.setTextMatrix(0, 0);
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }

    static String join(List<String> l, int max) {
        List<String> shown = new ArrayList<>(l.subList(0, Math.min(max, l.size())));
        return shown.stream().collect(Collectors.joining(", ")) + (l.size() > max ? ", \u2026" : "");
    }

}
