package dev.steward.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import dev.steward.text.Words;
import dev.steward.upload.UploadEntity;
import dev.steward.upload.UploadKind;
import dev.steward.upload.UploadRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The one ingest service behind REST and CLI. An upload is stored completely or not at all: an inventory in one
 * transaction, a decision log in committed chunks under a PENDING upload that readers ignore until it flips to
 * COMMITTED ({@link StagedDecisions}). Any ERROR problem, or input that breaks a limit, leaves only a REJECTED upload
 * record with the full problem list. The same content (SHA-256 over the files and the options) is stored once.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final IngestConfig limits;
    private final UploadRepository uploads;
    private final EntityManager em;
    private final StagedDecisions staged;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final SourceAdapters sources;
    private final AuditLog audit;
    private final javax.sql.DataSource dataSource;

    public IngestService(IngestConfig limits, UploadRepository uploads, EntityManager em, StagedDecisions staged,
            MeterRegistry metrics, SourceAdapters sources, AuditLog audit, io.agroal.api.AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.sources = sources;
        this.audit = audit;
        this.limits = limits;
        this.uploads = uploads;
        this.em = em;
        this.staged = staged;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    /** Removes what uploads interrupted by a stopped process left behind. */
    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        staged.recover(clock.instant().minusSeconds(limits.transactionTimeoutSeconds()));
    }

    /** Thrown inside the upload transaction to roll it back; carries the problems. */
    private static final class Rejected extends RuntimeException {
        Rejected() {
            super(null, null, false, false);
        }
    }

    /** Ingests one upload and records it in the audit trail: committed, duplicate or rejected, with its counts. */
    public IngestReport ingest(IngestRequest request) {
        IngestReport report;
        try {
            report = ingestUpload(request);
        } catch (RuntimeException e) {
            audit.record(request.user(), AuditAction.UPLOAD, null, AuditOutcome.FAILED, java.util.Map.of("files",
                    request.files().stream().map(InputFile::name).toList().toString(), "error", String.valueOf(e.getMessage())));
            throw e;
        }
        audit.record(request.user(), AuditAction.UPLOAD, report.uploadId() == null ? null : "upload " + report.uploadId(),
                report.status() == IngestReport.Status.REJECTED ? AuditOutcome.FAILED : AuditOutcome.OK, report.auditDetail());
        return report;
    }

    private IngestReport ingestUpload(IngestRequest request) {
        long started = System.nanoTime();
        sources.checkFormat(request.format());
        if (request.files().isEmpty()) {
            throw new IngestException("no file to ingest");
        }
        Plan plan = Plan.of(request, limits, sources);
        Problems problems = new Problems(limits.maxProblemsListed());
        var duplicate = QuarkusTransaction.requiringNew().call(() -> uploads.committedWithHash(plan.contentHash()));
        if (duplicate.isPresent()) {
            return report(plan, duplicate.get().id, IngestReport.Status.DUPLICATE, duplicate.get().id, problems,
                    new IngestReport.Counts(0, 0, 0, 0, 0), duplicate.get().asOf, duplicate.get().source, started);
        }
        // in the database's precision (microseconds on H2 and PostgreSQL): the secrets and exposures stamped with it
        // are found by it again once the upload's asOf is known (store)
        Instant receivedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (plan.kind() == UploadKind.DECISIONS) {
            return ingestDecisions(plan, request, problems, receivedAt, started);
        }
        try {
            Stored stored = QuarkusTransaction.requiringNew().timeout(limits.transactionTimeoutSeconds())
                    .call(() -> store(plan, request, problems, receivedAt));
            metrics.counter("steward.ingest.uploads", "kind", plan.kind().name(), "status", "committed").increment();
            metrics.counter("steward.ingest.records", "kind", plan.kind().name()).increment(stored.total());
            IngestReport report = report(plan, stored.uploadId, IngestReport.Status.COMMITTED, null, problems,
                    stored.counts, stored.asOf, stored.source, started).withScope(stored.scope);
            QuarkusTransaction.requiringNew().run(() -> uploads.findById(stored.uploadId).report = toJson(report));
            LOG.info(report.summary());
            return report;
        } catch (Rejected e) {
            return rejected(plan, request, problems, receivedAt, started, null);
        } catch (IngestException e) {
            addProblem(problems, plan.names(), e.getMessage());
            return rejected(plan, request, problems, receivedAt, started, null);
        } catch (jakarta.persistence.PersistenceException e) {
            return duplicateAfterRace(plan, problems, started).orElseThrow(() -> e);
        }
    }

    /** A concurrent upload of the same content won the unique content row: report it as the duplicate. */
    private java.util.Optional<IngestReport> duplicateAfterRace(Plan plan, Problems problems, long started) {
        return QuarkusTransaction.requiringNew().call(() -> uploads.committedWithHash(plan.contentHash()))
                .map(u -> report(plan, u.id, IngestReport.Status.DUPLICATE, u.id, problems,
                        new IngestReport.Counts(0, 0, 0, 0, 0), u.asOf, u.source, started));
    }

    private IngestReport ingestDecisions(Plan plan, IngestRequest request, Problems problems, Instant receivedAt,
            long started) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            UploadEntity u = newUpload(plan, request, receivedAt, UploadEntity.Status.PENDING);
            uploads.persistAndFlush(u);
            return u.id;
        });
        StagedDecisions.Stored stored;
        try {
            stored = staged.write(id, plan, request, problems, this::open, receivedAt);
        } catch (IngestException e) {
            addProblem(problems, plan.names(), e.getMessage());
            return rejected(plan, request, problems, receivedAt, started, id);
        } catch (IOException | java.sql.SQLException | RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> uploads.findById(id).status = UploadEntity.Status.ABORTED);
            throw new IllegalStateException("decision upload " + id + " failed and was discarded", e);
        }
        if (stored == null) {
            return rejected(plan, request, problems, receivedAt, started, id);
        }
        ObservedInventory observed = stored.observed();
        IngestReport.Counts counts = new IngestReport.Counts(0, 0, observed.credentials().size(), stored.decisions(),
                stored.secrets() + observed.secrets().size());
        // credentials a log shows in use or issued: in force from the end of the log, in a scope of their own
        // (a log is a slice of time, not a snapshot that replaces the previous one)
        boolean hasCredentials = !observed.credentials().isEmpty();
        Instant asOf = !hasCredentials ? null : request.asOf() != null ? request.asOf()
                : stored.latest() != null ? stored.latest() : receivedAt;
        String scope = !hasCredentials ? request.scope()
                : sourceScope(request, plan.format() + "-log:" + plan.contentHash().substring(0, 12));
        IngestReport report = report(plan, id, IngestReport.Status.COMMITTED, null, problems, counts, asOf,
                request.source(), started).withScope(scope);
        try {
            QuarkusTransaction.requiringNew().timeout(limits.transactionTimeoutSeconds()).run(() -> {
                em.createNativeQuery("INSERT INTO upload_content (content_hash, upload_id) VALUES (?1, ?2)")
                        .setParameter(1, plan.contentHash()).setParameter(2, id).executeUpdate();
                observed.persist(em);
                em.flush();
                em.clear();
                UploadEntity u = uploads.findById(id);
                u.status = UploadEntity.Status.COMMITTED;
                u.decisionCount = stored.decisions();
                u.credentialCount = observed.credentials().size();
                u.hasCredentials = hasCredentials;
                u.asOf = asOf;
                u.scope = scope;
                u.warningCount = (int) problems.warningCount();
                u.report = toJson(report);
            });
        } catch (jakarta.persistence.PersistenceException e) {
            staged.discard(id);
            QuarkusTransaction.requiringNew().run(() -> uploads.findById(id).status = UploadEntity.Status.ABORTED);
            return duplicateAfterRace(plan, problems, started).orElseThrow(() -> e);
        }
        metrics.counter("steward.ingest.uploads", "kind", plan.kind().name(), "status", "committed").increment();
        metrics.counter("steward.ingest.records", "kind", plan.kind().name()).increment(stored.decisions());
        LOG.info(report.summary());
        return report;
    }

    private static final Pattern LOCATED = Pattern.compile("^(.+?):(\\d+): (.*)$", Pattern.DOTALL);
    private static final Pattern FILED = Pattern.compile("^(.+?): (.*)$", Pattern.DOTALL);

    /** Files a limit or parse failure as a problem of its file and line, parsed from the message's "file:line:" prefix. */
    static void addProblem(Problems problems, List<String> files, String message) {
        var located = LOCATED.matcher(message);
        if (located.matches() && files.contains(located.group(1))) {
            problems.error(located.group(1), Long.parseLong(located.group(2)), null, null, located.group(3));
            return;
        }
        var filed = FILED.matcher(message);
        if (filed.matches() && files.contains(filed.group(1))) {
            problems.error(filed.group(1), 0, null, null, filed.group(2));
            return;
        }
        problems.error(files.get(0), 0, null, null, message);
    }

    private record Stored(long uploadId, IngestReport.Counts counts, Instant asOf, String source, String scope) {
        long total() {
            return counts.people() + counts.agents() + counts.credentials() + counts.decisions();
        }
    }

    private Stored store(Plan plan, IngestRequest request, Problems problems, Instant receivedAt) throws IOException, SQLException {
        UploadEntity upload = newUpload(plan, request, receivedAt, UploadEntity.Status.COMMITTED);
        uploads.persistAndFlush(upload);
        long id = upload.id;
        IngestReport.Counts counts;
        Instant asOf = request.asOf();
        String source = request.source();
        String scope = request.scope();
        UploadKind kind = plan.kind();
        try (java.sql.Connection connection = dataSource.getConnection();
                dev.steward.inventory.InventoryRows rows = new dev.steward.inventory.InventoryRows(connection)) {
            InventoryStore store = new InventoryStore(rows, problems);
            // a secret in an inventory is known to exist as of the inventory's asOf (else the time it arrived)
            Instant requested = request.asOf();
            RecordMapper mapper = new RecordMapper(problems, store, id,
                    () -> requested != null ? requested : store.asOf != null ? store.asOf : receivedAt);
            NativeInventoryAdapter adapter = new NativeInventoryAdapter(limits);
            SourceRun run = new SourceRun(new SourceContext(limits, problems, null, mapper, store, request.source()));
            boolean peopleDocument = false;
            for (Plan.Entry f : plan.files()) {
                try (InputStream in = open(f)) {
                    if (f.adapter() != null) {
                        run.read(f.adapter(), f.file().name(), in);
                    } else {
                        peopleDocument |= "People".equals(adapter.read(f.file(), f.role(), in, mapper, problems, store));
                    }
                }
            }
            run.finish();
            if (run.active()) {
                scope = sourceScope(request, run.proposedScope() != null ? run.proposedScope() : plan.format());
            }
            if (asOf == null) {
                asOf = store.asOf;
            } else if (store.asOf != null && !store.asOf.equals(asOf)) {
                problems.warning(plan.names().get(0), 1, "asOf", store.asOf.toString(),
                        "overridden by the asOf option " + asOf);
            }
            if (asOf == null) {
                asOf = receivedAt;
                problems.warning(plan.names().get(0), 0, "asOf", null,
                        "no asOf in the upload (document field, meta sheet or option): the time of ingestion is used");
            }
            source = source != null ? source : store.source;
            if (!run.active() && !store.has(RecordMapper.Section.AGENTS) && !store.has(RecordMapper.Section.CREDENTIALS)) {
                kind = UploadKind.PEOPLE;
            } else if (peopleDocument) {
                kind = UploadKind.PEOPLE;
            }
            counts = new IngestReport.Counts(store.people(), store.agents(), store.credentials(), 0, store.secrets());
            store.flush();
            em.flush();
            if (!asOf.equals(receivedAt) && store.secrets() > 0) {
                // asOf arrived after records that held secrets (e.g. at the end of a document): date them by it
                // (without secrets there is nothing to date, and both updates would scan the upload's rows)
                em.createNativeQuery("UPDATE secret_finding SET found_at = ?1 WHERE upload_id = ?2 AND found_at = ?3")
                        .setParameter(1, asOf).setParameter(2, id).setParameter(3, receivedAt).executeUpdate();
                em.createNativeQuery("UPDATE credential SET exposure_at = ?1 WHERE upload_id = ?2 AND exposure_at = ?3")
                        .setParameter(1, asOf).setParameter(2, id).setParameter(3, receivedAt).executeUpdate();
            }
            if (!problems.hasErrors()) {
                // the rows are final: the same records once more as packs, what assessments and reports read
                dev.steward.inventory.InventoryLoads.pack(connection, id);
            }
            em.clear();
            upload = uploads.findById(id);
            upload.hasPeople = store.has(RecordMapper.Section.PEOPLE);
            upload.hasAgents = store.has(RecordMapper.Section.AGENTS);
            upload.hasCredentials = store.has(RecordMapper.Section.CREDENTIALS);
        }
        if (problems.hasErrors()) {
            throw new Rejected();
        }
        upload = upload == null ? uploads.findById(id) : upload;
        upload.kind = kind;
        upload.asOf = asOf;
        upload.source = source;
        upload.scope = scope;
        upload.peopleCount = (int) counts.people();
        upload.agentCount = (int) counts.agents();
        upload.credentialCount = (int) counts.credentials();
        upload.decisionCount = counts.decisions();
        upload.warningCount = (int) problems.warningCount();
        em.createNativeQuery("INSERT INTO upload_content (content_hash, upload_id) VALUES (?1, ?2)")
                .setParameter(1, plan.contentHash()).setParameter(2, id).executeUpdate();
        em.flush();
        return new Stored(id, counts, asOf, source, scope);
    }

    /** The scope of a source upload: the user's --scope, else the one the source proposes. */
    private static String sourceScope(IngestRequest request, String proposed) {
        return "native".equals(request.scope()) ? proposed : request.scope();
    }

    private InputStream open(Plan.Entry f) throws IOException {
        f.counter().count = 0;
        InputStream raw = new Plan.Counter(Files.newInputStream(f.file().path()), f.counter());
        return BoundedInput.open(f.file().name(), raw, limits);
    }

    /** Records a rejected upload (a new row, or the staged PENDING one) with its report; nothing else is kept. */
    private IngestReport rejected(Plan plan, IngestRequest request, Problems problems, Instant receivedAt, long started,
            Long existing) {
        IngestReport.Counts none = new IngestReport.Counts(0, 0, 0, 0, 0);
        long id = QuarkusTransaction.requiringNew().call(() -> {
            UploadEntity u = existing == null ? newUpload(plan, request, receivedAt, UploadEntity.Status.REJECTED)
                    : uploads.findById(existing);
            u.status = UploadEntity.Status.REJECTED;
            u.errorCount = (int) problems.errorCount();
            u.warningCount = (int) problems.warningCount();
            uploads.persistAndFlush(u);
            return u.id;
        });
        IngestReport report = report(plan, id, IngestReport.Status.REJECTED, null, problems, none, request.asOf(),
                request.source(), started);
        QuarkusTransaction.requiringNew().run(() -> uploads.findById(id).report = toJson(report));
        metrics.counter("steward.ingest.uploads", "kind", plan.kind().name(), "status", "rejected").increment();
        LOG.warnf("upload %d rejected: %s, %s (first: %s)", id, Words.count(problems.errorCount(), "error"),
                Words.count(problems.warningCount(), "warning"), problems.listed().isEmpty() ? "-" : problems.listed().get(0));
        return report;
    }

    private UploadEntity newUpload(Plan plan, IngestRequest request, Instant receivedAt, UploadEntity.Status status) {
        UploadEntity u = new UploadEntity();
        u.kind = plan.kind();
        u.status = status;
        u.format = plan.format();
        u.scope = request.scope();
        u.source = request.source();
        u.asOf = request.asOf();
        u.contentHash = plan.contentHash();
        u.files = String.join("\n", plan.names());
        u.receivedAt = receivedAt;
        u.uploadedBy = request.user();
        return u;
    }

    private IngestReport report(Plan plan, Long id, IngestReport.Status status, Long duplicateOf, Problems problems,
            IngestReport.Counts counts, Instant asOf, String source, long started) {
        return new IngestReport(id, plan.kind(), status, plan.format(), plan.scope(), asOf, source, plan.contentHash(),
                plan.names(), duplicateOf, counts, problems.errorCount(), problems.warningCount(), problems.unlisted(),
                problems.listed(), (System.nanoTime() - started) / 1_000_000);
    }

    private static String toJson(IngestReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
