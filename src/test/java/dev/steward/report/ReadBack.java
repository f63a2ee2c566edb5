package dev.steward.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Reads generated report files back the way a user's tools would: a CSV parser, PDF text extraction, POI. */
final class ReadBack {

    private ReadBack() {
    }

    /** RFC 4180 parse: quoted fields with doubled quotes and embedded line breaks, CRLF records. */
    static List<List<String>> csv(Path file) throws IOException {
        String s = Files.readString(file);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            throw new AssertionError("CSV does not end with CRLF");
        }
        return rows;
    }

    static String pdfText(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /**
     * Where text is drawn over other text on a page (1-based) of a PDF: each pair of glyphs on one baseline whose
     * second starts before the first's middle, as "c / o at x=74, y=367".
     * Text laid out as lines and table cells never does that; a label placed on top of another does.
     */
    static List<String> overdrawnText(Path file, int page) throws IOException {
        List<org.apache.pdfbox.text.TextPosition> glyphs = glyphs(file, page);
        List<String> overdrawn = new ArrayList<>();
        for (int i = 1; i < glyphs.size(); i++) {
            var a = glyphs.get(i - 1);
            var b = glyphs.get(i);
            boolean sameLine = Math.abs(a.getYDirAdj() - b.getYDirAdj()) < 0.5;
            if (sameLine && b.getXDirAdj() < a.getXDirAdj() + a.getWidthDirAdj() / 2) {
                overdrawn.add(a.getUnicode() + " / " + b.getUnicode() + " at x=" + Math.round(b.getXDirAdj()) + ", y="
                        + Math.round(b.getYDirAdj()));
            }
        }
        return overdrawn;
    }

    /** The glyphs drawn on a page (1-based) of a PDF, blanks left out, line by line from the top. */
    private static List<org.apache.pdfbox.text.TextPosition> glyphs(Path file, int page) throws IOException {
        return glyphs(file, page, new java.util.IdentityHashMap<>());
    }

    /** As {@link #glyphs(Path, int)}, noting each glyph's fill colour (0xRRGGBB) in {@code colours}. */
    private static List<org.apache.pdfbox.text.TextPosition> glyphs(Path file, int page,
            Map<org.apache.pdfbox.text.TextPosition, Integer> colours) throws IOException {
        List<org.apache.pdfbox.text.TextPosition> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                {
                    // the text stripper ignores colour operators unless told to follow them
                    addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor(this));
                    addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor(this));
                    addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace(this));
                    addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor(this));
                    addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN(this));
                }

                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
                    if (!text.getUnicode().isBlank()) {
                        glyphs.add(text);
                        try {
                            colours.put(text, getGraphicsState().getNonStrokingColor().toRGB());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(doc);
        }
        // line by line from the top (baselines to half a point), left to right
        glyphs.sort(java.util.Comparator.comparingDouble((org.apache.pdfbox.text.TextPosition t) -> Math.round(
                t.getYDirAdj() * 2) / 2.0).thenComparingDouble(org.apache.pdfbox.text.TextPosition::getXDirAdj));
        return glyphs;
    }

    /**
     * A word drawn on a PDF page: its text, left and right edge and baseline, in points from the top left, and the fill
     * colour of its first glyph (0xRRGGBB).
     */
    record Word(String text, float left, float right, float y, int colour) {
    }

    /** The words of a page (1-based), line by line from the top: glyphs on one baseline with no gap between them. */
    static List<Word> words(Path file, int page) throws IOException {
        Map<org.apache.pdfbox.text.TextPosition, Integer> colours = new java.util.IdentityHashMap<>();
        List<org.apache.pdfbox.text.TextPosition> glyphs = glyphs(file, page, colours);
        List<Word> words = new ArrayList<>();
        int colour = 0;
        StringBuilder text = new StringBuilder();
        float left = 0;
        float right = 0;
        float y = Float.NaN;
        for (org.apache.pdfbox.text.TextPosition g : glyphs) {
            boolean next = Math.abs(g.getYDirAdj() - y) < 0.5 && g.getXDirAdj() < right + 0.8f;
            if (!next) {
                if (text.length() > 0) {
                    words.add(new Word(text.toString(), left, right, y, colour));
                }
                text.setLength(0);
                left = g.getXDirAdj();
                y = g.getYDirAdj();
                colour = colours.get(g);
            }
            text.append(g.getUnicode());
            right = g.getXDirAdj() + g.getWidthDirAdj();
        }
        if (text.length() > 0) {
            words.add(new Word(text.toString(), left, right, y, colour));
        }
        return words;
    }

    static int pdfPages(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return doc.getNumberOfPages();
        }
    }

    /** The first row whose first cell has this text. */
    static Row rowStartingWith(Sheet sheet, String text) {
        for (Row r : sheet) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                return r;
            }
        }
        throw new AssertionError("no row starting with '" + text + "' in sheet " + sheet.getSheetName());
    }

    static int columnOf(Row header, String name) {
        for (Cell c : header) {
            if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(name)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + name);
    }
}
