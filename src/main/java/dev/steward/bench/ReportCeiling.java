package dev.steward.bench;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.steward.report.PdfCells;
import dev.steward.report.ReportKind;
import dev.steward.report.ReportModel;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The ceilings of the report writers: the bare library writing the same table rows as the report, read from the same
 * model (so the cost of reading the findings from the store is in both). Every table row of the report (gap report:
 * controls and findings; ownership report: owners, gaps by owner, agents) becomes one row of plain text cells in the
 * library's default font. XLSX and HTML: one cell per field of the row, capped at the report's 17 XLSX columns. PDF:
 * exactly the cells the PDF report shows, with the same text ({@link PdfCells}, multi-line cells included). No
 * styles, no colours, no summaries, no charts.
 */
final class ReportCeiling {

    private static final int XLSX_COLUMNS = 17;

    /**
     * One table of the report: a name, its rows (for the XLSX and HTML ceilings), and the PDF report's cell texts of
     * the same table ({@code pdfColumns} per row).
     */
    record Table(String name, Iterable<?> rows, int pdfColumns, Iterable<List<String>> pdfCells) {
    }

    static List<Table> tables(ReportKind kind, ReportModel m) {
        if (kind == ReportKind.GAPS) {
            return List.of(new Table("Controls", m.gaps().controls(), 8, map(m.gaps().controls(), PdfCells::control)),
                    new Table("Findings", m.gaps().findings(), 8, map(m.gaps().findings(), PdfCells::finding)));
        }
        Iterable<List<String>> gaps = () -> StreamSupport.stream(m.ownership().byOwner().spliterator(), false)
                .flatMap(a -> a.gaps().stream().map(g -> PdfCells.gap(a, g))).iterator();
        return List.of(new Table("Owners", m.ownership().owners(), 7, map(m.ownership().owners(), PdfCells::owner)),
                new Table("By owner", m.ownership().byOwner(), 10, gaps),
                new Table("Agents", m.ownership().agents(), 12, map(m.ownership().agents(), PdfCells::agent)));
    }

    private static <T> Iterable<List<String>> map(Iterable<T> rows, Function<T, List<String>> cells) {
        return () -> StreamSupport.stream(rows.spliterator(), false).map(cells).iterator();
    }

    /** The text cells of a row: every record component, as text, up to {@code max}. */
    static List<String> cells(Object row, int max) {
        RecordComponent[] parts = row.getClass().getRecordComponents();
        List<String> out = new ArrayList<>(Math.min(max, parts.length));
        for (int i = 0; i < parts.length && i < max; i++) {
            try {
                Object v = parts[i].getAccessor().invoke(row);
                out.add(v == null ? "" : v.toString());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static final int XLSX_MAX_ROWS = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getMaxRows();

    static long xlsx(List<Table> tables, OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        long rows = 0;
        try (wb) {
            for (Table t : tables) {
                SXSSFSheet s = wb.createSheet(t.name());
                int r = 0;
                int part = 1;
                for (Object row : t.rows()) {
                    if (r > 0 && r % XLSX_MAX_ROWS == 0) {
                        // the product continues a full sheet on "<name> (2)", ...; so does its ceiling
                        s = wb.createSheet(t.name() + " (" + ++part + ")");
                    }
                    Row x = s.createRow(r++ % XLSX_MAX_ROWS);
                    List<String> cells = cells(row, XLSX_COLUMNS);
                    for (int c = 0; c < cells.size(); c++) {
                        x.createCell(c).setCellValue(cells.get(c));
                    }
                }
                rows += r;
            }
            wb.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
        }
        return rows;
    }

    static long pdf(List<Table> tables, OutputStream out) {
        long rows = 0;
        Document doc = new Document(PageSize.A4.rotate());
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            for (Table t : tables) {
                PdfPTable table = new PdfPTable(t.pdfColumns());
                table.setHeaderRows(1);
                table.setComplete(false);
                for (int c = 0; c < t.pdfColumns(); c++) {
                    table.addCell(t.name() + " " + c);
                }
                int r = 0;
                for (List<String> cells : t.pdfCells()) {
                    for (String cell : cells) {
                        table.addCell(new Phrase(cell));
                    }
                    if (++r % 200 == 0) {
                        doc.add(table);
                    }
                }
                table.setComplete(true);
                doc.add(table);
                rows += r;
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    static long html(List<Table> tables, OutputStream out) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.template.DefaultObjectWrapperBuilder wrapper =
                new freemarker.template.DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setIterableSupport(true);
        cfg.setObjectWrapper(wrapper.build());
        long[] rows = {0};
        try {
            Template tpl = new Template("ceiling.ftlh", new StringReader("<html><body><#list tables as t><h2>${t.name}</h2>"
                    + "<table><#list t.rows as r><tr><#list r as c><td>${c}</td></#list></tr></#list></table></#list>"
                    + "</body></html>"), cfg);
            List<Map<String, Object>> model = new ArrayList<>();
            for (Table t : tables) {
                Iterable<List<String>> cells = () -> new Iterator<>() {
                    private final Iterator<?> it = t.rows().iterator();

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public List<String> next() {
                        rows[0]++;
                        return cells(it.next(), XLSX_COLUMNS);
                    }
                };
                model.add(Map.of("name", t.name(), "rows", cells));
            }
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            tpl.process(Map.of("tables", model), w);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException(e);
        }
        return rows[0];
    }
}
