package dev.steward.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The signed table of contents of an evidence bundle: every file with its SHA-256 and size, what was assessed (period,
 * as-of, window, run id, mapping version, the input hashes the run read), the software version, the seed of the
 * decision sample, and the SHA-256 of the previous period's manifest (null for the first bundle), which chains the
 * bundles so a removed or replaced month shows.
 */
public record Manifest(
        String format,
        String period,
        String zone,
        Instant asOf,
        Instant windowStart,
        String softwareVersion,
        String assessmentId,
        String mappingVersion,
        List<Map<String, Object>> inputs,
        long sampleSeed,
        String previousManifestSha256,
        Instant createdAt,
        List<FileEntry> files,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        AuditHead auditHead) {

    public static final String FORMAT = "steward-evidence-bundle/v1";
    public static final String FILE = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String PUBLIC_KEY = "public-key.pem";

    /** The files a bundle holds besides those the manifest lists. */
    public static final List<String> SEAL = List.of(FILE, SIGNATURE, PUBLIC_KEY);

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public Manifest {
        inputs = List.copyOf(inputs);
        files = List.copyOf(files);
    }

    /** A manifest without an audit head (bundles written before the audit trail existed read back this way). */
    public Manifest(String format, String period, String zone, Instant asOf, Instant windowStart, String softwareVersion,
            String assessmentId, String mappingVersion, List<Map<String, Object>> inputs, long sampleSeed,
            String previousManifestSha256, Instant createdAt, List<FileEntry> files) {
        this(format, period, zone, asOf, windowStart, softwareVersion, assessmentId, mappingVersion, inputs, sampleSeed,
                previousManifestSha256, createdAt, files, null);
    }

    /**
     * The head of the audit trail when the bundle was sealed (last seq and its hash): a later copy of the trail whose
     * entry at that seq has another hash, or none, was rewritten. The period's entries are in {@value #AUDIT_FILE}.
     */
    public record AuditHead(long seq, String hash) {
    }

    /** The period's audit entries with their hashes (a slice of the chain), when the bundle has them. */
    public static final String AUDIT_FILE = "audit-log.json";

    /** One file of the bundle: path relative to the bundle folder with '/' separators. */
    public record FileEntry(String path, String sha256, long size) {
    }

    public byte[] toBytes() {
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Manifest parse(byte[] bytes) throws IOException {
        return MAPPER.readValue(bytes, Manifest.class);
    }
}
