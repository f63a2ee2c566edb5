package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The large tables drawn by {@link PdfGrid}, read back with PDFBox: every cell once and in order over many pages, the
 * header on every page, "Page X of Y", rows taller than a page, and the same line breaks as OpenPDF's own table cells.
 */
class PdfGridTest {

    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private static final float[] FINDING_WIDTHS = {1.5f, 0.9f, 1.3f, 1.8f, 1.3f, 0.6f, 4f, 3f};

    private static GapReport.FindingRow finding(int i, String reason, List<EvidenceRef> evidence, String remediation) {
        return new GapReport.FindingRow(i, "CRD-1", "default", "Short-lived credentials", Severity.HIGH,
                i % 3 == 0 ? Result.INSUFFICIENT_EVIDENCE : Result.FAIL, null, "credential", String.format("sub-%04d", i),
                "p-1", "Pat Doe", "payments", "prod", reason, AS_OF, 12L, evidence, List.of("owasp-nhi-2025:NHI7"),
                remediation, null);
    }

    private static final GapReport.Revocation NO_REVOCATION = new GapReport.Revocation(0, 0, 0, null, null, null, false);

    private static ReportModel gapsModel(List<GapReport.FindingRow> findings) {
        ReportMeta meta = new ReportMeta("run-1", AS_OF, AS_OF.minusSeconds(86_400 * 30), AS_OF, AS_OF, "1.0", "m-1",
                "digest", null, null, ReportFilter.NONE);
        GapReport g = new GapReport(List.of(), List.of(), findings.size(), List.of(), List.of(), List.of(),
                NO_REVOCATION, null,
                List.of(), List.of(), List.of(), findings, new GapReport.Appendix(List.of(), List.of()));
        return new ReportModel(meta, new OwnershipReport(List.of(), List.of(), 0, List.of(), List.of()), g);
    }

