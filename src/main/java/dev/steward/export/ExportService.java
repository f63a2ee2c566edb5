package dev.steward.export;

import dev.steward.assessment.AssessmentJson;
import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import dev.steward.assessment.AssessmentRun;
import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.report.ReportFilter;
import dev.steward.report.ReportFormat;
import dev.steward.report.ReportKind;
import dev.steward.report.ReportModel;
import dev.steward.report.ReportService;
import dev.steward.work.HeavyWork;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Builds the evidence bundle of one period, exactly once: claims the period in {@code export_run}, assesses the
 * period's as-of and window (or finds the stored run), writes every file into a staging folder beside the exports
 * folder, seals it (manifest, signature, public key) and publishes it with one atomic move. Any failure discards the
 * staging folder and records the period FAILED, so it is claimed again by the next trigger.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    private final HeavyWork heavy;
    private final ExportConfig config;
    private final ExportRuns runs;
    private final AssessmentService assessments;
    private final ReportService reports;
    private final EvidenceLoader evidence;
    private final DecisionSampler sampler;
    private final BundleContent content;
    private final MeterRegistry metrics;
    private final AuditLog audit;
    private final ExportRetention retention;
    private final Path dataDir;
    private final String version;
    private final Clock clock = Clock.systemUTC();
    private KeyPair keys;

    public ExportService(ExportConfig config, ExportRuns runs, AssessmentService assessments, ReportService reports,
            EvidenceLoader evidence, DecisionSampler sampler, BundleContent content, MeterRegistry metrics,
            @ConfigProperty(name = "steward.data-dir") Path dataDir,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version, AuditLog audit, ExportRetention retention,
            HeavyWork heavy) {
        this.heavy = heavy;
        this.audit = audit;
        this.retention = retention;
        this.config = config;
        this.runs = runs;
        this.assessments = assessments;
        this.reports = reports;
        this.evidence = evidence;
        this.sampler = sampler;
        this.content = content;
        this.metrics = metrics;
        this.dataDir = dataDir;
        this.version = version;
    }

    /** What a request to export a period did. */
    public enum Status { EXPORTED, SKIPPED, RECONCILED }

    /**
     * The outcome: exported now, skipped because the period is exported (or being exported) already, or reconciled: a
     * bundle published earlier whose record was not written is verified and recorded DONE.
     */
    public record Outcome(Status status, String period, Path bundle, ExportRuns.ExportRun record) {
    }

    /** Called after each file is written to the staging folder; tests use it to inject a crash mid-export. */
    @FunctionalInterface
    public interface Step {
        Step NONE = file -> { };

        void written(String file) throws IOException;

        /** Called once the bundle is published, before its DONE record is written. */
        default void published(Path bundle) throws IOException {
        }
    }

    public ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    public Period period(YearMonth month) {
        return Period.of(month, zone(), config.windowDays());
    }

    public Path exportsDir() {
        return config.dir().orElse(dataDir.resolve("exports"));
    }

    @ActivateRequestContext
    public Outcome export(YearMonth month, String user) {
        return export(month, null, user, Step.NONE, clock.instant());
    }

    /**
     * Exports the period into {@code dir} (null = the configured exports folder), if it is closed at {@code now} and
     * not exported (or being exported) already.
     */
    @ActivateRequestContext
    public Outcome export(YearMonth month, Path dir, String user, Step step, Instant now) {
        Period p = period(month);
        if (p.asOf().isAfter(now)) {
            throw new IllegalArgumentException("period " + p.id() + " is not closed yet: it ends at " + p.asOf());
        }
        Path root = dir != null ? dir : exportsDir();
        if (!runs.claim(p.id(), now, now.minus(config.staleAfter()))) {
            ExportRuns.ExportRun r = runs.get(p.id()).orElseThrow();
            LOG.infof("export of %s skipped: it is %s already (%s)", p.id(), r.status(), r.location());
            metrics.counter("steward.exports", "outcome", "skipped").increment();
            return new Outcome(Status.SKIPPED, p.id(), r.location() == null ? null : Path.of(r.location()), r);
        }
        Path staging = null;
        try {
            Files.createDirectories(root);
            Path target = root.resolve(p.id());
            if (Files.exists(target)) {
                return reconcile(p, target, user);
            }
            discardStale(root, p.id());
            staging = Files.createTempDirectory(root, ".staging-" + p.id() + "-");
            Manifest m;
            try (HeavyWork.Permit permit = heavy.acquire("export of " + p.id())) {
                m = build(p, staging, root, user, step);
            }
            Bundles.publish(staging, target);
            staging = null;
            Files.writeString(root.resolve(Manifest.PUBLIC_KEY), SigningKeys.publicPem(keys().getPublic()));
            step.published(target);
            Outcome done = recordDone(p, target, m, user, Status.EXPORTED);
            metrics.counter("steward.exports", "outcome", "exported").increment();
            return done;
        } catch (Exception e) {
            discard(staging);
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            try {
                runs.failed(p.id(), clock.instant(), message);
                audit.record(user, AuditAction.EXPORT, p.id(), AuditOutcome.FAILED, Map.of("error", message));
            } catch (RuntimeException recording) {
                // The store itself may be what failed (a closed database): report the export's own failure, not this.
                e.addSuppressed(recording);
                LOG.errorf(recording, "the failure of the export of %s could not be recorded", p.id());
            }
            metrics.counter("steward.exports", "outcome", "failed").increment();
            LOG.errorf(e, "export of %s failed; no bundle was published, the period will be retried", p.id());
            throw new ExportException("export of " + p.id() + " failed: " + message, e);
        }
    }

    /** Records a published bundle DONE, audits it, then applies retention (whose failure never fails the export). */
    private Outcome recordDone(Period p, Path target, Manifest m, String user, Status status) throws IOException {
        String hash = Hashes.sha256(target.resolve(Manifest.FILE));
        long size = 0;
        for (Path f : Bundles.files(target)) {
            size += Files.size(f);
        }
        runs.done(p.id(), clock.instant(), m.assessmentId(), hash, m.previousManifestSha256(), size, m.files().size(),
                target.toAbsolutePath().toString());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("manifestSha256", hash);
        detail.put("files", m.files().size());
        detail.put("sizeBytes", size);
        detail.put("assessmentId", m.assessmentId());
        detail.put("reconciled", status == Status.RECONCILED);
        audit.record(user, AuditAction.EXPORT, p.id(), AuditOutcome.OK, detail);
        LOG.infof("%s %s at %s: %d files, %d bytes, manifest %s", status == Status.RECONCILED ? "recorded the published bundle of"
                : "exported", p.id(), target, m.files().size(), size, hash);
        try {
            retention.apply(p.id(), user);
        } catch (RuntimeException e) {
            LOG.errorf(e, "retention after the export of %s failed; the export itself is done", p.id());
        }
        return new Outcome(status, p.id(), target, runs.get(p.id()).orElseThrow());
    }

    /**
     * The period's bundle is on disk but its record is not DONE: the process stopped (or the database failed) between
     * publishing and recording. A bundle that verifies under our key is recorded DONE; anything else stays FAILED,
     * since a published bundle is never replaced.
     */
    private Outcome reconcile(Period p, Path target, String user) throws IOException, GeneralSecurityException {
        BundleVerifier.Report check = BundleVerifier.verify(target, keys().getPublic(), null);
        if (!check.ok()) {
            throw new IOException(target + " exists already and does not verify (" + String.join("; ", check.problems())
                    + "); a published bundle is never replaced: move it away to export the period again");
        }
        Manifest m = Manifest.parse(Files.readAllBytes(target.resolve(Manifest.FILE)));
        if (!p.id().equals(m.period())) {
            throw new IOException(target + " holds the bundle of " + m.period() + ", not " + p.id());
        }
        LOG.warnf("the bundle of %s was published but not recorded; it verifies, recording it DONE", p.id());
        return recordDone(p, target, m, user, Status.RECONCILED);
    }

    private Manifest build(Period p, Path staging, Path root, String user, Step step) throws IOException, GeneralSecurityException {
        AssessmentRun run = assessments.assess(p.asOf(), Duration.between(p.windowStart(), p.asOf()), user).run();
        AssessmentSummary s = run.summary();
        writeReports(run.id(), staging, step);
        try (OutputStream out = stream(staging.resolve("findings.json"))) {
            reports.writeFindings(run.id(), out);
        }
        step.written("findings.json");
        writeJson(staging.resolve("assessment-run.json"), run);
        step.written("assessment-run.json");
        writeInventory(s, staging);
        step.written("inventory-snapshot.json");
        for (String name : content.copyMappings(staging.resolve("mappings"))) {
            step.written(name);
        }
        for (String name : content.writeAttestations(staging.resolve("attestations"), s.inputs())) {
            step.written(name);
        }
        long seed = seed(run.id(), p.id());
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("seed", seed);
        sample.put("perCheck", config.samplePerCheck());
        sample.put("method", "per check with findings: decisions in [windowStart, asOf) by its failing subjects, reservoir"
                + " sampling in storage order with java.util.SplittableRandom(seed ^ checkId.hashCode())");
        sample.put("checks", sampler.sample(s, seed, config.samplePerCheck()));
        Files.writeString(staging.resolve("decision-sample.json"), AssessmentJson.write(sample));
        step.written("decision-sample.json");
        Instant periodStart = p.month().atDay(1).atStartOfDay(p.zone()).toInstant();
        Manifest.AuditHead auditHead = content.writeAudit(staging.resolve(Manifest.AUDIT_FILE), periodStart, p.asOf(),
                clock.instant());
        step.written(Manifest.AUDIT_FILE);
        Files.writeString(staging.resolve(BundleGuide.FILE), BundleGuide.text(p.id(), p.month().minusMonths(1).toString()));
        step.written(BundleGuide.FILE);
        Manifest header = new Manifest(Manifest.FORMAT, p.id(), p.zone().getId(), p.asOf(), p.windowStart(), version, run.id(),
                s.mappingVersion(), s.inputs().stream().map(ExportService::input).toList(), seed,
                previousManifest(root, p.month()).orElse(null), clock.instant().truncatedTo(ChronoUnit.SECONDS), List.of(),
                auditHead);
        return Bundles.seal(staging, header, keys());
    }

    private static Map<String, Object> input(dev.steward.assessment.InputRef i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uploadId", i.uploadId());
        m.put("kind", i.kind());
        m.put("contentHash", i.contentHash());
        m.put("asOf", i.asOf() == null ? null : i.asOf().toString());
        return m;
    }

    /** The previous period's manifest hash: from its bundle beside this one, else from its export record. */
    Optional<String> previousManifest(Path root, YearMonth month) throws IOException {
        String prev = month.minusMonths(1).toString();
        Path file = root.resolve(prev).resolve(Manifest.FILE);
        if (Files.isRegularFile(file)) {
            return Optional.of(Hashes.sha256(file));
        }
        return runs.get(prev).filter(r -> ExportRuns.DONE.equals(r.status()) || ExportRuns.PURGED.equals(r.status()))
                .map(ExportRuns.ExportRun::manifestSha256);
    }

    static long seed(String runId, String period) {
        return Long.parseUnsignedLong(Hashes.sha256((runId + "|" + period).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .substring(0, 15), 16);
    }

    /** The signing key pair: configured paths, or generated on first use under {@code <data-dir>/keys}. */
    public synchronized KeyPair keys() throws IOException, GeneralSecurityException {
        if (keys == null) {
            Path privateKey = config.privateKey().orElse(dataDir.resolve("keys").resolve(SigningKeys.PRIVATE_FILE));
            keys = SigningKeys.loadOrCreate(privateKey, publicKeyFile());
        }
        return keys;
    }

    /** Where this installation's public key is kept: the file auditors give {@code steward verify --public-key}. */
    public Path publicKeyFile() {
        return config.publicKey().orElse(dataDir.resolve("keys").resolve(SigningKeys.PUBLIC_FILE));
    }

    /**
     * Every report in every format from one model. A method of its own so that the model (the whole inventory at 100k
     * agents) is unreachable once the reports are written: the inventory snapshot loads the inventory again, and two
     * copies of a 100k-agent inventory do not fit in a 1 GiB heap.
     */
    private void writeReports(String runId, Path staging, Step step) throws IOException {
        ReportModel model = reports.model(runId, null, ReportFilter.NONE).orElseThrow();
        Files.createDirectories(staging.resolve("reports"));
        for (ReportKind kind : ReportKind.values()) {
            for (ReportFormat format : ReportFormat.values()) {
                String name = "reports/" + kind.wire() + "." + format.extension();
                try (OutputStream out = stream(staging.resolve(name))) {
                    reports.write(kind, format, model, out);
                }
                step.written(name);
            }
        }
    }

    /**
     * The inventory snapshot. A method of its own, like {@link #writeReports}, so that the inventory it loads (about
     * 450 MiB at 100k agents) is unreachable during the decision sample: held there, it left a 10M-decision export
     * collecting a full 1 GiB heap every second for two minutes.
     */
    private void writeInventory(AssessmentSummary s, Path staging) throws IOException {
        Evidence e = evidence.inventory(s.asOf(), s.windowStart());
        Map<String, Object> inventory = new LinkedHashMap<>();
        inventory.put("asOf", s.asOf().toString());
        inventory.put("redaction", "the store holds no secret values; secrets found at ingestion are not included");
        inventory.put("people", new TreeMap<>(e.people()).values());
        inventory.put("agents", new TreeMap<>(e.agents()).values());
        inventory.put("credentials", new TreeMap<>(e.credentials()).values());
        writeJson(staging.resolve("inventory-snapshot.json"), inventory);
    }

    /** Streams a JSON document to the file: the same bytes as writing its text, without the text in memory. */
    private static void writeJson(Path file, Object value) throws IOException {
        try (OutputStream out = stream(file)) {
            AssessmentJson.MAPPER.writeValue(out, value);
        }
    }

    private static OutputStream stream(Path file) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    /** Removes staging folders of this period left by an exporter that died; this one holds the claim now. */
    private static void discardStale(Path root, String period) throws IOException {
        try (java.util.stream.Stream<Path> list = Files.list(root)) {
            for (Path p : list.filter(f -> f.getFileName().toString().startsWith(".staging-" + period + "-")).toList()) {
                LOG.warnf("removing %s, left by an export that did not finish", p);
                discard(p);
            }
        }
    }

    private static void discard(Path staging) {
        if (staging != null) {
            try {
                Bundles.deleteTree(staging);
            } catch (IOException e) {
                LOG.warnf("cannot remove staging folder %s: %s", staging, e.getMessage());
            }
        }
    }
}
