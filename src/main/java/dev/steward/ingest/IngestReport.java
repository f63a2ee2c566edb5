package dev.steward.ingest;

import dev.steward.text.Words;
import dev.steward.upload.UploadKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one upload did: its id and status, what it stored, and every problem found (file, line, field, value,
 * reason). {@code duplicateOf} is set when the same content was already stored (nothing changed).
 */
public record IngestReport(
        Long uploadId,
        UploadKind kind,
        Status status,
        String format,
        String scope,
        Instant asOf,
        String source,
        String contentHash,
        List<String> files,
        Long duplicateOf,
        Counts counts,
        long errors,
        long warnings,
        long unlistedProblems,
        List<Problem> problems,
        long elapsedMillis) {

    public enum Status { COMMITTED, DUPLICATE, REJECTED }

    /** Records stored by kind, plus the secrets found and redacted. */
    public record Counts(long people, long agents, long credentials, long decisions, long secretsRedacted) {
    }

    /** The same report with the supersession scope the upload was stored under (a source may propose it). */
    public IngestReport withScope(String effectiveScope) {
        return new IngestReport(uploadId, kind, status, format, effectiveScope, asOf, source, contentHash, files,
                duplicateOf, counts, errors, warnings, unlistedProblems, problems, elapsedMillis);
    }

    /** What the audit trail keeps of this upload: status, kind, format, scope, content hash, files and counts. */
    public Map<String, Object> auditDetail() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("status", status.name());
        d.put("kind", kind == null ? null : kind.name());
        d.put("format", format);
        d.put("scope", scope);
        d.put("contentHash", contentHash);
        d.put("files", files == null ? null : String.join(",", files));
        d.put("people", counts.people());
        d.put("agents", counts.agents());
        d.put("credentials", counts.credentials());
        d.put("decisions", counts.decisions());
        d.put("secretsRedacted", counts.secretsRedacted());
        d.put("errors", errors);
        d.put("warnings", warnings);
        return d;
    }

    /** One line for people: counts, redactions and warnings, or why nothing was stored; kept in the stored report. */
    @com.fasterxml.jackson.annotation.JsonProperty("summary")
    public String summary() {
        return switch (status) {
            case COMMITTED -> "upload " + uploadId + " (" + kind.name().toLowerCase() + ") committed: "
                    + Words.count(counts.people(), "person", "people") + ", " + Words.count(counts.agents(), "agent") + ", "
                    + Words.count(counts.credentials(), "credential") + ", " + Words.count(counts.decisions(), "decision") + "; "
                    + Words.count(counts.secretsRedacted(), "secret value") + " redacted; " + Words.count(warnings, "warning");
            case DUPLICATE -> "same content already stored as upload " + duplicateOf + ": nothing changed";
            case REJECTED -> "upload rejected, nothing stored: " + Words.count(errors, "error") + ", "
                    + Words.count(warnings, "warning");
        };
    }
}
