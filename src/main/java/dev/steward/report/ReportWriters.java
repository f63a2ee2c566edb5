package dev.steward.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;

/** Dispatches a report and format to its writer; each writer reads the same {@link ReportModel}. */
@ApplicationScoped
public class ReportWriters {

    private final HtmlReportWriter html;
    private final XlsxReportWriter xlsx = new XlsxReportWriter();
    private final PdfReportWriter pdf = new PdfReportWriter();
    private final CsvReportWriter csv = new CsvReportWriter();
    private final JsonReportWriter json = new JsonReportWriter();

    public ReportWriters(ReportsConfig config) {
        this.html = new HtmlReportWriter(config.templatesDir().orElse(null));
    }

    public void write(ReportKind kind, ReportFormat format, ReportModel model, OutputStream out) {
        switch (format) {
            case XLSX -> xlsx.write(kind, model, out);
            case PDF -> pdf.write(kind, model, out);
            case HTML -> html.write(kind, model, out);
            case CSV -> csv.write(kind, model, out);
            case JSON -> json.write(kind, model, out);
        }
    }
}
