package dev.steward.report;

import dev.steward.assessment.AssessmentRun;
import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentStore;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.ControlResult;
import dev.steward.assessment.Finding;
import dev.steward.assessment.RunDiff;
import dev.steward.check.Check;
import dev.steward.check.CheckCatalog;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.assessment.InputRef;
import dev.steward.attestation.Attestation;
import dev.steward.attestation.AttestationService;
import dev.steward.mapping.MappingRegistry;
import dev.steward.upload.UploadEntity;
import dev.steward.upload.UploadRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.lang.ref.SoftReference;
import java.time.Clock;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Builds report models from stored runs and writes them; REST and CLI both call it. The model of a run reads the
 * stored summary, controls and diff, reloads the evidence at the run's as-of and window (the records every count
 * traces to), and streams the findings from the store in one read whenever a writer iterates them
 * ({@link FindingStream}).
 */
@ApplicationScoped
public class ReportService {

    private static final int TREND_RUNS = 12;

    private final AssessmentService assessments;
    private final AssessmentStore store;
    private final EvidenceLoader evidence;
    private final MappingRegistry mappings;
    private final CheckCatalog catalog;
    private final UploadRepository uploads;
    private final ReportWriters writers;
    private final AttestationService attestations;
    private final Clock clock = Clock.systemUTC();
    /** Models kept for the pages, the most recently used last; a few filters (an admin's, each manager's teams). */
    private final Map<PageKey, SoftReference<ReportModel>> pageModels = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PageKey, SoftReference<ReportModel>> eldest) {
            return size() > PAGE_MODELS;
        }
    };

    private static final int PAGE_MODELS = 8;
    /** Above this many shared credentials a narrowed report reads the whole run rather than list them in its query. */
    static final int MAX_SHARED = 1000;
    /** Page models being built, so that pages asking for the same one at once wait for one build. */
    private final Map<PageKey, CompletableFuture<Optional<ReportModel>>> building = new HashMap<>();
    private final Timer pageModelBuilds;

    /** What a page model was built for: the run, the filter, and the newest committed upload at the time. */
    private record PageKey(String run, ReportFilter filter, long upload) {
    }

    public ReportService(AssessmentService assessments, AssessmentStore store, EvidenceLoader evidence,
            MappingRegistry mappings, CheckCatalog catalog, UploadRepository uploads, ReportWriters writers,
            AttestationService attestations, MeterRegistry metrics) {
        this.attestations = attestations;
        this.pageModelBuilds = Timer.builder("steward.pages.model.build")
                .description("Builds of the web pages' model of the latest run (one per run, filter and upload)")
                .register(metrics);
        this.assessments = assessments;
        this.store = store;
        this.evidence = evidence;
        this.mappings = mappings;
        this.catalog = catalog;
        this.uploads = uploads;
        this.writers = writers;
    }

    /**
     * The latest run's model for the web pages (all frameworks, the given filter), kept softly for the next page with
     * the same filter until a new run or upload: at 100k agents a model takes seconds to build, and every page starts
     * from one. A download of the same run and filter uses it too ({@link #download}); the CLI, the exports and
     * downloads of another run or one framework build theirs afresh.
     */
    public Optional<ReportModel> latestForPages(ReportFilter filter) {
        Optional<String> run = latest();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        PageKey key = new PageKey(run.get(), filter, uploads.lastCommitted());
        CompletableFuture<Optional<ReportModel>> mine;
        CompletableFuture<Optional<ReportModel>> theirs;
        synchronized (pageModels) {
            SoftReference<ReportModel> kept = pageModels.get(key);
            ReportModel model = kept == null ? null : kept.get();
            if (model != null) {
                return Optional.of(model);
            }
            theirs = building.get(key);
            mine = theirs == null ? new CompletableFuture<>() : null;
            if (mine != null) {
                building.put(key, mine);
            }
        }
        if (theirs != null) {
            return awaitBuild(theirs);
        }
        try {
            long started = System.nanoTime();
            Optional<ReportModel> built = model(run.get(), null, filter);
            pageModelBuilds.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            synchronized (pageModels) {
                built.ifPresent(m -> pageModels.put(key, new SoftReference<>(m)));
                building.remove(key);
            }
            mine.complete(built);
            return built;
        } catch (RuntimeException | Error e) {
            synchronized (pageModels) {
                building.remove(key);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Another page's build of the same model, waited for rather than repeated (seconds at 100k agents). */
    private static Optional<ReportModel> awaitBuild(CompletableFuture<Optional<ReportModel>> build) {
        try {
            return build.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * The model of a download: for the latest run with every framework, the pages' kept model of the same filter
     * ({@link #latestForPages}) stamped with the time of the download, so that a report of the run the pages show
     * costs only its writing (at 100k agents and 10M decisions the model is 5-7 s of a 10-14 s download); otherwise,
     * or when a newer run came in between, a model built afresh ({@link #model(String, String, ReportFilter)}).
     */
    public Optional<ReportModel> download(String assessmentId, String framework, ReportFilter filter) {
        boolean latestAsked = assessmentId == null || assessmentId.isBlank();
        if (framework == null || framework.isBlank()) {
            Optional<ReportModel> kept = latest().filter(id -> latestAsked || id.equals(assessmentId))
                    .flatMap(id -> latestForPages(filter == null ? ReportFilter.NONE : filter)
                            .filter(m -> latestAsked || m.meta().assessmentId().equals(assessmentId)));
            if (kept.isPresent()) {
                return kept.map(m -> m.generatedAt(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
            }
        }
        return model(assessmentId, framework, filter);
    }

    /** The id of the latest run (newest created), if any. */
    public Optional<String> latest() {
        return assessments.list(0, 1).stream().findFirst().map(AssessmentStore.RunListItem::id);
    }

    /**
     * The model of one run (null = the latest), narrowed to a framework (null = all) and filter; empty when the run
     * does not exist (or none exists).
     */
    public Optional<ReportModel> model(String assessmentId, String framework, ReportFilter filter) {
        return model(assessmentId, framework, filter, null);
    }

    /**
     * The same, built on an inventory already loaded for the run ({@link AssessmentService.Assessed#inventory()}):
     * used when it was loaded at the run's as-of and window start, else (or when null) the inventory is loaded.
     */
    public Optional<ReportModel> model(String assessmentId, String framework, ReportFilter filter, Evidence inventory) {
        Optional<String> id = assessmentId == null || assessmentId.isBlank() ? latest() : Optional.of(assessmentId);
        Optional<AssessmentRun> run = id.flatMap(assessments::get);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        AssessmentSummary s = run.get().summary();
        List<ControlResult> controls = assessments.controls(s.id(), null).orElseThrow();
        Evidence loaded = inventory != null && inventory.asOf().equals(s.asOf())
                && inventory.windowStart().equals(s.windowStart()) ? inventory : evidence.inventory(s.asOf(), s.windowStart());
        Map<String, Check> checks = new HashMap<>();
        catalog.all().forEach(c -> checks.put(c.id(), c));
        Map<String, List<String>> controlsByKey = new LinkedHashMap<>();
        s.checks().forEach(c -> controlsByKey.put(c.key(), c.controls()));
        Set<String> teams = filter == null ? null : filter.teamsOnly();
        Set<String> shared = teams == null ? null : sharedCredentials(loaded, teams);
        boolean byTeam = shared != null && shared.size() <= MAX_SHARED && sameInventory(s);
        FindingSource findings = new FindingSource() {
            @Override
            public Iterator<Finding> iterator() {
                return new FindingStream(byTeam ? c -> store.streamTeamFindings(s.id(), controlsByKey, teams, shared, c)
                        : c -> store.streamFindings(s.id(), controlsByKey, c));
            }

            @Override
            public Iterable<Finding> of(Set<String> subjectIds) {
                return () -> new FindingStream(c -> store.streamFindings(s.id(), controlsByKey, null, subjectIds, c));
            }
        };
        // the previous run's findings of the checks with resolved findings, with this run's controls per check: a
        // resolved finding is in a framework's report when its check is scored there now
        RunDiff diff = run.get().diff();
        Set<String> resolvedChecks = ReportChanges.resolvedChecks(diff);
        Iterable<Finding> previous = resolvedChecks.isEmpty() ? List.of()
                : () -> new FindingStream(c -> store.streamFindings(diff.previousId(), controlsByKey, resolvedChecks, c));
        ReportInputs in = new ReportInputs(s, controls, diff, trend(s), loaded, mappings.current(), checks, findings,
                previous, inputs(s), clock.instant().truncatedTo(ChronoUnit.SECONDS));
        return Optional.of(new ReportModelBuilder(in).build(blankToNull(framework), filter == null ? ReportFilter.NONE : filter));
    }

    /**
     * The credentials an agent of {@code teams} holds whose findings the run gave another team (that of a heavier
     * holder, {@code Attribution}): their gaps still show on the agent's row, so a report narrowed to {@code teams}
     * reads them beside its teams' findings. Together these are every finding such a report uses, as long as the
     * inventory is the one the run read ({@link #sameInventory}, else the report reads the whole run).
     */
    static Set<String> sharedCredentials(Evidence inventory, Set<String> teams) {
        Set<String> shared = new java.util.TreeSet<>();
        for (AgentRecord a : inventory.agents().values()) {
            if (a.team() == null || !teams.contains(a.team())) {
                continue;
            }
            for (CredentialRecord c : inventory.heldCredentials(a.id())) {
                AgentRecord attributed = inventory.heaviestHolderOf(c);
                if (attributed == null || attributed.team() == null || !teams.contains(attributed.team())) {
                    shared.add(c.id());
                }
            }
        }
        return shared;
    }

    /**
     * Whether the inventory in force at the run's as-of is the one the run read: no upload of people, agents or
     * credentials dated before it came in after the run. Otherwise an agent may have moved to another team since the
     * run gave its findings a team, and only a read of the whole run finds them all.
     */
    private boolean sameInventory(AssessmentSummary s) {
        Set<Long> read = new java.util.HashSet<>();
        s.inputs().stream().filter(i -> !InputRef.ATTESTATION.equals(i.kind())).forEach(i -> read.add(i.uploadId()));
        return List.of("people", "agents", "credentials").stream()
                .allMatch(section -> read.containsAll(uploads.inForce(section, s.asOf())));
    }

    public void write(ReportKind kind, ReportFormat format, ReportModel model, OutputStream out) {
        writers.write(kind, format, model, out);
    }

    /** Writes the contract findings.json of a run (all findings, unfiltered). */
    public long writeFindings(String assessmentId, OutputStream out) {
        return assessments.writeFindings(assessmentId, out).orElseThrow();
    }

    private List<GapReport.TrendPoint> trend(AssessmentSummary current) {
        List<GapReport.TrendPoint> points = new ArrayList<>();
        for (AssessmentStore.RunListItem r : assessments.list(0, 200)) {
            if (!r.asOf().isAfter(current.asOf())) {
                assessments.summary(r.id()).ifPresent(s -> {
                    Map<String, Double> scores = new LinkedHashMap<>();
                    s.frameworks().forEach(f -> scores.put(f.framework(), f.score()));
                    points.add(new GapReport.TrendPoint(s.id(), s.asOf(), scores));
                });
            }
        }
        points.sort(Comparator.comparing(GapReport.TrendPoint::asOf).thenComparing(GapReport.TrendPoint::assessmentId));
        return points.subList(Math.max(0, points.size() - TREND_RUNS), points.size());
    }

    private List<GapReport.InputRow> inputs(AssessmentSummary s) {
        Map<Long, UploadEntity> byId = new HashMap<>();
        List<Long> ids = s.inputs().stream().filter(i -> !InputRef.ATTESTATION.equals(i.kind())).map(i -> i.uploadId())
                .toList();
        if (!ids.isEmpty()) {
            uploads.list("id in ?1", ids).forEach(u -> byId.put(u.id, u));
        }
        return s.inputs().stream().map(i -> new GapReport.InputRow(i.uploadId(), i.kind(), InputRef.ATTESTATION.equals(i.kind())
                ? attestations.get(i.uploadId()).map(ReportService::describe).orElse("")
                : Optional.ofNullable(byId.get(i.uploadId())).map(u -> u.files).orElse(""), i.contentHash(), i.asOf())).toList();
    }

    private static String describe(Attestation a) {
        return a.ref() + " " + a.evidenceKey() + " by " + a.attestedBy() + (a.fileName() == null ? ""
                : ", file " + a.fileName() + " sha256 " + a.fileSha256());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
