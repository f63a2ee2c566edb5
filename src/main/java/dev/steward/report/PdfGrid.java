package dev.steward.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A large table of the PDF reports drawn straight onto the page: fixed column widths, the header row repeated at the
 * top of every page, each row's cells wrapped by {@link PdfWrap} (the line breaks of OpenPDF's own table cells) and
 * written with one text object per row, the rule under each row and the pills as plain rectangles. It looks like the
 * {@code PdfPTable} the small tables still use (same fonts, colours, paddings, leadings and rules) at a fraction of
 * its cost: the table layout of a hundred thousand rows was most of a report's time. A row that does not fit on the
 * rest of a page starts the next one; a row taller than a whole page continues line by line on the next pages, so no
 * text is lost. Cells are filled left to right ({@link #text}, {@link #num}, {@link #lines}, {@link #pill}), then
 * {@link #endRow()}; {@link #finish()} ends the table and moves the document below it.
 */
final class PdfGrid {

    static final float PAD = 3.5f;
    private static final float HEAD_PAD = 4f;
    private static final float PILL_PAD_TOP = 5f;
    private static final float PILL_SIZE = 6.5f;
    private static final float RULE_WIDTH = 0.5f;

    private final Document doc;
    private final PdfWriter writer;
    private final PdfContentByte cb;
    private final PdfReportWriter.Pdf p;
    private final float[] left;
    private final PdfWrap.Cell[] head;
    private final PdfWrap.Cell[] row;
    private final Color headerColour = PdfCharts.color(Palette.HEADER);
    /** The fonts and colours of the cells, made once per table rather than per cell. */
    private final Map<Font, PdfWrap.Ink> inks = new IdentityHashMap<>();
    private final Map<String, PdfWrap.Ink> pillInks = new HashMap<>();
    private final Map<String, Color> pillBackgrounds = new HashMap<>();
    private final float bottom;
    private final float startY;
    private int col;
    private float y;
    private boolean rowsOnPage;
    private boolean headed;
    private boolean firstPage = true;
    private Color fill;
    private Object fontKey;
    private float fontSize;
    private boolean ruleSet;

    /** Starts a table at the document's current position, columns sized as {@code widths} share the page width. */
    PdfGrid(PdfReportWriter.Pdf p, float[] widths, String... headers) {
        this.p = p;
        this.doc = p.doc;
        this.writer = p.writer;
        this.cb = writer.getDirectContent();
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        left = new float[widths.length + 1];
        float span = doc.right() - doc.left();
        left[0] = doc.left();
        for (int i = 0; i < widths.length; i++) {
            left[i + 1] = left[i] + span * widths[i] / total;
        }
        left[widths.length] = doc.right();
        head = new PdfWrap.Cell[widths.length];
        row = new PdfWrap.Cell[widths.length];
        for (int i = 0; i < widths.length; i++) {
            head[i] = new PdfWrap.Cell();
            head[i].set(headers[i], ink(p.head), null, 1, false, HEAD_PAD, HEAD_PAD, null);
            head[i].padBottom = HEAD_PAD;
            head[i].wrap(left[i + 1] - left[i] - 2 * HEAD_PAD);
            row[i] = new PdfWrap.Cell();
        }
        bottom = doc.bottom();
        startY = writer.getVerticalPosition(true);
        y = startY;
    }

    /** A cell of text as shown ({@link PdfCells}), left aligned, one line spacing. */
    void text(String shown, Font f) {
        row[col++].set(shown, ink(f), null, 1, false, PAD, PAD, null);
    }

    /** A cell of text as shown, right aligned (numbers), and so is its column's heading, to sit over its figures. */
    void num(String shown, Font f) {
        if (!headed) {
            head[col].right = true;
        }
        row[col++].set(shown, ink(f), null, 1, true, PAD, PAD, null);
    }

    /** A cell of several lines joined by {@code '\n'}: the first in {@code first}, the others in {@code rest}. */
    void lines(String shown, Font first, Font rest) {
        row[col++].set(shown, ink(first), ink(rest), 1.5f, false, PAD, PAD, null);
    }

    /**
     * A cell of several lines joined by {@code '\n'} at a plain cell's spacing: a text in {@code first}, then notes on
     * it in {@code rest} (a control's title, then why it has its status).
     */
    void stacked(String shown, Font first, Font rest) {
        row[col++].set(shown, ink(first), ink(rest), 1, false, PAD, PAD, null);
    }

    /** A coloured label (pill): {foreground, background} as {@link Palette} gives them. */
    void pill(String shown, String[] fgBg) {
        PdfWrap.Ink ink = pillInks.computeIfAbsent(fgBg[0], k -> PdfWrap.Ink.of(p.bold.getBaseFont(), PILL_SIZE,
                PdfCharts.color(k)));
        Color background = pillBackgrounds.computeIfAbsent(fgBg[1], PdfCharts::color);
        row[col++].set("\u00a0" + shown + "\u00a0", ink, null, 1, false, PAD, PILL_PAD_TOP, background);
    }

    /** Moves the text of the cell just filled right by {@code extra} points (an indented title). */
    void indent(float extra) {
        row[col - 1].padLeft += extra;
    }

    /** Ends the row: lays it out and draws it, on the next page(s) if it does not fit here. */
    void endRow() throws DocumentException {
        if (col != row.length) {
            throw new IllegalStateException("a row of " + row.length + " cells got " + col);
        }
        col = 0;
        float height = 0;
        for (int i = 0; i < row.length; i++) {
            row[i].wrap(left[i + 1] - left[i] - row[i].padLeft - PAD);
            height = Math.max(height, row[i].height(0, row[i].count()));
        }
        place(row, row.length, height);
    }

    /** A row of one cell across the whole table (an empty table's note). */
    void spanRow(String shown, Font f) throws DocumentException {
        PdfWrap.Cell c = row[0];
        c.set(shown, ink(f), null, 1, false, PAD, PAD, null);
        c.wrap(left[row.length] - left[0] - 2 * PAD);
        place(row, 1, c.height(0, c.count()));
    }

    /** Ends the table: draws the header if no row did, then moves the document's position below the table. */
    void finish() throws DocumentException {
        if (!headed) {
            drawHeader();
        }
        float used = (firstPage ? startY : doc.top()) - y;
        float room = (firstPage ? startY : doc.top()) - bottom;
        PdfPTable spacer = new PdfPTable(1);
        spacer.setWidthPercentage(100);
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setFixedHeight(Math.max(0.01f, Math.min(used, room - 1)));
        spacer.addCell(c);
        doc.add(spacer);
    }

    private void place(PdfWrap.Cell[] cells, int n, float height) throws DocumentException {
        if (!headed) {
            float hh = headerHeight();
            if (y - hh - height < bottom && hh + height <= doc.top() - bottom) {
                newPage();
            } else {
                drawHeader();
            }
        }
        if (y - height < bottom && rowsOnPage) {
            newPage();
        }
        if (y - height >= bottom) {
            for (int i = 0; i < n; i++) {
                cells[i].from = 0;
                cells[i].to = cells[i].count();
            }
            draw(cells, n, height);
            return;
        }
        // taller than the room on a fresh page: as many lines of each cell as fit, the rest on the next page(s)
        for (int i = 0; i < n; i++) {
            cells[i].to = 0;
        }
        boolean more = true;
        while (more) {
            more = false;
            float part = 0;
            float room = y - bottom;
            for (int i = 0; i < n; i++) {
                PdfWrap.Cell c = cells[i];
                c.from = c.to;
                c.to = c.fit(c.from, room);
                part = Math.max(part, c.height(c.from, c.to));
                more |= c.to < c.count();
            }
            draw(cells, n, more ? room : part);
            if (more) {
                newPage();
            }
        }
    }

    private void newPage() throws DocumentException {
        doc.newPage();
        firstPage = false;
        rowsOnPage = false;
        fill = null;
        fontKey = null;
        ruleSet = false;
        y = doc.top();
        drawHeader();
    }

    private float headerHeight() {
        float height = 0;
        for (PdfWrap.Cell c : head) {
            height = Math.max(height, c.height(0, c.count()));
        }
        return height;
    }

    private void drawHeader() {
        float height = headerHeight();
        for (PdfWrap.Cell c : head) {
            c.from = 0;
            c.to = c.count();
        }
        setFill(headerColour);
        float half = RULE_WIDTH / 2;
        cb.rectangle(left[0] - half, y - height - half, left[head.length] - left[0] + RULE_WIDTH, height + RULE_WIDTH);
        cb.fill();
        text(head, head.length, y);
        y -= height;
        headed = true;
    }

    private void draw(PdfWrap.Cell[] cells, int n, float height) {
        float top = y;
        for (int i = 0; i < n; i++) {
            PdfWrap.Cell c = cells[i];
            if (c.background != null) {
                setFill(c.background);
                float asc = c.first.ascent();
                float desc = c.first.descent();
                float base = top - c.padTop;
                for (int l = c.from; l < c.to; l++) {
                    base -= c.leading(l);
                    cb.rectangle(left[i] + c.padLeft - 1.5f, base + desc - 2, c.width(l) + 3, asc - desc + 5);
                }
                cb.fill();
            }
        }
        if (!ruleSet) {
            cb.setColorStroke(p.rule);
            cb.setLineWidth(RULE_WIDTH);
            ruleSet = true;
        }
        cb.moveTo(left[0], top - height);
        cb.lineTo(left[row.length], top - height);
        cb.stroke();
        text(cells, n, top);
        y = top - height;
        rowsOnPage = true;
    }

    /**
     * The text of a row in one text object. Each line is placed relative to the previous one ({@code Td}, two numbers
     * rather than the six of a text matrix), from positions rounded to the hundredth of a point the content stream
     * keeps, so the relative moves add up to the exact absolute positions.
     */
    private void text(PdfWrap.Cell[] cells, int n, float top) {
        cb.beginText();
        double lx = 0;
        double ly = 0;
        for (int i = 0; i < n; i++) {
            PdfWrap.Cell c = cells[i];
            float base = top - c.padTop;
            float right = left[n == 1 ? row.length : i + 1] - PAD;
            for (int l = c.from; l < c.to; l++) {
                base -= c.leading(l);
                if (c.isEmpty(l)) {
                    continue;
                }
                PdfWrap.Ink ink = c.ink(l);
                if (fontKey != ink.font() || fontSize != ink.size()) {
                    cb.setFontAndSize(ink.font(), ink.size());
                    fontKey = ink.font();
                    fontSize = ink.size();
                }
                setFill(ink.colour());
                double x = hundredths(c.right ? right - c.width(l) : left[i] + c.padLeft);
                double yb = hundredths(base);
                cb.moveText((float) (x - lx), (float) (yb - ly));
                lx = x;
                ly = yb;
                cb.showText(c.line(l));
            }
        }
        cb.endText();
    }

    private static double hundredths(float v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private PdfWrap.Ink ink(Font f) {
        return inks.computeIfAbsent(f, PdfWrap.Ink::of);
    }

    private void setFill(Color c) {
        if (fill != c) {
            cb.setColorFill(c);
            fill = c;
        }
    }
}
