package dev.steward.report;

import java.time.Instant;
import java.util.Date;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one sheet row by row. A sheet that reaches the format's row limit (1,048,576 rows) continues on a new
 * sheet named "{@code <name> (2)}", "{@code (3)}", ... with the same widths and, for a table, the same header, frozen
 * and filtered: a million-agent ownership report has more owner rows than one sheet holds.
 */
final class XlsxSheet {
    final SXSSFWorkbook wb;
    final XlsxStyles st;
    final String name;
    final int[] widths;
    final int maxRows;
    SXSSFSheet sheet;
    int part = 1;
    String[] header;
    int next;
    Row row;

    XlsxSheet(SXSSFWorkbook wb, XlsxStyles st, int maxRows, String name, int... widths) {
        this.wb = wb;
        this.st = st;
        this.name = name;
        this.widths = widths;
        this.maxRows = maxRows;
        this.sheet = create(name);
    }

    private SXSSFSheet create(String sheetName) {
        SXSSFSheet s = wb.createSheet(sheetName);
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        s.setDisplayGridlines(false);
        return s;
    }

    XlsxSheet row() {
        if (next == maxRows) {
            part++;
            sheet = create(XlsxReportWriter.part(name, part));
            next = 0;
            if (header != null) {
                table(header);
            }
        }
        row = sheet.createRow(next++);
        return this;
    }

    void table(String... names) {
        header = names;
        row();
        row.setHeightInPoints(20);
        for (int i = 0; i < names.length; i++) {
            Cell c = row.createCell(i);
            c.setCellValue(names[i]);
            c.setCellStyle(st.header);
        }
        int headerRow = next - 1;
        sheet.createFreezePane(0, next);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, headerRow, 0, names.length - 1));
    }

    /** A header row without freeze or filter, for sections of the summary sheet. */
    void section(String title, String... names) {
        row();
        row();
        set(0, title, st.bold);
        row();
        for (int i = 0; i < names.length; i++) {
            set(i, names[i], st.header);
        }
    }

    Cell set(int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        String v = value == null ? "" : value.length() > XlsxReportWriter.MAX_CELL ? value.substring(0, XlsxReportWriter.MAX_CELL) + "\u2026" : value;
        c.setCellValue(v);
        c.setCellStyle(Inert.dangerous(v) ? st.inert : style);
        return c;
    }

    void text(int col, String value) {
        set(col, value, st.text);
    }

    void wrap(int col, String value) {
        set(col, value, st.wrap);
    }

    void num(int col, long value) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(st.integer);
    }

    void optNum(int col, Long value) {
        if (value == null) {
            text(col, "");
        } else {
            num(col, value);
        }
    }

    void pct(int col, Double value) {
        Cell c = row.createCell(col);
        if (value == null) {
            c.setCellValue(Fmt.NONE);
            c.setCellStyle(st.text);
        } else {
            c.setCellValue(value);
            c.setCellStyle(st.pct);
        }
    }

    /** A change of a share (percentage points, signed), or an en dash when there is none. */
    void delta(int col, Double value) {
        if (value == null) {
            text(col, Fmt.NONE);
        } else {
            Cell c = row.createCell(col);
            c.setCellValue(value);
            c.setCellStyle(st.delta);
        }
    }

    void date(int col, Instant value) {
        Cell c = row.createCell(col);
        if (value == null) {
            c.setCellStyle(st.text);
        } else {
            c.setCellValue(Date.from(value));
            c.setCellStyle(st.date);
        }
    }
}
