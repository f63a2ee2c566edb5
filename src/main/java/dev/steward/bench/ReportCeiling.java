package dev.steward.bench;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The ceilings of the report writers: the bare library writing the same table rows as the report, read from the same
 * model (so the cost of reading the findings from the store is in both). Every table row of the report (gap report:
 * controls and findings; ownership report: owners, agents by owner, agents) becomes one row of plain text cells, one
 * cell per field of the row, capped at the column count the report's own table has in that format (XLSX 17, PDF 8
 * for findings and 12 for agents). No styles, no colours, no summaries, no charts.
 */
final class ReportCeiling {

    private static final int XLSX_COLUMNS = 17;
    private static final int PDF_FINDING_COLUMNS = 8;
    private static final int PDF_AGENT_COLUMNS = 12;

    /** One table of the report: a name, how many PDF columns it has, and its rows. */
    record Table(String name, int pdfColumns, Iterable<?> rows) {
    }

    static List<Table> tables(ReportKind kind, ReportModel m) {
        if (kind == ReportKind.GAPS) {
            return List.of(new Table("Controls", PDF_FINDING_COLUMNS, m.gaps().controls()),
                    new Table("Findings", PDF_FINDING_COLUMNS, m.gaps().findings()));
        }
        return List.of(new Table("Owners", PDF_FINDING_COLUMNS, m.ownership().owners()),
                new Table("By owner", PDF_AGENT_COLUMNS, m.ownership().byOwner()),
                new Table("Agents", PDF_AGENT_COLUMNS, m.ownership().agents()));
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

    static long xlsx(List<Table> tables, OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        wb.setCompressTempFiles(true);
        long rows = 0;
        try (wb) {
            for (Table t : tables) {
                SXSSFSheet s = wb.createSheet(t.name());
                int r = 0;
                for (Object row : t.rows()) {
                    Row x = s.createRow(r++);
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
                for (Object row : t.rows()) {
                    List<String> cells = cells(row, t.pdfColumns());
                    for (int c = 0; c < t.pdfColumns(); c++) {
                        table.addCell(new Phrase(c < cells.size() ? cells.get(c) : ""));
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
