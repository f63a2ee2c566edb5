package dev.steward.export;

import dev.steward.assessment.AssessmentJson;
import dev.steward.assessment.InputRef;
import dev.steward.attestation.Attestation;
import dev.steward.attestation.AttestationService;
import dev.steward.audit.AuditFile;
import dev.steward.audit.AuditFilter;
import dev.steward.audit.AuditLog;
import dev.steward.mapping.MappingConfig;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import dev.steward.mapping.MappingLoader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the period's audit entries into a bundle ({@link #writeAudit}), the manual attestations the run read with their
 * files ({@link #writeAttestations}), and copies the mappings an assessment used: the bundled files named in
 * {@code mappings/index.txt} and the YAML files of the configured user folder (under {@code mappings/user/}), byte for
 * byte, so an auditor can read the exact control-to-check mapping behind every score.
 */
@ApplicationScoped
public class BundleContent {

    private final MappingConfig mappings;
    private final AuditLog audit;
    private final AttestationService attestations;

    public BundleContent(MappingConfig mappings, AuditLog audit, AttestationService attestations) {
        this.mappings = mappings;
        this.audit = audit;
        this.attestations = attestations;
    }

    /**
     * Writes the manual attestations among a run's inputs into {@code folder}: {@code attestations.json} (every record,
     * in input order) and each attached file as {@code <id>/<file name>}, so an auditor holds the evidence itself, whose
     * SHA-256 the record states. Nothing is written when the run read no attestation. Returns the bundle paths written.
     */
    public List<String> writeAttestations(Path folder, List<InputRef> inputs) throws IOException {
        List<Attestation> read = new ArrayList<>();
        for (InputRef i : inputs) {
            if (InputRef.ATTESTATION.equals(i.kind())) {
                read.add(attestations.get(i.uploadId()).orElseThrow(() -> new IOException(
                        "attestation " + i.uploadId() + " of the run is not in the store")));
            }
        }
        List<String> written = new ArrayList<>();
        if (read.isEmpty()) {
            return written;
        }
        Files.createDirectories(folder);
        String root = folder.getFileName().toString();
        for (Attestation a : read) {
            if (a.fileName() != null) {
                byte[] bytes = attestations.file(a.id()).orElseThrow(() -> new IOException(
                        "the file of attestation " + a.id() + " is not in the store"));
                String name = a.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
                Files.createDirectories(folder.resolve(Long.toString(a.id())));
                Files.write(folder.resolve(Long.toString(a.id())).resolve(name), bytes);
                written.add(root + "/" + a.id() + "/" + name);
            }
        }
        Files.writeString(folder.resolve("attestations.json"), AssessmentJson.write(read));
        written.add(0, root + "/attestations.json");
        return written;
    }

    /**
     * Writes the audit entries of [from, to) with their hashes to {@code file} ({@link AuditFile} JSON, a slice of the
     * chain) under the head of the trail now; returns that head, which the manifest records.
     */
    public Manifest.AuditHead writeAudit(Path file, Instant from, Instant to, Instant now) throws IOException {
        AuditLog.Head head = audit.head();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                AuditFile.EventWriter w = AuditFile.json(out, head, false, now)) {
            audit.stream(new AuditFilter(null, null, from, to), e -> {
                if (e.seq() <= head.seq()) {
                    w.accept(e);
                }
            });
        }
        return new Manifest.AuditHead(head.seq(), head.hash());
    }

    /** Copies the mapping files into {@code folder}; returns their paths relative to the bundle. */
    public List<String> copyMappings(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        try (InputStream index = cl.getResourceAsStream(MappingLoader.INDEX)) {
            if (index == null) {
                throw new IOException("the bundled mapping index " + MappingLoader.INDEX + " is missing");
            }
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.trim();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try (InputStream in = cl.getResourceAsStream(MappingLoader.BUNDLED_ROOT + name)) {
                    if (in == null) {
                        throw new IOException("bundled mapping " + name + " is listed but missing");
                    }
                    Path target = folder.resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                    out.add("mappings/" + name);
                }
            }
        }
        if (mappings.dir().isPresent() && Files.isDirectory(mappings.dir().get())) {
            Path user = mappings.dir().get();
            try (Stream<Path> walk = Files.walk(user)) {
                for (Path p : walk.filter(Files::isRegularFile).filter(BundleContent::yaml).sorted().toList()) {
                    String rel = user.relativize(p).toString().replace('\\', '/');
                    Path target = folder.resolve("user").resolve(rel);
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                    out.add("mappings/user/" + rel);
                }
            }
        }
        return out;
    }

    private static boolean yaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
