package dev.steward.attestation;

import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import dev.steward.ingest.SecretScanner;
import dev.steward.mapping.Control;
import dev.steward.mapping.ManualEvidence;
import dev.steward.mapping.MappingRegistry;
import dev.steward.mapping.MappingSet;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Attaches, withdraws and lists manual attestations. An attestation answers one manual evidence item that a mapping
 * file defines on a control ({@code manualEvidence} in mappings/); the service refuses anything else with a message
 * naming the field and value. Statements and files are scanned for secret values, which are refused (never stored,
 * never echoed). Nothing is updated or deleted: withdrawing records who, when and why. Reads run in a transaction so
 * they never see a stale copy cached by an earlier read of the same request.
 */
@ApplicationScoped
public class AttestationService implements PanacheRepository<AttestationEntity> {

    /** What a person attaches. {@code validFrom} null = now; {@code file} null = a statement without a file. */
    public record Request(String framework, String controlId, String evidenceId, String statement, Instant validFrom,
            Instant validUntil, String fileName, byte[] file) {
    }

    static final int MAX_STATEMENT = 4000;

    private final MappingRegistry mappings;
    private final AuditLog audit;
    private final long maxFileBytes;
    private final Clock clock;

    public AttestationService(MappingRegistry mappings, AuditLog audit,
            @ConfigProperty(name = "steward.attestations.max-file-bytes", defaultValue = "20000000") long maxFileBytes) {
        this.mappings = mappings;
        this.audit = audit;
        this.maxFileBytes = maxFileBytes;
        this.clock = Clock.systemUTC();
    }

    public Attestation attach(Request r, String user) {
        MappingSet set = mappings.current();
        String framework = required("framework", r.framework());
        if (set.framework(framework).isEmpty()) {
            throw new IllegalArgumentException("field 'framework' value '" + framework + "': unknown framework; known: "
                    + String.join(", ", set.frameworks().keySet()));
        }
        String controlId = required("control", r.controlId());
        Control control = set.control(framework, controlId).orElseThrow(() -> new IllegalArgumentException(
                "field 'control' value '" + controlId + "': no such control in " + framework));
        String evidenceId = required("evidence", r.evidenceId());
        List<String> defined = control.manualEvidence().stream().map(ManualEvidence::id).toList();
        if (!defined.contains(evidenceId)) {
            throw new IllegalArgumentException("field 'evidence' value '" + evidenceId + "': control " + framework + ":"
                    + controlId + (defined.isEmpty() ? " defines no manual evidence"
                            : " defines manual evidence " + String.join(", ", defined)));
        }
        String statement = required("statement", r.statement());
        if (statement.length() > MAX_STATEMENT) {
            throw new IllegalArgumentException("field 'statement': " + statement.length() + " characters, at most "
                    + MAX_STATEMENT + " allowed");
        }
        SecretScanner.detect("statement", statement).ifPresent(kind -> {
            throw new IllegalArgumentException("field 'statement' contains a secret value (" + kind
                    + "); it was not stored: remove it and attach again");
        });
        Instant now = clock.instant();
        Instant validFrom = r.validFrom() != null ? r.validFrom() : now;
        if (r.validUntil() == null) {
            throw new IllegalArgumentException("field 'validUntil' is required: when must this evidence be renewed?");
        }
        if (!r.validUntil().isAfter(validFrom)) {
            throw new IllegalArgumentException("field 'validUntil' value '" + r.validUntil() + "' is not after validFrom "
                    + validFrom);
        }
        String fileName = null;
        String fileSha = null;
        Long fileSize = null;
        if (r.file() != null) {
            fileName = required("fileName", r.fileName());
            if (r.file().length > maxFileBytes) {
                throw new IllegalArgumentException("file '" + fileName + "': " + r.file().length + " bytes, more than "
                        + "steward.attestations.max-file-bytes=" + maxFileBytes);
            }
            scanFile(fileName, r.file());
            fileSha = sha256(r.file());
            fileSize = (long) r.file().length;
        }
        AttestationEntity e = new AttestationEntity();
        e.framework = framework;
        e.controlId = controlId;
        e.evidenceId = evidenceId;
        e.statement = statement;
        e.attestedBy = user;
        e.attestedAt = now;
        e.validFrom = validFrom;
        e.validUntil = r.validUntil();
        e.fileName = fileName;
        e.fileSha256 = fileSha;
        e.fileSize = fileSize;
        e.contentHash = contentHash(e);
        byte[] bytes = r.file();
        QuarkusTransaction.joiningExisting().run(() -> {
            persist(e);
            if (bytes != null) {
                AttestationFileEntity f = new AttestationFileEntity();
                f.attestationId = e.id;
                f.content = bytes;
                getEntityManager().persist(f);
            }
        });
        Attestation a = Attestation.of(e);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("evidence", a.evidenceKey());
        detail.put("validFrom", a.validFrom().toString());
        detail.put("validUntil", a.validUntil().toString());
        detail.put("contentHash", a.contentHash());
        if (a.fileSha256() != null) {
            detail.put("file", a.fileName());
            detail.put("fileSha256", a.fileSha256());
        }
        audit.record(user, AuditAction.ATTESTED, a.ref(), AuditOutcome.OK, detail);
        return a;
    }

