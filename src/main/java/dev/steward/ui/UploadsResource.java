package dev.steward.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.security.Role;
import dev.steward.text.Words;
import dev.steward.upload.UploadEntity;
import dev.steward.upload.UploadRepository;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Uploads, newest first, and one upload with every problem its ingest report lists (file, line, field, value,
 * reason; secret values were redacted before they were stored).
 */
@Path("/uploads")
@RolesAllowed(Role.VIEWER_NAME)
public class UploadsResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LISTED = 500;

    private final Pages pages;
    private final UploadRepository uploads;
    private final SecurityIdentity identity;

    @Context
    UriInfo uri;

    public UploadsResource(Pages pages, UploadRepository uploads, SecurityIdentity identity) {
        this.pages = pages;
        this.uploads = uploads;
        this.identity = identity;
    }

    @GET
    public Response list(@QueryParam("download") String download, @QueryParam("table") String table) {
        Viewer me = Viewer.of(identity);
        Table.Builder t = new Table.Builder("uploads", "Uploads, newest first", "Upload", "Kind", "Status", "Scope", "As of",
                "Files", "Received", "By", "People", "Agents", "Credentials", "Decisions", "Errors", "Warnings");
        for (UploadEntity u : uploads.page(0, LISTED)) {
            String status = u.status.name().toLowerCase(Locale.ROOT);
            t.row(Table.Cell.link(u.id, "/uploads/" + u.id), u.kind.name().toLowerCase(Locale.ROOT),
                    Table.Cell.styled(status, status), u.scope, new View().time(u.asOf), u.files.replace("\n", ", "),
                    new View().time(u.receivedAt), u.uploadedBy, u.peopleCount, u.agentCount, u.credentialCount,
                    u.decisionCount, u.errorCount, u.warningCount);
        }
        List<Table> tables = List.of(t.build());
        if (download != null) {
            return TableDownloads.download(tables, table, download);
        }
        return pages.page("uploads", me, Map.of("title", "Uploads", "tables", tables, "here", Here.of(uri)));
    }

    @GET
    @Path("/{id: \\d+}")
    public Response one(@PathParam("id") long id, @QueryParam("download") String download, @QueryParam("table") String table)
            throws IOException {
        Viewer me = Viewer.of(identity);
        UploadEntity u = uploads.findByIdOptional(id).orElse(null);
        if (u == null) {
            return pages.message(404, me, "Upload not found", "There is no upload " + id + ".");
        }
        Table.Builder t = new Table.Builder("upload-" + id + "-problems", "Problems", "Level", "File", "Line", "Field",
                "Value", "Reason");
        JsonNode report = u.report == null ? null : JSON.readTree(u.report);
        if (report != null && report.has("problems")) {
            for (JsonNode p : report.get("problems")) {
                String level = p.path("level").asText("").toLowerCase(Locale.ROOT);
                t.row(Table.Cell.styled(level, "error".equals(level) ? "fail" : "partial"), p.path("file").asText(""),
                        p.path("line").asLong() > 0 ? p.path("line").asLong() : "", p.path("field").asText(""),
                        p.path("value").asText(""), p.path("reason").asText(""));
            }
        }
        List<Table> tables = List.of(t.build());
        if (download != null) {
            return TableDownloads.download(tables, table, download);
        }
        Map<String, Object> values = new HashMap<>();
        values.put("title", "Upload " + id);
        values.put("u", u);
        values.put("files", u.files.replace("\n", ", "));
        values.put("summary", summary(report));
        values.put("unlisted", report == null ? 0 : report.path("unlistedProblems").asLong());
        values.put("tables", tables);
        values.put("here", Here.of(uri));
        return pages.page("upload", me, values);
    }

    /**
     * The stored report's one-line summary; a report stored before it kept one gives its status and counts instead,
     * so an older upload's page is not blank there.
     */
    static String summary(JsonNode report) {
        if (report == null) {
            return "";
        }
        String stored = report.path("summary").asText("");
        if (!stored.isEmpty()) {
            return stored;
        }
        JsonNode c = report.path("counts");
        return report.path("status").asText("").toLowerCase(Locale.ROOT) + ": "
                + Words.count(c.path("people").asLong(), "person", "people") + ", "
                + Words.count(c.path("agents").asLong(), "agent") + ", " + Words.count(c.path("credentials").asLong(), "credential")
                + ", " + Words.count(c.path("decisions").asLong(), "decision") + "; "
                + Words.count(report.path("errors").asLong(), "error") + ", " + Words.count(report.path("warnings").asLong(), "warning");
    }
}
