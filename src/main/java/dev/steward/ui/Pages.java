package dev.steward.ui;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the web UI's pages from the FreeMarker templates bundled under {@code /web} on the classpath (separate
 * from the user-overridable report templates). Templates are {@code .ftlh}, so every value is HTML-escaped unless a
 * template says otherwise; pages load one CSS and one small script from {@code /static}, nothing from elsewhere.
 */
@ApplicationScoped
public class Pages {

    public static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    private final Configuration cfg;

    public Pages() {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new ClassTemplateLoader(Pages.class, "/web"));
        dev.steward.report.HtmlReportWriter.safeHtml(cfg);
    }

    /** The page {@code <name>.ftlh} with the given values plus {@code me} (the viewer) and {@code v} (formatting). */
    public String render(String name, Viewer me, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("me", me);
        model.put("v", new View());
        StringWriter out = new StringWriter(1 << 14);
        try {
            cfg.getTemplate(name + ".ftlh").process(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("page template " + name + ".ftlh failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    public Response page(String name, Viewer me, Map<String, Object> values) {
        return Response.ok(render(name, me, values), HTML).build();
    }

    public Response page(int status, String name, Viewer me, Map<String, Object> values) {
        return Response.status(status).type(HTML).entity(render(name, me, values)).build();
    }

    /** A plain message page (not found, no assessment yet, refused). */
    public Response message(int status, Viewer me, String title, String message) {
        return page(status, "message", me, Map.of("title", title, "message", message));
    }
}
