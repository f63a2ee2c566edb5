package dev.steward.report;

import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import dev.steward.assessment.FrameworkScore;
import java.awt.Color;
import java.util.List;

/**
 * The PDF's charts, drawn as vectors with {@link PdfContentByte} into templates (no raster images): score per
 * framework, findings by severity, and the score trend over past runs. Colours come from {@link Palette}.
 */
final class PdfCharts {

    private final PdfContentByte cb;
    private final BaseFont font;

    PdfCharts(PdfContentByte cb, BaseFont font) {
        this.cb = cb;
        this.font = font;
    }

    Image scores(List<FrameworkScore> frameworks) {
        float rowH = 22;
        float labelW = 120;
        float barW = 200;
        float h = frameworks.size() * rowH + 20;
        PdfTemplate t = cb.createTemplate(labelW + barW + 60, h);
        for (int i = 0; i < frameworks.size(); i++) {
            FrameworkScore f = frameworks.get(i);
            float y = h - (i + 1) * rowH;
            text(t, f.framework(), 0, y + 6, 8, Palette.INK);
            fill(t, Palette.RULE, labelW, y + 3, barW, 13);
            if (f.score() != null) {
                fill(t, Palette.score(f.score()), labelW, y + 3, (float) (barW * f.score()), 13);
            }
            text(t, Fmt.pct(f.score()), labelW + barW + 5, y + 6, 8, Palette.INK);
        }
        for (double tick : new double[] {0, 0.6, 0.95, 1}) {
            float x = labelW + (float) (tick * barW);
            t.setColorStroke(color("9AA5B1"));
            t.setLineWidth(0.4f);
            t.setLineDash(1.5f, 2f, 0);
            t.moveTo(x, 14);
            t.lineTo(x, h);
            t.stroke();
            if (tick < 1) {
                text(t, Math.round(tick * 100) + "%", x - 6, 3, 7, Palette.MUTED);
            }
        }
        t.setLineDash(0);
        return image(t);
    }

    Image severity(List<GapReport.SeverityRow> rows) {
        float rowH = 22;
        float labelW = 70;
        float barW = 230;
        float h = rows.size() * rowH + 22;
        long max = Math.max(1, rows.stream().mapToLong(GapReport.SeverityRow::total).max().orElse(1));
        PdfTemplate t = cb.createTemplate(labelW + barW + 40, h);
        for (int i = 0; i < rows.size(); i++) {
            GapReport.SeverityRow r = rows.get(i);
            float y = h - (i + 1) * rowH;
            String[] c = Palette.severity(r.severity());
            fill(t, c[1], 0, y + 2, 60, 14);
            text(t, r.severity().name(), 4, y + 6, 7, c[0]);
            float x = labelW;
            x = segment(t, "D64545", x, y, r.fail() * barW / max);
            x = segment(t, "E8A317", x, y, r.partial() * barW / max);
            x = segment(t, "9AA5B1", x, y, r.insufficientEvidence() * barW / max);
            text(t, Long.toString(r.total()), x + 4, y + 6, 8, Palette.INK);
        }
        legend(t, labelW, 2, new String[] {"D64545", "E8A317", "9AA5B1"}, new String[] {"FAIL", "PARTIAL", "INSUFFICIENT"});
        return image(t);
    }

    Image trend(List<GapReport.TrendPoint> points, List<FrameworkScore> frameworks) {
        float w = 520;
        float h = 170;
        float left = 34;
        // the legend: four frameworks a row, a row of 9 points each under the dates
        int rows = Math.max(1, (frameworks.size() + 3) / 4);
        float bottom = 27 + rows * 9;
        PdfTemplate t = cb.createTemplate(w, h);
        float plotH = h - bottom - 8;
        for (double tick : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            float y = bottom + (float) (tick * plotH);
            t.setColorStroke(color("E4E7EB"));
            t.setLineWidth(0.5f);
            t.moveTo(left, y);
            t.lineTo(w - 8, y);
            t.stroke();
            text(t, Math.round(tick * 100) + "%", 4, y - 3, 7, Palette.MUTED);
        }
        int n = points.size();
        for (int i = 0; i < n; i++) {
            text(t, Fmt.date(points.get(i).asOf()), x(i, n, left, w) - 18, bottom - 12, 6.5f, Palette.MUTED);
        }
        String[] series = {"2F6FDE", "D9480F", "2F9E5B", "8E44AD", "E8A317", "0B7285", "C2255C"};
        for (int f = 0; f < frameworks.size(); f++) {
            String id = frameworks.get(f).framework();
            String colour = series[f % series.length];
            t.setColorStroke(color(colour));
            t.setColorFill(color(colour));
            t.setLineWidth(1.4f);
            boolean started = false;
            for (int i = 0; i < n; i++) {
                Double s = points.get(i).scores().get(id);
                if (s == null) {
                    continue;
                }
                float x = x(i, n, left, w);
                float y = bottom + (float) (s * plotH);
                if (started) {
                    t.lineTo(x, y);
                } else {
                    t.moveTo(x, y);
                    started = true;
                }
            }
            t.stroke();
            for (int i = 0; i < n; i++) {
                Double s = points.get(i).scores().get(id);
                if (s != null) {
                    t.circle(x(i, n, left, w), bottom + (float) (s * plotH), 2f);
                    t.fill();
                }
            }
            float legendY = 3 + (rows - 1 - f / 4) * 9;
            fill(t, colour, left + (f % 4) * 120, legendY, 7, 7);
            text(t, id, left + (f % 4) * 120 + 10, legendY, 7, Palette.INK);
        }
        return image(t);
    }

    private static float x(int i, int n, float left, float w) {
        return n == 1 ? left + (w - left) / 2 : left + i * (w - left - 20) / (n - 1);
    }

    private float segment(PdfTemplate t, String colour, float x, float y, float width) {
        if (width > 0) {
            fill(t, colour, x, y + 3, width, 13);
        }
        return x + width;
    }

    private void legend(PdfTemplate t, float x, float y, String[] colours, String[] labels) {
        for (int i = 0; i < colours.length; i++) {
            fill(t, colours[i], x + i * 70, y, 7, 7);
            text(t, labels[i], x + i * 70 + 10, y, 7, Palette.MUTED);
        }
    }

    private static void fill(PdfTemplate t, String rgb, float x, float y, float w, float h) {
        t.setColorFill(color(rgb));
        t.rectangle(x, y, w, h);
        t.fill();
    }

    private void text(PdfTemplate t, String s, float x, float y, float size, String rgb) {
        t.beginText();
        t.setFontAndSize(font, size);
        t.setColorFill(color(rgb));
        t.setTextMatrix(x, y);
        t.showText(s);
        t.endText();
    }

    private static Image image(PdfTemplate t) {
        try {
            return Image.getInstance(t);
        } catch (com.lowagie.text.BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    static Color color(String rgb) {
        return new Color(Integer.parseInt(rgb, 16));
    }
}
