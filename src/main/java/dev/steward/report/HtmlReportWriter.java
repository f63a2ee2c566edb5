package dev.steward.report;

import dev.steward.assessment.ControlStatus;
import dev.steward.assessment.FrameworkScore;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTML from FreeMarker templates ({@code ownership.ftlh}, {@code gaps.ftlh}, {@code layout.ftlh}): bundled from the
 * repository's {@code templates/} folder, overridable file by file from {@code steward.reports.templates-dir}. The
 * {@code .ftlh} extension selects the HTML output format, so every value is escaped unless a template says otherwise;
 * charts are inline SVG and the CSS is inline, so the file needs nothing else to display or print. Agent and finding
 * lists are iterated straight from the model and written as they are produced.
 */
public final class HtmlReportWriter {

    private static final Version VERSION = new Version();
    private final Configuration cfg;

    public HtmlReportWriter(Path overrideDir) {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (overrideDir != null) {
            if (!Files.isDirectory(overrideDir)) {
                throw new IllegalArgumentException("steward.reports.templates-dir '" + overrideDir + "' is not a folder");
            }
            try {
                loaders.add(new FileTemplateLoader(overrideDir.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read templates from " + overrideDir, e);
            }
        }
        loaders.add(new ClassTemplateLoader(HtmlReportWriter.class, "/templates"));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        safeHtml(cfg);
    }

    /**
     * The settings every Steward HTML template runs with (reports and web pages): HTML output format, so every
     * interpolation is escaped (no script injection), errors rethrown rather than printed into the page, plain numbers.
     */
    public static void safeHtml(Configuration cfg) {
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setIterableSupport(true);
        cfg.setObjectWrapper(wrapper.build());
    }

    public void write(ReportKind kind, ReportModel m, OutputStream out) {
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            cfg.getTemplate(kind.wire() + ".ftlh").process(Map.of("m", m, "v", new View()), w);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("report template " + kind.wire() + ".ftlh failed: " + e.getMessage(), e);
        }
    }

    /** Formatting and colours for templates; the same {@link Fmt} and {@link Palette} as every other format. */
    public static final class View {
        public String pct(Double d) {
            return Fmt.pct(d);
        }

        public String date(Instant i) {
            return Fmt.date(i);
        }

        public String time(Instant i) {
            return Fmt.time(i);
        }

        public String days(Long d) {
            return Fmt.days(d);
        }

        public String text(Object o) {
            return Fmt.text(o);
        }

        public String count(long n) {
            return Fmt.count(n);
        }

        public String duration(Double seconds) {
            return Fmt.duration(seconds);
        }

        public String label(Enum<?> e) {
            return Fmt.label(e);
        }

        /** A stored status name ("NOT_SATISFIED") as a label ("Not satisfied"). */
        public String status(String name) {
            return Fmt.label(name);
        }

        /** A team's framework score with its controls not satisfied, as in the PDF. */
        public String teamFramework(FrameworkScore f) {
            return PdfGaps.teamFramework(f);
        }

        /** How a team's roll-up score changed since the previous run, as in the PDF. */
        public String teamChange(GapReport.ScoreRow r) {
            return PdfGaps.change(r);
        }

        /** How a team's score in a framework changed since the previous run, as in the PDF. */
        public String teamChange(GapReport.ScoreRow r, FrameworkScore f) {
            return PdfGaps.change(r, f);
        }

        /** A change of a share in percentage points: "+2.50 pts". */
        public String points(Double delta) {
            return GapReport.ScoreChange.points(delta);
        }

        public String statusFg(ControlStatus s) {
            return "#" + Palette.status(s)[0];
        }

        public String statusBg(ControlStatus s) {
            return "#" + Palette.status(s)[1];
        }

        public String severityFg(Severity s) {
            return "#" + Palette.severity(s)[0];
        }

        public String severityBg(Severity s) {
            return "#" + Palette.severity(s)[1];
        }

        public String resultFg(Result r) {
            return "#" + Palette.result(r)[0];
        }

        public String resultBg(Result r) {
            return "#" + Palette.result(r)[1];
        }

        public String scoreColor(Double d) {
            return "#" + Palette.score(d);
        }

        /** Series colours of the trend chart, by framework position. */
        public String series(int i) {
            String[] c = {"2F6FDE", "D9480F", "2F9E5B", "8E44AD", "E8A317", "0B7285", "C2255C"};
            return "#" + c[Math.floorMod(i, c.length)];
        }

        public String version() {
            return VERSION.toString();
        }
    }

    /** The application version for the footer, from the jar manifest when there is one. */
    private static final class Version {
        @Override
        public String toString() {
            String v = HtmlReportWriter.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }
    }
}
