package dev.steward.web;

import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestException;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.InputFile;
import dev.steward.security.Role;
import dev.steward.upload.UploadEntity;
import dev.steward.upload.UploadKind;
import dev.steward.upload.UploadRepository;
import dev.steward.work.Jobs;
import dev.steward.work.TempFolders;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Uploads: send files as multipart form parts (any part name, file names tell the format) or one file as the raw
 * body with {@code ?filename=}. 201 with the ingest report when stored, 200 when the same content was already stored,
 * 422 (problem+json with every problem) when rejected: nothing is stored then.
 */
@Path("/api/v1/uploads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "uploads")
public class UploadResource {

    private final IngestService ingest;
    private final IngestConfig limits;
    private final UploadRepository uploads;
    private final SecurityIdentity identity;
    private final Clock clock = Clock.systemUTC();
    private final Jobs jobs;

    public UploadResource(IngestService ingest, IngestConfig limits, UploadRepository uploads,
            SecurityIdentity identity, Jobs jobs) {
        this.jobs = jobs;
        this.ingest = ingest;
        this.limits = limits;
        this.uploads = uploads;
        this.identity = identity;
    }

    /** Upload options shared by every endpoint. */
    public record Options(String format, String asOf, String source, String scope) {
    }

    @POST
    @Path("/{kind: inventory|people|decisions}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Upload inventory, people directory or decision log files (multipart); with Prefer:"
            + " respond-async, 202 with the job (GET /api/v1/jobs/{id}) that ingests them")
    public Response multipart(@PathParam("kind") String kind, @RestForm(FileUpload.ALL) List<FileUpload> files,
            @QueryParam("format") @DefaultValue("auto") String format, @QueryParam("asOf") String asOf,
            @QueryParam("source") String source, @QueryParam("scope") String scope, UriInfo uri,
            @HeaderParam("Prefer") String prefer) throws IOException {
        List<InputFile> inputs = new ArrayList<>();
        for (FileUpload f : files) {
            String name = f.fileName() == null || f.fileName().isBlank() ? f.name() : f.fileName();
            inputs.add(new InputFile(java.nio.file.Path.of(name).getFileName().toString(), f.uploadedFile()));
        }
        return run(kind, inputs, new Options(format, asOf, source, scope), uri, prefer);
    }

    @POST
    @Path("/{kind: inventory|people|decisions}")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/x-ndjson", "application/gzip", "application/yaml",
            "text/csv", MediaType.APPLICATION_JSON, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Upload one file as the raw request body; ?filename= tells its format; with Prefer:"
            + " respond-async, 202 with the job (GET /api/v1/jobs/{id}) that ingests it")
    public Response raw(@PathParam("kind") String kind, InputStream body, @QueryParam("filename") String filename,
            @QueryParam("format") @DefaultValue("auto") String format, @QueryParam("asOf") String asOf,
            @QueryParam("source") String source, @QueryParam("scope") String scope, UriInfo uri,
            @HeaderParam("Prefer") String prefer) throws IOException {
        if (filename == null || filename.isBlank()) {
            throw new IllegalArgumentException("a raw upload needs ?filename= (e.g. decisions.jsonl.gz) to tell its format");
        }
        java.nio.file.Path tmp = Files.createTempFile("steward-upload-", ".part");
        try {
            copyBounded(body, tmp);
            return run(kind, List.of(new InputFile(java.nio.file.Path.of(filename).getFileName().toString(), tmp)),
                    new Options(format, asOf, source, scope), uri, prefer);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void copyBounded(InputStream body, java.nio.file.Path target) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = body.read(buf)) > 0) {
                total += n;
                if (total > limits.maxUploadBytes()) {
                    throw new IngestException("upload exceeds " + limits.maxUploadBytes()
                            + " bytes (steward.ingest.max-upload-bytes)", true);
                }
                out.write(buf, 0, n);
            }
        }
    }

    private Response run(String kind, List<InputFile> files, Options o, UriInfo uri, String prefer)
            throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file in the request; send multipart file parts or a raw body with ?filename=");
        }
        UploadKind expected = UploadKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        Instant asOf = o.asOf() == null ? null : AsOfParam.parse(o.asOf(), clock);
        String user = identity.getPrincipal().getName();
        if (JobResource.respondAsync(prefer)) {
            // the request's files are gone when it ends: the job keeps its own copies until it has ingested them
            java.nio.file.Path dir = Files.createTempDirectory("steward-api-upload-");
            List<InputFile> kept = new ArrayList<>();
            try {
                for (InputFile f : files) {
                    java.nio.file.Path target = dir.resolve(f.name());
                    if (Files.exists(target)) {
                        throw new IllegalArgumentException("two files are named '" + f.name()
                                + "': upload them separately");
                    }
                    Files.move(f.path(), target);
                    kept.add(new InputFile(f.name(), target));
                }
            } catch (IOException | RuntimeException e) {
                TempFolders.delete(dir);
                throw e;
            }
            Jobs.Job job = jobs.submit("Upload of " + String.join(", ", kept.stream().map(InputFile::name).toList())
                    + " (" + kind + ")", user, () -> {
                        try {
                            IngestReport r = ingest.ingest(new IngestRequest(kept, o.format(), asOf, o.source(),
                                    o.scope(), user, null, expected));
                            return URI.create("/api/v1/uploads/" + r.uploadId());
                        } finally {
                            TempFolders.delete(dir);
                        }
                    });
            return JobResource.accepted(job, jobs, uri);
        }
        IngestReport r = ingest.ingest(new IngestRequest(files, o.format(), asOf, o.source(), o.scope(), user, null,
                expected));
        return switch (r.status()) {
            case COMMITTED -> Response.status(201).location(uri.getBaseUriBuilder().path("api/v1/uploads/" + r.uploadId()).build())
                    .entity(r).build();
            case DUPLICATE -> Response.ok(r).build();
            case REJECTED -> Response.status(422).type(Problems7807.MEDIA_TYPE)
                    .entity(new Problems7807("about:blank", "Upload rejected", 422,
                            r.errors() + " errors; nothing was stored. Every problem is listed with file, line, field and value.",
                            uri.getPath(), Map.of("report", r))).build();
        };
    }

    /** One upload as listed: no report body. */
    public record UploadSummary(long id, UploadKind kind, UploadEntity.Status status, String scope, Instant asOf,
            String source, String contentHash, List<String> files, Instant receivedAt, String uploadedBy, int people,
            int agents, int credentials, long decisions, int errors, int warnings) {

        static UploadSummary of(UploadEntity u) {
            return new UploadSummary(u.id, u.kind, u.status, u.scope, u.asOf, u.source, u.contentHash,
                    List.of(u.files.split("\n")), u.receivedAt, u.uploadedBy, u.peopleCount, u.agentCount,
                    u.credentialCount, u.decisionCount, u.errorCount, u.warningCount);
        }
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "List uploads, newest first")
    public Page<UploadSummary> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("100") int size) {
        int s = Page.checkedSize(size);
        int p = Page.checkedPage(page);
        return new Page<>(uploads.page(p, s).stream().map(UploadSummary::of).toList(), p, s, uploads.count(), null);
    }

    /** One upload with its stored ingest report. */
    public record UploadDetail(UploadSummary upload, com.fasterxml.jackson.databind.JsonNode report) {
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "One upload with its full ingest report (every problem; secret values redacted)")
    public UploadDetail get(@PathParam("id") long id) throws IOException {
        UploadEntity u = uploads.findByIdOptional(id).orElseThrow(() -> new NotFoundException("no upload " + id));
        return new UploadDetail(UploadSummary.of(u), u.report == null ? null : JSON.readTree(u.report));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