    private static byte[] write(ReportKind kind, ReportModel m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportWriter().write(kind, m, out);
        return out.toByteArray();
    }

    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                pages.add(s.getText(doc));
            }
            return pages;
        }
    }

    private static List<String> all(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyRowOfAManyPageTableAppearsOnceInOrderUnderTheHeaderWithPageXOfY() throws IOException {
        List<GapReport.FindingRow> rows = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(finding(i, String.format("reason-%04d the credential lives too long", i),
                    List.of(EvidenceRef.of("credential", String.format("ev-%04d", i), "ttl P30D")), "Rotate it."));
            expected.add(String.format("sub-%04d", i));
        }
        List<String> pages = pages(write(ReportKind.GAPS, gapsModel(rows)));
        String text = String.join("", pages);

        assertThat(all(Pattern.compile("sub-\\d{4}"), text)).containsExactlyElementsOf(expected);
        assertThat(all(Pattern.compile("reason-\\d{4}"), text)).containsExactlyElementsOf(
                expected.stream().map(s -> s.replace("sub-", "reason-")).toList());
        assertThat(all(Pattern.compile("ev-\\d{4}"), text)).hasSize(400);

        int tablePages = 0;
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            if (i > 0) {
                assertThat(page).as("page %d", i + 1).contains("Page " + (i + 1) + " of " + pages.size());
            }
            int first = page.indexOf("sub-");
            if (first >= 0) {
                tablePages++;
                assertThat(all(Pattern.compile("Reason and evidence"), page)).as("header on page %d", i + 1).hasSize(1);
                assertThat(page.indexOf("Reason and evidence")).as("header first on page %d", i + 1).isLessThan(first);
            }
        }
        assertThat(tablePages).isGreaterThan(5);
    }

    @Test
    void theOwnershipTablesShowEveryOwnerGapAndAgentOnceInOrder() throws IOException {
        List<OwnerSummary> owners = new ArrayList<>();
        List<AgentRow> agents = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            owners.add(new OwnerSummary("m-1", "Mia Manager", "payments", String.format("own-%04d", i), null,
                    i % 2 == 0 ? "active" : "departed", 1, 1, 1));
            Gap gap = new Gap("OWN-2", "Owner active", Severity.HIGH, Result.FAIL, String.format("agent-%04d", i),
                    String.format("gapreason-%04d owner left", i), AS_OF, 40L, "Reassign", null);
            agents.add(new AgentRow(String.format("agent-%04d", i), "Billing bot " + i, "payments", "prod", "autonomous",
                    "active", String.format("own-%04d", i), null, "departed", "m-1", "Mia Manager", null, null, null, "spiffe",
                    "#alerts", null, "revoke", null, null, null, 3, List.of(gap)));
        }
        ReportMeta meta = new ReportMeta("run-1", AS_OF, AS_OF.minusSeconds(86_400 * 30), AS_OF, AS_OF, "1.0", "m-1",
                "digest", null, null, ReportFilter.NONE);
        OwnershipReport o = new OwnershipReport(List.of(new Headline("agents", "Agents", 150, "All agents"),
                new Headline("unowned", "Unowned", 0, "No owner")), owners, agents.size(), agents, agents);
        GapReport g = new GapReport(List.of(), List.of(), 0, List.of(), List.of(), List.of(), NO_REVOCATION, null,
                List.of(), List.of(), List.of(),
                List.of(), new GapReport.Appendix(List.of(), List.of()));
        List<String> pages = pages(write(ReportKind.OWNERSHIP, new ReportModel(meta, o, g)));
        String text = String.join("", pages);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(String.format("%04d", i));
        }
        // the owners table, then the gaps table (owner, agent, reason), then the agent records (agent, owner)
        List<String> expected = new ArrayList<>();
        ids.forEach(i -> expected.add("own-" + i));
        ids.forEach(i -> expected.addAll(List.of("own-" + i, "agent-" + i, "gapreason-" + i)));
        ids.forEach(i -> expected.addAll(List.of("agent-" + i, "own-" + i)));
        assertThat(all(Pattern.compile("(own|agent|gapreason)-\\d{4}"), text)).containsExactlyElementsOf(expected);
        assertThat(all(Pattern.compile("departed"), text)).hasSize(75 + 150);
        for (int i = 1; i < pages.size(); i++) {
            assertThat(pages.get(i)).contains("Page " + (i + 1) + " of " + pages.size());
            if (pages.get(i).contains("agent-") && !pages.get(i).contains("Evidence appendix")) {
                assertThat(pages.get(i)).containsAnyOf("Owner status", "Severity", "Kill switch");
            }
        }
    }

    @Test
    void aRowTallerThanAPageContinuesOnTheNextPagesWithoutLosingALine() throws IOException {
        List<EvidenceRef> evidence = new ArrayList<>();
        int word = 0;
        for (int e = 0; e < 3; e++) {
            StringBuilder detail = new StringBuilder();
            while (detail.length() < 1400) {
                detail.append(String.format("w%04d ", word++));
            }
            evidence.add(EvidenceRef.of("agent", "a-" + e, detail.toString()));
        }
        List<GapReport.FindingRow> rows = List.of(finding(0, "short", List.of(), "Rotate."),
                finding(1, "long", evidence, "Rotate it now."), finding(2, "after", List.of(), "Rotate."));
        List<String> pages = pages(write(ReportKind.GAPS, gapsModel(rows)));
        String text = String.join("", pages);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < word; i++) {
            expected.add(String.format("w%04d", i));
        }
        assertThat(all(Pattern.compile("w\\d{4}"), text)).containsExactlyElementsOf(expected);
        assertThat(all(Pattern.compile("sub-\\d{4}"), text)).containsExactly("sub-0000", "sub-0001", "sub-0002");
        long continued = pages.stream().filter(p -> p.contains("w0")).count();
        assertThat(continued).as("the long row spans pages").isGreaterThan(1);
        pages.stream().filter(p -> p.contains("w0")).forEach(p -> assertThat(p).contains("Reason and evidence"));
    }

    @Test
    void everyCellOfARowStartsOnTheSameLine() throws IOException {
        java.nio.file.Path pdf = java.nio.file.Files.createTempFile("steward-grid", ".pdf");
        try {
            java.nio.file.Files.write(pdf, write(ReportKind.GAPS, gapsModel(List.of(finding(1, "idle for 200 days",
                    List.of(), "Revoke the idle credential.")))));
            List<ReadBack.Word> words = new ArrayList<>();
            for (int page = 1; page <= ReadBack.pdfPages(pdf); page++) {
                List<ReadBack.Word> on = ReadBack.words(pdf, page);
                if (on.stream().anyMatch(x -> x.text().equals("CRD-1"))) {
                    words = on;
                }
            }
            List<ReadBack.Word> row = words;
            // the check over its title and the subject over its kind are spaced cells; the owner, age and remediation
            // plain ones
            List<Float> first = new ArrayList<>();
            for (String w : List.of("CRD-1", "sub-0001", "Pat", "12", "idle", "Revoke")) {
                first.add(row.stream().filter(x -> x.text().equals(w)).findFirst().orElseThrow(() ->
                        new AssertionError(w + " not on the page: " + row)).y());
            }
            assertThat(first.stream().mapToDouble(Float::doubleValue).max().orElseThrow()
                    - first.stream().mapToDouble(Float::doubleValue).min().orElseThrow())
                    .as("first baselines of the row's cells " + first).isLessThan(1.5);
        } finally {
            java.nio.file.Files.delete(pdf);
        }
    }

    @Test
    void anEmptyTableShowsItsHeaderAndANote() throws IOException {
        String text = String.join("", pages(write(ReportKind.GAPS, gapsModel(List.of()))));
        assertThat(all(Pattern.compile("Reason and evidence"), text)).hasSize(1);
        assertThat(all(Pattern.compile("No findings\\."), text)).hasSize(1);
    }

    @Test
    void aVeryLongCellWrapsAndIsCutWithAnEllipsisAsBefore() throws IOException {
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < PdfCells.MAX_TEXT + 300; i++) {
            words.append(String.format("r%04d ", i));
        }
        String unbroken = "x".repeat(400);
        List<String> pages = pages(write(ReportKind.GAPS, gapsModel(List.of(finding(0, words.toString(), List.of(),
                unbroken)))));
        String text = String.join("", pages);
        String shown = PdfCells.shown(words.toString());
        List<String> kept = all(Pattern.compile("r\\d{4}"), shown);
        assertThat(all(Pattern.compile("r\\d{4}"), text)).containsExactlyElementsOf(kept);
        assertThat(text).contains(shown.substring(shown.length() - 4));
        assertThat(text.replaceAll("\\s", "")).contains(shown.substring(shown.length() - 12).replaceAll("\\s", ""));
        List<String> pieces = all(Pattern.compile("x{3,}"), text);
        assertThat(pieces.stream().mapToInt(String::length).sum()).isEqualTo(400);
        assertThat(pieces.size()).as("an unbroken word wraps over several lines").isGreaterThan(3);
    }

    /**
     * The same cells laid out by OpenPDF's table (as the writers did before) and by the grid: the text read back by
     * position, line by line, is the same, so the lines break at the same places (hyphens, blanks, inside a long word,
     * pills, several lines in one cell, characters outside WinAnsi).
     */
    @Test
    void linesBreakWhereOpenPdfTableCellsBrokeThem() throws IOException {
        List<List<String>> rows = List.of(
                List.of("CRD-1\nShort-lived credentials for autonomous agents", "CRITICAL", "INSUFFICIENT",
                        "backup-verifier-087393\ncredential \u00b7 data-platform-105 \u00b7 prod",
                        "Xavier Mensah-O'Connor", "12 d",
                        "#finance-47-alerts / deny-spike and revoke workload identity backup-verifier-087393 (tested "
                                + "2026-06-12)\nagent a-1: " + "y".repeat(120) + "\nupload u-1: inventory.yaml",
                        "Rotate   it  now, then   re-issue with a shorter lifetime.  "),
                List.of("OWN-2\n\u2013", "LOW", "FAIL", "a\nb", "Zo\u00eb \u0142\u00f3d\u017a \u2603 \u6771\u4eac \u20ac 5",
                        "3 d", "reason with\ttab and a very-long-hyphenated-word-that-goes-on-and-on-and-on-and-on-and-on",
                        "\u2014"));
        byte[] reference = page(p -> {
            PdfPTable t = new PdfPTable(FINDING_WIDTHS);
            t.setWidthPercentage(100);
            for (List<String> r : rows) {
                t.addCell(oldLines(p, r.get(0), p.bold, p.muted));
                t.addCell(oldBadge(p, r.get(1)));
                t.addCell(oldBadge(p, r.get(2)));
                t.addCell(oldLines(p, r.get(3), p.body, p.muted));
                t.addCell(oldPlain(p, r.get(4), p.body, false));
                t.addCell(oldPlain(p, r.get(5), p.body, true));
                t.addCell(oldLines(p, r.get(6), p.small, p.muted));
                t.addCell(oldPlain(p, r.get(7), p.small, false));
            }
            try {
                p.doc.add(t);
            } catch (com.lowagie.text.DocumentException e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] grid = page(p -> {
            PdfGrid t = new PdfGrid(p, FINDING_WIDTHS, "", "", "", "", "", "", "", "");
            String[] pill = Palette.severity(Severity.LOW);
            try {
                for (List<String> r : rows) {
                    t.lines(r.get(0), p.bold, p.muted);
                    t.pill(r.get(1), pill);
                    t.pill(r.get(2), pill);
                    t.lines(r.get(3), p.body, p.muted);
                    t.text(r.get(4), p.body);
                    t.num(r.get(5), p.body);
                    t.lines(r.get(6), p.small, p.muted);
                    t.text(r.get(7), p.small);
                    t.endRow();
                }
                t.finish();
            } catch (com.lowagie.text.DocumentException e) {
                throw new IllegalStateException(e);
            }
        });
        // each column's lines top to bottom: the same breaks, though a spaced cell's first line now starts higher
        List<List<String>> expected = columnLines(reference);
        assertThat(String.join(" ", expected.get(3))).contains("backup-verifier-");
        assertThat(String.join(" ", expected.get(4))).contains("Zo\u00eb").contains("\u20ac");
        assertThat(expected.get(6)).hasSizeGreaterThan(4);
        assertThat(columnLines(grid)).isEqualTo(expected);
    }

    private static byte[] page(Consumer<PdfReportWriter.Pdf> content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 48, 44);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.open();
            PdfReportWriter.Pdf p = new PdfReportWriter.Pdf(doc, writer,
                    BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false),
                    BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, false));
            content.accept(p);
            doc.close();
        } catch (com.lowagie.text.DocumentException | IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The text by position, without the (empty) header row, each line's words separated by single spaces. */
    /** The lines of each column of {@link #FINDING_WIDTHS} on the first page, top to bottom, words joined by spaces. */
    private static List<List<String>> columnLines(byte[] pdf) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("steward-grid", ".pdf");
        try {
            java.nio.file.Files.write(file, pdf);
            float total = 0;
            for (float w : FINDING_WIDTHS) {
                total += w;
            }
            float[] left = new float[FINDING_WIDTHS.length];
            float at = 36;
            for (int i = 0; i < FINDING_WIDTHS.length; i++) {
                left[i] = at;
                at += (PageSize.A4.rotate().getWidth() - 72) * FINDING_WIDTHS[i] / total;
            }
            List<List<String>> columns = new ArrayList<>();
            List<Float> lastY = new ArrayList<>();
            for (int i = 0; i < FINDING_WIDTHS.length; i++) {
                columns.add(new ArrayList<>());
                lastY.add(Float.NaN);
            }
            for (ReadBack.Word w : ReadBack.words(file, 1)) {
                int c = 0;
                while (c + 1 < left.length && w.left() >= left[c + 1]) {
                    c++;
                }
                List<String> lines = columns.get(c);
                if (!lines.isEmpty() && Math.abs(lastY.get(c) - w.y()) < 0.5) {
                    lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + w.text());
                } else {
                    lines.add(w.text());
                }
                lastY.set(c, w.y());
            }
            return columns;
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    // the cells as the writers built them with OpenPDF's table before the grid

    private static PdfPCell oldPlain(PdfReportWriter.Pdf p, String v, Font f, boolean right) {
        PdfPCell c = new PdfPCell(new Phrase(v, f));
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(p.rule);
        c.setPadding(3.5f);
        if (right) {
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return c;
    }

    private static PdfPCell oldLines(PdfReportWriter.Pdf p, String text, Font first, Font rest) {
        int br = text.indexOf('\n');
        Phrase phrase = new Phrase(new Chunk(br < 0 ? text : text.substring(0, br), first));
        if (br >= 0) {
            phrase.add(new Chunk(text.substring(br), rest));
        }
        PdfPCell c = new PdfPCell(phrase);
        c.setLeading(0, 1.5f);
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(p.rule);
        c.setPadding(3.5f);
        return c;
    }

    private static PdfPCell oldBadge(PdfReportWriter.Pdf p, String s) {
        String[] fgBg = Palette.severity(Severity.LOW);
        Chunk pill = new Chunk("\u00a0" + s + "\u00a0", new Font(p.bold.getBaseFont(), 6.5f, Font.NORMAL,
                PdfCharts.color(fgBg[0])));
        pill.setBackground(PdfCharts.color(fgBg[1]), 1.5f, 2f, 1.5f, 3f);
        Phrase phrase = new Phrase(pill);
        phrase.setLeading(11);
        PdfPCell c = new PdfPCell(phrase);
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(p.rule);
        c.setPadding(3.5f);
        c.setPaddingTop(5);
        return c;
    }
}
