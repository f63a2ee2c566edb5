package dev.steward.assessment;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import dev.steward.check.CheckCatalog;
import dev.steward.decisions.DecisionAggregates;
import dev.steward.decisions.WindowShards;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.mapping.MappingRegistry;
import dev.steward.mapping.MappingSet;
import dev.steward.security.AccessScope;
import dev.steward.work.HeavyWork;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs and reads assessments; REST and CLI both call it. An assessment reads the inputs in force at its as-of
 * instant, derives the run id from them ({@link RunHeader}), and either finds that run stored already or computes it
 * ({@link Assessor}) and stores it with its diff against the previous run, results and run row in one transaction.
 */
@ApplicationScoped
public class AssessmentService {

    private static final Logger LOG = Logger.getLogger(AssessmentService.class);
    private static final TypeReference<List<ControlResult>> CONTROLS = new TypeReference<>() { };

    private final CheckCatalog catalog;
    private final MappingRegistry mappings;
    private final AssessmentSettings settings;
    private final EvidenceLoader evidence;
    private final AssessmentInputs inputs;
    private final AssessmentStore store;
    private final AgroalDataSource dataSource;
    private final DecisionAggregates aggregates;
    private final String engineVersion;
    private final AuditLog audit;
    private final ScopedReads scoped;
    private final HeavyWork heavy;
    private final ResultPacks packs;
    private final Clock clock = Clock.systemUTC();
    /** Parsed summaries of recently read runs; safe to keep because a stored run never changes. */
    private final Map<String, AssessmentSummary> summaries = java.util.Collections.synchronizedMap(Lru.map(8));

    public AssessmentService(CheckCatalog catalog, MappingRegistry mappings, AssessmentSettings settings,
            EvidenceLoader evidence, AssessmentInputs inputs, AssessmentStore store, AgroalDataSource dataSource,
            DecisionAggregates aggregates, @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
            String engineVersion, AuditLog audit, ScopedReads scoped, HeavyWork heavy, ResultPacks packs) {
        this.packs = packs;
        this.heavy = heavy;
        this.audit = audit;
        this.scoped = scoped;
        this.catalog = catalog;
        this.mappings = mappings;
        this.settings = settings;
        this.evidence = evidence;
        this.inputs = inputs;
        this.store = store;
        this.dataSource = dataSource;
        this.aggregates = aggregates;
        this.engineVersion = engineVersion;
    }

    /**
     * The outcome of a request to assess: the run, whether this request created it (false: it was stored), and, when
     * asked for ({@code keepInventory}), the inventory a sharded run loaded, else null: a report of the run just made
     * takes it instead of loading the same records again (about 10 s at 100k agents). Holding it keeps a whole
     * inventory in memory, so it is opt-in and dropped once the report model is built (a benchmark that held it into
     * its export ran out of a 1 GiB heap). {@code millisByCheck}: what each evaluation of a run made here took, by
     * {@link Evaluation#key}, as the run's {@link Outcome#millisByCheck} (unmodifiable); empty for a stored run.
     */
    public record Assessed(AssessmentRun run, boolean created, Evidence inventory, Map<String, Long> millisByCheck) {

        public Assessed(AssessmentRun run, boolean created) {
            this(run, created, null, Map.of());
        }
    }

    /** Assesses the stored evidence; see {@link #assess(Instant, Duration, String, boolean)}. */
    public Assessed assess(Instant asOf, Duration window, String user) {
        return assess(asOf, window, user, false);
    }

    /**
     * Assesses the stored evidence.
     *
     * @param asOf the as-of instant; null = now (whole seconds)
     * @param window the observation window before asOf; null = {@code steward.assessment.default-window}
     * @param user who asked, for the record
     * @param keepInventory hand the inventory of a sharded run on in {@link Assessed#inventory()}
     */
    public Assessed assess(Instant asOf, Duration window, String user, boolean keepInventory) {
        Assessed done;
        try {
            done = assessRun(asOf, window, user, keepInventory);
        } catch (RuntimeException e) {
            audit.record(user, AuditAction.ASSESSMENT, null, AuditOutcome.FAILED, Map.of("asOf", String.valueOf(asOf),
                    "window", String.valueOf(window), "error", String.valueOf(e.getMessage())));
            throw e;
        }
        AssessmentSummary s = done.run().summary();
        audit.record(user, AuditAction.ASSESSMENT, done.run().id(), AuditOutcome.OK, Map.of("asOf", s.asOf().toString(),
                "windowStart", s.windowStart().toString(), "created", done.created(), "findings", s.totals().findings()));
        return done;
    }

