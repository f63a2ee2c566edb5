package dev.steward.report;

import dev.steward.assessment.ControlStatus;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * Every cell style of a report workbook, created once per workbook (a workbook holds at most 64,000 styles; creating
 * them per cell is the classic POI mistake). Colours are those of {@link Palette}, so statuses and severities look
 * the same in XLSX, PDF and HTML.
 */
final class XlsxStyles {

    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle header;
    final CellStyle text;
    /** Text aligned right, for a value that reads as a quantity ("3 d 3 h") in a column of numbers. */
    final CellStyle right;
    final CellStyle wrap;
    final CellStyle inert;
    final CellStyle integer;
    final CellStyle pct;
    /** A change of a share in percentage points, signed: +2.50%, -1.00%. */
    final CellStyle delta;
    final CellStyle date;
    final CellStyle link;
    final CellStyle bold;
    final Map<ControlStatus, CellStyle> status = new EnumMap<>(ControlStatus.class);
    final Map<Severity, CellStyle> severity = new EnumMap<>(Severity.class);
    final Map<Result, CellStyle> result = new EnumMap<>(Result.class);

    XlsxStyles(Workbook wb) {
        Font titleFont = font(wb, 16, true, Palette.INK);
        Font headerFont = font(wb, 10, true, "FFFFFF");
        Font body = font(wb, 10, false, Palette.INK);
        Font boldFont = font(wb, 10, true, Palette.INK);
        title = style(wb, titleFont, null);
        subtitle = style(wb, font(wb, 10, false, Palette.MUTED), null);
        header = style(wb, headerFont, Palette.HEADER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        text = bordered(wb, body, null);
        right = bordered(wb, body, null);
        right.setAlignment(HorizontalAlignment.RIGHT);
        wrap = bordered(wb, body, null);
        wrap.setWrapText(true);
        inert = bordered(wb, body, null);
        inert.setWrapText(true);
        inert.setQuotePrefixed(true);
        bold = bordered(wb, boldFont, null);
        integer = bordered(wb, body, null);
        integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
        pct = bordered(wb, body, null);
        pct.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
        delta = bordered(wb, body, null);
        delta.setDataFormat(wb.createDataFormat().getFormat("+0.00%;-0.00%;0.00%"));
        date = bordered(wb, body, null);
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        date.setAlignment(HorizontalAlignment.LEFT);
        Font linkFont = font(wb, 10, false, Palette.LINK);
        linkFont.setUnderline(Font.U_SINGLE);
        link = bordered(wb, linkFont, null);
        for (ControlStatus s : ControlStatus.values()) {
            status.put(s, badge(wb, Palette.status(s)));
        }
        for (Severity s : Severity.values()) {
            severity.put(s, badge(wb, Palette.severity(s)));
        }
        for (Result r : Result.values()) {
            result.put(r, badge(wb, Palette.result(r)));
        }
    }

    private static CellStyle badge(Workbook wb, String[] fgBg) {
        CellStyle s = bordered(wb, font(wb, 10, true, fgBg[0]), fgBg[1]);
        s.setAlignment(HorizontalAlignment.CENTER);
        return s;
    }

    private static Font font(Workbook wb, int points, boolean bold, String rgb) {
        XSSFFont f = (XSSFFont) wb.createFont();
        f.setFontName("Calibri");
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        f.setColor(color(rgb));
        return f;
    }

    private static CellStyle style(Workbook wb, Font font, String fill) {
        XSSFCellStyle s = (XSSFCellStyle) wb.createCellStyle();
        s.setFont(font);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        if (fill != null) {
            s.setFillForegroundColor(color(fill));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return s;
    }

    private static CellStyle bordered(Workbook wb, Font font, String fill) {
        CellStyle s = style(wb, font, fill);
        s.setBorderBottom(BorderStyle.HAIR);
        s.setBottomBorderColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_25_PERCENT.getIndex());
        return s;
    }

    private static XSSFColor color(String rgb) {
        return new XSSFColor(java.util.HexFormat.of().parseHex(rgb), null);
    }
}
