package dev.steward.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.security.Role;
import dev.steward.text.Words;
import dev.steward.upload.UploadEntity;
import dev.steward.upload.UploadRepository;
import dev.steward.work.Jobs;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

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
    private final dev.steward.ingest.SourceAdapters sources;
    private final WebUploads web;
    private final FormJobs jobs;

    @Context
    UriInfo uri;

    public UploadsResource(Pages pages, UploadRepository uploads, SecurityIdentity identity,
            dev.steward.ingest.SourceAdapters sources, WebUploads web, FormJobs jobs) {
        this.jobs = jobs;
        this.web = web;
        this.pages = pages;
        this.uploads = uploads;
        this.identity = identity;
        this.sources = sources;
    }

    @GET
    public Response list(@QueryParam("download") String download, @QueryParam("table") String table,
            @QueryParam("ingested") String ingested, @QueryParam("duplicates") String duplicates,
            @QueryParam("skipped") List<String> skipped, @QueryParam("job") String job) {
        Map<String, Object> extra = new HashMap<>();
        Optional<Response> done = jobs.follow(job, Viewer.of(identity), extra);
        if (done.isPresent()) {
            return done.get();
        }
        extra.put("ingested", WebUploads.ingested(uploads, ingested, duplicates));
        extra.put("skipped", skipped == null ? List.of() : skipped.stream().limit(50).toList());
        return listPage(200, download, table, extra);
    }

    /**
     * Files chosen on the page (admin), ingested as {@code steward ingest} ingests a folder holding them; the answer
     * redirects to the list, which names each upload made (stored, already stored or rejected, with its problems a
     * click away). A form refused before anything is read answers the page again with the reason. The files are
     * ingested as a {@link FormJobs job}: one that takes longer than the form waits (10M decisions take about a
     * minute) is followed on the list ({@code /uploads?job=}).
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response upload(@RestForm(FileUpload.ALL) List<FileUpload> files, @RestForm String format,
            @RestForm String asOf, @RestForm String scope) {
        try {
            WebUploads.Prepared prepared = web.prepare(files, format, asOf, scope);
            String user = identity.getPrincipal().getName();
            Jobs.Job job = jobs.submit("Upload of " + String.join(", ", prepared.names()), user,
                    () -> java.net.URI.create("/uploads?" + WebUploads.query(web.ingest(prepared, user))));
            return Response.seeOther(jobs.answer(job, "/uploads")).build();
        } catch (IllegalArgumentException | dev.steward.ingest.IngestException e) {
            Map<String, Object> extra = new HashMap<>();
            extra.put("formError", e.getMessage());
            extra.put("sent", Map.of("format", format == null ? "auto" : format, "asOf", asOf == null ? "" : asOf,
                    "scope", scope == null ? "" : scope));
            return listPage(e instanceof dev.steward.ingest.IngestException x && x.tooLarge() ? 413 : 400, null, null,
                    extra);
        }
    }

    /** The list, with {@code extra} values for the template: what was just ingested, or why a form was refused. */
    Response listPage(int httpStatus, String download, String table, Map<String, Object> extra) {
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
        Map<String, Object> values = new HashMap<>(extra);
        values.put("title", "Uploads");
        values.put("tables", tables);
        values.put("here", "/uploads?");
        values.put("formats", sources.formats());
        return pages.page(httpStatus, "uploads", me, values);
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