    private Assessed assessRun(Instant asOf, Duration window, String user, boolean keepInventory) {
        Instant at = asOf != null ? asOf : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Duration w = window != null ? window : settings.defaultWindow();
        Instant windowStart = at.minus(w);
        MappingSet mappingSet = mappings.current();
        RunHeader header = RunHeader.of(at, windowStart, engineVersion, mappingSet.mappingVersion(),
                settings.checks().digest(settings.thresholds()), inputs.of(at, windowStart));
        return stored(header, at).orElseGet(() -> {
            try (HeavyWork.Permit permit = heavy.acquire("assessment " + header.id() + " as of " + at)) {
                // the same run may have been stored while this one waited
                return stored(header, at).orElseGet(() -> compute(header, at, windowStart, mappingSet, user, keepInventory));
            }
        });
    }

    private Optional<Assessed> stored(RunHeader header, Instant at) {
        if (!store.exists(header.id())) {
            return Optional.empty();
        }
        LOG.infof("assessment %s as of %s is stored already (same inputs)", header.id(), at);
        return Optional.of(new Assessed(get(header.id()).orElseThrow(), false));
    }

    private Assessed compute(RunHeader header, Instant at, Instant windowStart, MappingSet mappingSet, String user,
            boolean keepInventory) {
        long started = System.nanoTime();
        long rows = settings.config().shardRows() > 0 ? aggregates.rows(windowStart, at) : 0;
        long shardRows = settings.config().shardRows();
        int shards = rows > shardRows && shardRows > 0
                ? (int) Math.min(WindowShards.MAX_SHARDS, (rows + shardRows - 1) / shardRows) : 1;
        // The previous run (what the diff compares with) depends on neither the inventory nor the window: read it on a
        // second thread while this one loads an unsharded window, or scans a sharded one once its inventory is loaded
        // (the load keeps both cores busy, the scan leaves room: at 10M decisions 0.85 s less load, 0.5 s more scan).
        FutureTask<Optional<DiffBuilder.Previous>> prior = new FutureTask<>(() -> {
            long t0 = System.nanoTime();
            Optional<DiffBuilder.Previous> p = store.previous(at, header.id()).map(this::previous);
            LOG.infof("assessment %s: previous run %s read in %d ms beside the window's load or scan", header.id(),
                    p.map(DiffBuilder.Previous::id).orElse("(none)"), (System.nanoTime() - t0) / 1_000_000);
            return p;
        });
        Thread reader = new Thread(prior, "steward-previous-run");
        reader.setDaemon(true);
        Evidence loaded;
        long loadedAt;
        WindowShards opened = null;
        Optional<DiffBuilder.Previous> previous;
        try {
            if (shards > 1) {
                loaded = evidence.inventory(at, windowStart);
                loadedAt = System.nanoTime();
                reader.start();
                opened = aggregates.shards(windowStart, at, loaded, shards,
                        Path.of(System.getProperty("java.io.tmpdir")));
            } else {
                reader.start();
                loaded = evidence.load(at, windowStart);
                loadedAt = System.nanoTime();
            }
            previous = Futures.get(prior, "reading the previous assessment run");
        } catch (RuntimeException | Error e) {
            prior.cancel(false);
            if (opened != null) {
                opened.close();
            }
            throw e;
        }
        WindowShards sharded = opened;
        if (sharded != null) {
            LOG.infof("assessment %s: inventory read in %d ms; %d stored decision rows in the window routed to %d"
                    + " shards holding %d rows in %d ms", header.id(), (loadedAt - started) / 1_000_000, rows, shards,
                    sharded.spilled(), (System.nanoTime() - loadedAt) / 1_000_000);
        }
        Optional<String> previousId = previous.map(DiffBuilder.Previous::id);
        DiffBuilder diff = previous.map(p -> new DiffBuilder(p, settings.config().diffMaxListed())).orElse(null);
        Assessor assessor = new Assessor(catalog, mappingSet, settings.checks(), settings.thresholds(),
                inputs.attested(at));
        Outcome outcome;
        String packKey;
        try {
            packKey = packs.begin(header.id(), clock.instant());
        } catch (RuntimeException e) {
            if (sharded != null) {
                sharded.close();
            }
            throw e;
        }
        try (WindowShards closing = sharded) {
            outcome = QuarkusTransaction.requiringNew().timeout(settings.config().transactionTimeoutSeconds()).call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return write(c, header, loaded, sharded, assessor, diff, previousId.orElse(null), user, started,
                            packKey);
                }
            });
        } catch (RuntimeException e) {
            try {
                packs.abandon(packKey);
            } catch (RuntimeException cleanup) {
                // what the run failed of matters more; the attempt's note lets a later run delete the packs
                e.addSuppressed(cleanup);
            }
            if (store.exists(header.id())) {
                return new Assessed(get(header.id()).orElseThrow(), false);
            }
            throw e;
        }
        LOG.infof("assessment %s as of %s: %d results, %d findings in %d ms", header.id(), at, outcome.totals().results().total(),
                outcome.totals().findings(), (System.nanoTime() - started) / 1_000_000);
        LOG.debugf("assessment %s milliseconds per evaluation: %s", header.id(),
                new java.util.TreeMap<>(outcome.millisByCheck()));
        return new Assessed(get(header.id()).orElseThrow(), true, keepInventory && sharded != null ? loaded : null,
                outcome.millisByCheck());
    }

    private Outcome write(Connection c, RunHeader header, Evidence loaded, WindowShards sharded, Assessor assessor,
            DiffBuilder diff, String previousId, String user, long started, String packKey) throws SQLException {
        long results;
        long findings;
        Outcome outcome;
        try (ResultWriter writer = packs.writer(header.id(), packKey, settings.config().resultBatchSize())) {
            if (sharded != null) {
                outcome = new ShardedAssessment(assessor, settings.config().parallelism()).run(loaded, sharded, writer,
                        diff == null ? null : InOrder.of(diff),
                        Path.of(System.getProperty("java.io.tmpdir")));
            } else {
                outcome = assessor.assess(loaded, r -> {
                    writer.write(r);
                    if (diff != null) {
                        diff.accept(r);
                    }
                }, settings.config().parallelism());
            }
            results = writer.written();
            findings = writer.findings();
        }
        RunDiff d = diff == null ? null : diff.finish(outcome, header);
        store.insertRun(c, AssessmentSummary.of(header, outcome, settings.thresholds()), clock.instant(), user, previousId, results, findings,
                (System.nanoTime() - started) / 1_000_000, AssessmentJson.write(outcome.controls()),
                d == null ? null : AssessmentJson.write(d), packKey);
        packs.finish(c, packKey);
        return outcome;
    }

    private DiffBuilder.Previous previous(String id) {
        AssessmentStore.StoredRun run = store.run(id).orElseThrow();
        AssessmentSummary s = AssessmentJson.read(run.summaryJson(), AssessmentSummary.class);
        return DiffBuilder.Previous.of(id, run.asOf(), store.priorFindings(id), s,
                AssessmentJson.read(run.controlsJson(), CONTROLS));
    }

    public Optional<AssessmentRun> get(String id) {
        return store.run(id).map(r -> new AssessmentRun(r.id(), r.createdAt(), r.createdBy(), r.elapsedMs(),
                AssessmentJson.read(r.summaryJson(), AssessmentSummary.class),
                r.diffJson() == null ? null : AssessmentJson.read(r.diffJson(), RunDiff.class)));
    }

    /** A run as {@code scope} may see it ({@link ScopedReads}): a manager sees its teams' roll-ups and subjects. */
    public Optional<AssessmentRun> get(String id, AccessScope scope) {
        Optional<AssessmentRun> run = get(id);
        return scope.unrestricted() ? run : run.map(r -> scoped.run(r, scope.teams()));
    }

    /** A run's controls as {@code scope} may see them: FAIL counts of its teams only. */
    public Optional<List<ControlResult>> controls(String id, String framework, AccessScope scope) {
        Optional<List<ControlResult>> all = controls(id, framework);
        return scope.unrestricted() ? all : all.map(l -> scoped.controls(id, l, scope.teams()));
    }

    /** One page of a run's findings of the subjects {@code scope} may see. */
    public Optional<List<Finding>> findings(String id, AssessmentStore.FindingFilter filter, AccessScope scope, int page,
            int size) {
        return summary(id).map(s -> store.findings(id, filter, teams(scope), s.controlsByEvaluation(), page * size, size));
    }

    /** How many of a run's findings match the filter among the subjects {@code scope} may see. */
    public long countFindings(String id, AssessmentStore.FindingFilter filter, AccessScope scope) {
        return store.countFindings(id, filter, teams(scope));
    }

    static java.util.Set<String> teams(AccessScope scope) {
        return scope.unrestricted() ? null : scope.teams();
    }

    public Optional<AssessmentSummary> summary(String id) {
        AssessmentSummary cached = summaries.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<AssessmentSummary> read = store.run(id).map(r -> AssessmentJson.read(r.summaryJson(), AssessmentSummary.class));
        read.ifPresent(s -> summaries.put(id, s));
        return read;
    }

    /** Runs, newest first. */
    public List<AssessmentStore.RunListItem> list(int page, int size) {
        return store.list(page * size, size);
    }

    /** How many runs are stored. */
    public long countRuns() {
        return store.countRuns();
    }

    /** A run's controls, all frameworks or one; empty when the run does not exist. */
    public Optional<List<ControlResult>> controls(String id, String framework) {
        return store.run(id).map(r -> {
            List<ControlResult> all = AssessmentJson.read(r.controlsJson(), CONTROLS);
            if (framework == null || framework.isBlank()) {
                return all;
            }
            List<ControlResult> one = all.stream().filter(c -> c.framework().equals(framework)).toList();
            if (one.isEmpty()) {
                throw new IllegalArgumentException("framework '" + framework + "' is not in assessment " + id + "; known: "
                        + all.stream().map(ControlResult::framework).distinct().toList());
            }
            return one;
        });
    }

    /** One page of a run's findings; empty when the run does not exist. */
    public Optional<List<Finding>> findings(String id, AssessmentStore.FindingFilter filter, int page, int size) {
        return summary(id).map(s -> store.findings(id, filter, s.controlsByEvaluation(), page * size, size));
    }

    /**
     * The findings of a run's checks {@code checkIds} (every variant) that {@code scope} may see, in run order, streamed
     * to {@code consumer} in one read: what a page needs to list every failing subject of a control, however many.
     * False when the run does not exist.
     */
    public boolean streamFindings(String id, java.util.Set<String> checkIds, AccessScope scope,
            java.util.function.Consumer<Finding> consumer) {
        Optional<AssessmentSummary> summary = summary(id);
        if (summary.isEmpty()) {
            return false;
        }
        Map<String, List<String>> controls = summary.get().controlsByEvaluation();
        QuarkusTransaction.requiringNew().timeout(settings.config().transactionTimeoutSeconds()).run(() -> store.streamFindings(
                id, controls, checkIds, f -> {
                    if (scope.allows(f.team())) {
                        consumer.accept(f);
                    }
                }));
        return true;
    }

    /** Control to checks to findings to evidence; empty when the run or the control does not exist. */
    public Optional<Explanation> explain(String id, String controlRef, int findingsPerCheck) {
        return explain(id, controlRef, findingsPerCheck, AccessScope.ALL);
    }

    /** As {@link #explain(String, String, int)}, with findings and FAIL counts of the subjects {@code scope} may see. */
    public Optional<Explanation> explain(String id, String controlRef, int findingsPerCheck, AccessScope scope) {
        return new Explainer(this, store, mappings, settings.thresholds()).explain(id, controlRef, findingsPerCheck, scope);
    }

    /** Writes findings.json of a stored run to the stream; returns how many findings, empty when the run does not exist. */
    public Optional<Long> writeFindings(String id, OutputStream out) {
        Optional<AssessmentSummary> summary = summary(id);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> controls = summary.get().controlsByEvaluation();
        return Optional.of(QuarkusTransaction.requiringNew().timeout(settings.config().transactionTimeoutSeconds()).call(() -> {
            try (FindingsJson writer = new FindingsJson(out)) {
                store.streamFindings(id, controls, writer::write);
                return writer.count();
            }
        }));
    }

    /**
     * Writes every result of a stored run that {@code scope} may see (PASS and NOT_APPLICABLE included) as JSON Lines
     * ({@link ResultLine}) in run order, streamed from the store; returns how many, empty when the run does not exist.
     */
    public Optional<Long> writeResults(String id, AccessScope scope, OutputStream out) {
        return summary(id).map(s -> ResultLine.writeAll(store, id, teams(scope), s.controlsByEvaluation(), out));
    }
}
