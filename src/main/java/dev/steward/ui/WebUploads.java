package dev.steward.ui;

import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.InputFile;
import dev.steward.ingest.SourceAdapters;
import dev.steward.ingest.Times;
import dev.steward.ingest.UploadGrouping;
import dev.steward.upload.UploadEntity;
import dev.steward.upload.UploadRepository;
import dev.steward.work.TempFolders;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Files uploaded from the Uploads page, ingested exactly as {@code steward ingest <folder>} ingests a folder holding
 * them: the files are laid out under their own names in a private temporary folder, {@link UploadGrouping} makes the
 * uploads (the inventory with the people directory, the decision logs, each source system's exports), and
 * {@link IngestService} stores each one with the same checks, the same all-or-nothing rule and the same audit entry.
 */
@ApplicationScoped
public class WebUploads {

    /** What one form did: the uploads made (stored, duplicate or rejected) and the files skipped, with why. */
    public record Outcome(List<IngestReport> reports, List<String> skipped) {
    }

    /** An upload just made, as the Uploads page's notice lists it: its stored report's summary. */
    public record Ingested(long id, String kind, String status, String summary) {
    }

    private final IngestService ingest;
    private final IngestConfig limits;
    private final SourceAdapters sources;

    public WebUploads(IngestService ingest, IngestConfig limits, SourceAdapters sources) {
        this.ingest = ingest;
        this.limits = limits;
        this.sources = sources;
    }

    /**
     * The files chosen, laid out under their own names in a private temporary folder and grouped into uploads, not
     * ingested yet: {@link #ingest(Prepared, String)} ingests them and deletes the folder, {@link #discard} only
     * deletes it.
     */
    public record Prepared(Path dir, List<String> names, List<List<InputFile>> uploads, List<String> skipped,
            String format, Instant asOf, String scope) {
    }

    /**
     * Lays out and groups the files chosen (a browser sends an empty part when none is); a refusal before anything is
     * read (no file, an unknown format, two files of one name, nothing ingestible) is an
     * {@link IllegalArgumentException}, and leaves nothing behind.
     */
    public Prepared prepare(List<FileUpload> parts, String format, String asOf, String scope) {
        String f = format == null || format.isBlank() ? "auto" : format.trim();
        sources.checkFormat(f);
        Instant at = Times.field("asOf", asOf);
        String sc = scope == null || scope.isBlank() ? null : scope.trim();
        List<FileUpload> chosen = parts == null ? List.of() : parts.stream()
                .filter(p -> p.fileName() != null && !p.fileName().isBlank()).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("choose one or more files to upload");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("steward-web-upload-");
            List<String> names = new ArrayList<>();
            for (FileUpload p : chosen) {
                String name = Path.of(p.fileName()).getFileName().toString();
                Path target = dir.resolve(name);
                if (Files.exists(target)) {
                    throw new IllegalArgumentException("two files are named '" + name + "': upload them separately");
                }
                Files.move(p.uploadedFile(), target, StandardCopyOption.REPLACE_EXISTING);
                names.add(name);
            }
            UploadGrouping.Groups groups = UploadGrouping.of(List.of(dir), limits, sources, f);
            if (groups.uploads().isEmpty()) {
                throw new IllegalArgumentException("nothing to ingest: " + String.join("; ", groups.skipped()));
            }
            return new Prepared(dir, List.copyOf(names), groups.uploads(), groups.skipped(), f, at, sc);
        } catch (IOException e) {
            TempFolders.delete(dir);
            throw new UncheckedIOException("the uploaded files could not be laid out for ingest: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            TempFolders.delete(dir);
            throw e;
        }
    }

    /** Ingests prepared files, each group one upload with the same checks and audit entry as the CLI's. */
    public Outcome ingest(Prepared p, String user) {
        try {
            List<IngestReport> reports = new ArrayList<>();
            for (List<InputFile> files : p.uploads()) {
                reports.add(ingest.ingest(new IngestRequest(files, p.format(), p.asOf(), null, p.scope(), user, null,
                        null)));
            }
            return new Outcome(reports, p.skipped());
        } finally {
            discard(p);
        }
    }

    /** Deletes the prepared files' folder (they were ingested, or never will be). */
    public void discard(Prepared p) {
        TempFolders.delete(p.dir());
    }

    /** The uploads a redirect names ({@code ingested=3,4}), for the page's notice; unknown ids are left out. */
    static List<Ingested> ingested(UploadRepository uploads, String ids, String duplicates) {
        List<Ingested> out = new ArrayList<>();
        ids(ids).forEach(id -> uploads.findByIdOptional(id).ifPresent(u -> out.add(of(u, false))));
        ids(duplicates).forEach(id -> uploads.findByIdOptional(id).ifPresent(u -> out.add(of(u, true))));
        return out;
    }

    /** The query of the redirect after a form: the uploads made, and those whose content was stored already. */
    static String query(Outcome o) {
        StringBuilder q = new StringBuilder();
        for (boolean duplicate : new boolean[] {false, true}) {
            List<String> ids = o.reports().stream()
                    .filter(r -> (r.status() == IngestReport.Status.DUPLICATE) == duplicate)
                    .map(r -> String.valueOf(r.uploadId())).toList();
            if (!ids.isEmpty()) {
                q.append(q.length() == 0 ? "" : "&").append(duplicate ? "duplicates=" : "ingested=")
                        .append(String.join(",", ids));
            }
        }
        o.skipped().stream().limit(20).forEach(s -> q.append("&skipped=").append(View.enc(s)));
        return q.toString();
    }

    private static List<Long> ids(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::trim)
                .filter(s -> s.matches("\\d{1,18}")).limit(50).map(Long::parseLong).toList();
    }

    private static Ingested of(UploadEntity u, boolean duplicate) {
        String kind = u.kind.name().toLowerCase(Locale.ROOT);
        if (duplicate) {
            return new Ingested(u.id, kind, "duplicate", "Upload " + u.id + " (" + kind + ") holds the same content,"
                    + " stored already: nothing new was stored");
        }
        String summary = "";
        try {
            summary = u.report == null ? "" : UploadsResource.summary(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(u.report));
        } catch (IOException e) {
            // the list still names the upload and its status
        }
        String status = u.status.name().toLowerCase(Locale.ROOT);
        // a stored summary starts "upload 3 (inventory) committed: ..." or, when rejected, "upload rejected, ..."
        String named = "upload " + u.id + " ";
        return new Ingested(u.id, kind, status, summary.startsWith(named) ? "U" + summary.substring(1)
                : "Upload " + u.id + " (" + kind + ") " + (summary.isEmpty() ? status
                        : summary.replaceFirst("^upload ", "")));
    }
}