    /** Withdraws an attestation (it stops counting for assessments made from now on); false when it does not exist. */
    public Optional<Attestation> withdraw(long id, String reason, String user) {
        String why = required("reason", reason);
        SecretScanner.detect("reason", why).ifPresent(kind -> {
            throw new IllegalArgumentException("field 'reason' contains a secret value (" + kind
                    + "); it was not stored: remove it and withdraw again");
        });
        boolean[] changed = {false};
        Optional<Attestation> out = QuarkusTransaction.joiningExisting().call(() -> findByIdOptional(id).map(e -> {
            if (e.withdrawnAt == null) {
                e.withdrawnAt = clock.instant();
                e.withdrawnBy = user;
                e.withdrawReason = why.length() > 1000 ? why.substring(0, 1000) : why;
                changed[0] = true;
            }
            return Attestation.of(e);
        }));
        out.filter(a -> changed[0]).ifPresent(a -> audit.record(user, AuditAction.ATTESTATION_WITHDRAWN, a.ref(),
                AuditOutcome.OK, Map.of("evidence", a.evidenceKey(), "reason", a.withdrawReason())));
        return out;
    }

    public Optional<Attestation> get(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> findByIdOptional(id).map(Attestation::of));
    }

    /** Every attestation, optionally of one framework and control, newest first. */
    public List<Attestation> list(String framework, String controlId) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new java.util.HashMap<>();
        if (framework != null && !framework.isBlank()) {
            q.append(" and framework = :f");
            p.put("f", framework.trim());
        }
        if (controlId != null && !controlId.isBlank()) {
            q.append(" and controlId = :c");
            p.put("c", controlId.trim());
        }
        return QuarkusTransaction.joiningExisting().call(() -> list(q + " order by id desc", p).stream()
                .map(Attestation::of).toList());
    }

    /** The attestations in force at an instant, in id order: what an assessment as of then reads. */
    public List<Attestation> inForce(Instant at) {
        return QuarkusTransaction.joiningExisting().call(() -> list(
                "withdrawnAt is null and validFrom <= ?1 and validUntil > ?1 order by id", at).stream()
                .map(Attestation::of).toList());
    }

    /** The attached file's bytes, if the attestation has one. */
    public Optional<byte[]> file(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(
                getEntityManager().find(AttestationFileEntity.class, id)).map(f -> f.content));
    }

    /** Refuses a file with a secret in it, naming the line; the value itself is never echoed. */
    private static void scanFile(String fileName, byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int lineNo = line;
                SecretScanner.detect(null, text.substring(start, i)).ifPresent(kind -> {
                    throw new IllegalArgumentException("file '" + fileName + "' line " + lineNo + " contains a secret value ("
                            + kind + "); it was not stored: remove it and attach again");
                });
                line++;
                start = i + 1;
            }
        }
    }

    /** SHA-256 over a length-prefixed canonical encoding of every field that defines the attestation. */
    static String contentHash(AttestationEntity e) {
        String text = List.of("steward-attestation/v1", e.framework, e.controlId, e.evidenceId, e.statement, e.attestedBy,
                        e.attestedAt.toString(), e.validFrom.toString(), e.validUntil.toString(),
                        e.fileName == null ? "" : e.fileName, e.fileSha256 == null ? "" : e.fileSha256,
                        e.fileSize == null ? "" : e.fileSize.toString())
                .stream().map(s -> s.length() + ":" + s).collect(Collectors.joining("\n"));
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' is required");
        }
        return value.trim();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
