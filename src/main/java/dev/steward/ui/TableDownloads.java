package dev.steward.ui;

import dev.steward.report.Inert;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Every page table as a CSV or XLSX download ({@code ?download=csv|xlsx&table=<name>} on the page's own URL, with
 * the page's filters). Both are safe to open in a spreadsheet: CSV text that would start a formula gets a leading
 * apostrophe ({@link Inert}); XLSX cells are plain strings, quote-prefixed when they look like a formula.
 */
public final class TableDownloads {

    private TableDownloads() {
    }

    /** The table named {@code name} among {@code tables} in {@code format}; 404 for an unknown table. */
    public static Response download(List<Table> tables, String name, String format) {
        Table table = tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("no table '" + name + "' on this page"));
        return switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
            case "csv" -> Response.ok((StreamingOutput) out -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                csv(table, w);
                w.flush();
            }, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + table.name() + ".csv\"").build();
            case "xlsx" -> Response.ok((StreamingOutput) out -> xlsx(table, out),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .header("Content-Disposition", "attachment; filename=\"" + table.name() + ".xlsx\"").build();
            default -> throw new IllegalArgumentException("download '" + format + "' is not csv or xlsx");
        };
    }

    static void csv(Table t, Writer w) throws java.io.IOException {
        w.write('\uFEFF');
        line(w, t.columns());
        for (List<Table.Cell> row : t.rows()) {
            line(w, row.stream().map(Table.Cell::text).toList());
        }
    }

    private static void line(Writer w, List<String> values) throws java.io.IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String v = Inert.text(values.get(i));
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                v = '"' + v.replace("\"", "\"\"") + '"';
            }
            w.write(v);
        }
        w.write("\r\n");
    }

    static void xlsx(Table t, java.io.OutputStream out) throws java.io.IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet(t.title().length() > 31 ? t.title().substring(0, 31) : t.title());
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            Row h = sheet.createRow(0);
            for (int i = 0; i < t.columns().size(); i++) {
                var c = h.createCell(i);
                c.setCellValue(t.columns().get(i));
                c.setCellStyle(head);
            }
            int r = 1;
            for (List<Table.Cell> row : t.rows()) {
                Row x = sheet.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    String v = row.get(i).text();
                    var c = x.createCell(i);
                    c.setCellValue(v);
                    if (Inert.dangerous(v)) {
                        c.setCellStyle(quoted);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            wb.dispose();
        }
    }
}
