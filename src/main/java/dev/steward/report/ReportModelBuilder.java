package dev.steward.report;

import dev.steward.assessment.ControlReasons;
import dev.steward.assessment.ControlResult;
import dev.steward.assessment.ControlStatus;
import dev.steward.assessment.Finding;
import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.TeamRecommendation;
import dev.steward.check.Check;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.PersonRecord;
import dev.steward.mapping.Control;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * Builds the {@link ReportModel} from {@link ReportInputs}: one pass over the run's findings collects the ownership
 * gaps per agent and the counts per check, control and severity; the agent rows and finding rows are then produced
 * on demand whenever a writer iterates them. Every count is over default-variant results unless it says otherwise,
 * and the filter applies to agents (their attributes) and findings (their stored attribution) alike.
 */
public final class ReportModelBuilder {

    /** Checks whose findings are ownership gaps, in the order the report lists them. */
    public static final List<String> OWNERSHIP_CHECKS = List.of("OWN-1", "OWN-2", "OWN-3", "OWN-4", "OWN-5", "LIF-1", "LIF-3",
            "TPV-1");
    private static final int SAMPLE = 5;
    private static final int TOP_RISKS = 10;

    private final ReportInputs in;
    private final Evidence ev;
    private final GapAge age;

    public ReportModelBuilder(ReportInputs inputs) {
        this.in = inputs;
        this.ev = inputs.evidence();
        this.age = new GapAge(inputs.evidence());
    }

    public ReportModel build(String framework, ReportFilter filter) {
        String frameworkName = null;
        if (framework != null) {
            frameworkName = in.mappings().framework(framework).map(f -> f.name())
                    .orElseThrow(() -> new IllegalArgumentException("unknown framework '" + framework + "'; known: "
                            + in.mappings().frameworks().keySet()));
        }
        var s = in.summary();
        ReportMeta meta = new ReportMeta(s.id(), s.asOf(), s.windowStart(), s.windowEnd(), in.generatedAt(), s.engineVersion(),
                s.mappingVersion(), s.parametersDigest(), framework, frameworkName, filter);
        Predicate<Finding> inScope = f -> filter.matches(f)
                && (framework == null || f.controls().stream().anyMatch(c -> c.startsWith(framework + ":")));
        Pass pass = new Pass(new ReportChanges(in.diff()));
        for (Finding f : in.findings()) {
            pass.accept(f, filter, inScope.test(f));
        }
        return new ReportModel(meta, ownership(filter, pass), gaps(framework, filter, inScope, pass));
    }

    /** What one pass over the findings collects. */
    private final class Pass {
        final Map<String, List<Gap>> gaps = new HashMap<>();
        final Map<String, long[]> byEvaluation = new HashMap<>(); // findings, FAIL results, first index
        final Map<String, List<String>> samples = new HashMap<>();
        final Map<String, long[]> risks = new LinkedHashMap<>(); // fails, failing weight
        final Map<String, List<String>> riskSamples = new HashMap<>();
        final long[][] severity = new long[Severity.values().length][3];
        final Set<String> orphanedCredentials = new LinkedHashSet<>();
        final ReportChanges changes;
        long index;

        Pass(ReportChanges changes) {
            this.changes = changes;
        }

        void accept(Finding f, ReportFilter filter, boolean inScope) {
            changes.see(f);
            boolean base = "default".equals(f.variant());
            if (base && OWNERSHIP_CHECKS.contains(f.checkId())) {
                gap(f);
                if ("LIF-1".equals(f.checkId()) && f.result() == Result.FAIL && filter.matches(f)) {
                    orphanedCredentials.add(f.subjectId());
                }
            }
            if (!inScope) {
                return;
            }
            String key = f.checkId() + "|" + f.variant();
            long[] e = byEvaluation.computeIfAbsent(key, k -> new long[] {0, 0, index});
            e[0]++;
            if (f.result() == Result.FAIL) {
                e[1]++;
                sample(samples, key, f.subjectId());
            }
            if (base) {
                int col = f.result() == Result.FAIL ? 0 : f.result() == Result.PARTIAL ? 1 : 2;
                severity[f.severity().ordinal()][col]++;
                if (f.result() == Result.FAIL) {
                    long[] r = risks.computeIfAbsent(f.checkId(), k -> new long[2]);
                    r[0]++;
                    r[1] += f.weight();
                    sample(riskSamples, f.checkId(), f.subjectId());
                }
            }
            index++;
        }

        private void gap(Finding f) {
            Instant since = age.since(f.checkId(), f.subjectType(), f.subjectId()).orElse(null);
            Check check = in.checks().get(f.checkId());
            Gap g = new Gap(f.checkId(), check == null ? f.checkId() : check.title(), f.severity(), f.result(), f.subjectId(),
                    f.reason(), since, age.ageDays(since), check == null ? "" : check.remediation(), changes.changeOf(f));
            if ("agent".equals(f.subjectType())) {
                gaps.computeIfAbsent(f.subjectId(), k -> new ArrayList<>()).add(g);
            } else if ("credential".equals(f.subjectType())) {
                ev.credential(f.subjectId()).ifPresent(c -> c.holders()
                        .forEach(h -> gaps.computeIfAbsent(h, k -> new ArrayList<>()).add(g)));
            }
        }

        private void sample(Map<String, List<String>> to, String key, String subject) {
            List<String> l = to.computeIfAbsent(key, k -> new ArrayList<>());
            if (l.size() < SAMPLE) {
                l.add(subject);
            }
        }
    }

    private OwnershipReport ownership(ReportFilter filter, Pass pass) {
        List<AgentRecord> matched = new ArrayList<>();
        long[] counts = new long[9];
        Map<List<String>, long[]> owners = new TreeMap<>(Comparator.comparing((List<String> k) -> k.toString()));
        Map<List<String>, String[]> ownerInfo = new HashMap<>();
        for (AgentRecord a : ev.agents().values()) {
            // a row reads the agent's owner, manager and credentials: at 100k agents most of a team's report
            if (!filter.mayMatch(a.team(), a.owner(), a.environment())) {
                continue;
            }
            AgentRow r = row(a, pass);
            if (!filter.matches(r)) {
                continue;
            }
            matched.add(a);
            counts[0]++;
            counts[1] += !r.hasGap("OWN-1") && !r.hasGap("OWN-2") ? 1 : 0;
            counts[2] += has(r, "OWN-2", Result.FAIL) ? 1 : 0;
            counts[3] += r.hasGap("OWN-1") ? 1 : 0;
            counts[4] += r.hasGap("OWN-3") ? 1 : 0;
            counts[5] += r.hasGap("OWN-4") ? 1 : 0;
            counts[6] += r.hasGap("LIF-3") ? 1 : 0;
            counts[7] += has(r, "OWN-5", Result.FAIL) ? 1 : 0;
            counts[8] += r.gaps().stream().anyMatch(Gap::isNew) ? 1 : 0;
            List<String> key = java.util.Arrays.asList(nz(r.managerName()), nz(r.team()), nz(r.ownerName()), nz(r.owner()));
            long[] o = owners.computeIfAbsent(key, k -> new long[3]);
            o[0]++;
            o[1] += r.gaps().isEmpty() ? 0 : 1;
            o[2] += r.gaps().size();
            ownerInfo.putIfAbsent(key, new String[] {r.manager(), r.managerName(), r.team(), r.owner(), r.ownerName(),
                    r.ownerStatus()});
        }
        List<Headline> headlines = new ArrayList<>(List.of(
                new Headline("agents", "Agents", counts[0], "Inventoried agents in force at the as-of instant"),
                new Headline("activeOwner", "With an active owner", counts[1],
                        "No OWN-1 or OWN-2 finding: the owner resolves to a person in the directory who is active"),
                new Headline("orphaned", "Orphaned (owner departed)", counts[2], "OWN-2 FAIL: the owner has departed"),
                new Headline("unowned", "Unowned", counts[3], "OWN-1 finding: no owner, or one not in the people directory"),
                new Headline("noBackupOwner", "Without backup owner", counts[4],
                        "OWN-3 finding: no backup owner, or one who is inactive or the owner"),
                new Headline("noMonitoring", "Without monitoring or incident trigger", counts[5],
                        "OWN-4 FAIL or PARTIAL: alert channel and/or incident trigger or runbook missing"),
                new Headline("noKillSwitch", "Without a tested kill switch", counts[6],
                        "LIF-3 finding: no kill switch, or not tested within the allowed age"),
                new Headline("overdueReview", "Overdue access reviews", counts[7],
                        "OWN-5 FAIL: never reviewed, or last review older than allowed (prod 90 days, other 180)"),
                new Headline("orphanedCredentials", "Credentials held by orphaned agents", pass.orphanedCredentials.size(),
                        "LIF-1 FAIL: active credentials held by a decommissioned agent or one whose owner departed")));
        if (in.diff() != null) {
            // only with a run to compare with: without one, 0 would read as "nothing new"
            headlines.add(new Headline("newGaps", "With a gap new since the previous run", counts[8],
                    "Agents with an ownership gap the run's diff lists as new since the previous run ("
                            + in.diff().previousId() + ")"));
        }
        List<OwnerSummary> ownerRows = new ArrayList<>();
        owners.forEach((k, v) -> {
            String[] i = ownerInfo.get(k);
            ownerRows.add(new OwnerSummary(i[0], i[1], i[2], i[3], i[4], i[5], v[0], v[1], v[2]));
        });
        List<AgentRecord> sorted = new ArrayList<>(matched);
        Map<String, List<String>> sortKey = new HashMap<>();
        sorted.forEach(a -> {
            PersonRecord o = ev.person(a.owner()).orElse(null);
            String manager = o == null ? null : ev.person(o.manager()).map(PersonRecord::name).orElse(o.manager());
            sortKey.put(a.id(), List.of(nz(manager), nz(a.team()), o == null ? nz(a.owner()) : nz(o.name()), a.id()));
        });
        sorted.sort(Comparator.comparing((AgentRecord a) -> sortKey.get(a.id()).toString()));
        sortKey.clear();
        Iterable<AgentRow> byOwner = () -> sorted.stream().map(a -> row(a, pass)).iterator();
        OwnershipReport.AgentRows agents = new OwnershipReport.AgentRows() {
            @Override
            public Iterator<AgentRow> iterator() {
                return matched.stream().map(a -> row(a, pass)).iterator();
            }

            @Override
            public Optional<AgentRow> find(String id) {
                AgentRecord a = ev.agents().get(id);
                AgentRow r = a == null ? null : row(a, pass);
                return r != null && filter.matches(r) ? Optional.of(r) : Optional.empty();
            }
        };
        return new OwnershipReport(headlines, ownerRows, counts[0], byOwner, agents);
    }

    private static boolean has(AgentRow r, String checkId, Result result) {
        return r.gaps().stream().anyMatch(g -> g.checkId().equals(checkId) && g.result() == result
                && g.subjectId().equals(r.id()));
    }

    private AgentRow row(AgentRecord a, Pass pass) {
        PersonRecord owner = ev.person(a.owner()).orElse(null);
        String ownerStatus = a.owner() == null || a.owner().isBlank() ? "none"
                : owner == null ? "unknown" : owner.departedBy(ev.asOf()) ? "departed" : "active";
        String manager = owner == null ? null : owner.manager();
        String managerName = ev.person(manager).map(PersonRecord::name).orElse(manager);
        int active = (int) ev.credentialsHeldBy(a.id()).stream()
                .filter(id -> ev.credential(id).map(c -> c.active(ev.asOf())).orElse(false)).count();
        return new AgentRow(a.id(), a.name(), a.team(), a.environment(), a.autonomy() == null ? null : a.autonomy().name()
                .toLowerCase(java.util.Locale.ROOT).replace('_', '-'), a.status(), blank(a.owner()),
                owner == null ? null : owner.name(), ownerStatus, manager, managerName, a.backupOwner(),
                ev.person(a.backupOwner()).map(PersonRecord::name).orElse(null), a.vendor(),
                a.identityType(), a.alertChannel(), a.incidentTrigger(), a.killSwitchMethod(), a.killSwitchTestedAt(),
                a.lastReviewedAt(), a.createdAt(), active, pass.gaps.getOrDefault(a.id(), List.of()));
    }

    private GapReport gaps(String framework, ReportFilter filter, Predicate<Finding> inScope, Pass pass) {
        List<FrameworkScore> frameworks = in.summary().frameworks().stream()
                .filter(f -> framework == null || f.framework().equals(framework)).toList();
        List<GapReport.SeverityRow> bySeverity = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long[] c = pass.severity[s.ordinal()];
            bySeverity.add(new GapReport.SeverityRow(s, c[0], c[1], c[2]));
        }
        List<GapReport.TopRisk> risks = new ArrayList<>();
        pass.risks.forEach((check, r) -> {
            Check c = in.checks().get(check);
            risks.add(new GapReport.TopRisk(check, c == null ? check : c.title(), c == null ? Severity.LOW : c.severity(), r[0],
                    r[1], pass.riskSamples.getOrDefault(check, List.of()), c == null ? "" : c.remediation()));
        });
        risks.sort(Comparator.comparing(GapReport.TopRisk::severity).thenComparing(GapReport.TopRisk::failingWeight,
                Comparator.reverseOrder()).thenComparing(GapReport.TopRisk::checkId));
        List<TeamRecommendation> recs = in.summary().recommendations().stream()
                .filter(t -> filter.allowsTeam(t.team())).toList();
        GapReport.FindingRows findings = new GapReport.FindingRows() {
            @Override
            public Iterator<GapReport.FindingRow> iterator() {
                return findingRows(in.findings(), inScope, pass.changes);
            }

            @Override
            public Iterable<GapReport.FindingRow> of(Set<String> subjectIds) {
                Iterable<Finding> source = in.findings() instanceof FindingSource s ? s.of(subjectIds) : in.findings();
                return () -> findingRows(source, inScope.and(f -> subjectIds.contains(f.subjectId())), pass.changes);
            }
        };
        return new GapReport(frameworks, bySeverity, pass.index, risks.subList(0, Math.min(TOP_RISKS, risks.size())), recs,
                ScoreRows.of(in.summary(), in.diff(), frameworks, filter, id -> ev.person(id).map(PersonRecord::name)),
                GapReport.Revocation.of(in.summary(), filter),
                pass.changes.build(in, framework, filter.any() || framework != null, inScope, pass.index, this::title), in.trend(),
                controls(framework, pass), outOfScope(framework), findings,
                new GapReport.Appendix(in.uploads(), mappingFiles()));
    }

    private Iterator<GapReport.FindingRow> findingRows(Iterable<Finding> source, Predicate<Finding> inScope,
            ReportChanges changes) {
        long[] index = {0};
        return StreamSupport.stream(source.spliterator(), false).filter(inScope).map(f -> {
            Check c = in.checks().get(f.checkId());
            Instant since = age.since(f.checkId(), f.subjectType(), f.subjectId()).orElse(null);
            return new GapReport.FindingRow(index[0]++, f.checkId(), f.variant(), c == null ? f.checkId() : c.title(),
                    f.severity(), f.result(), f.score(), f.subjectType(), f.subjectId(), f.owner(),
                    ev.person(f.owner()).map(PersonRecord::name).orElse(null), f.team(), f.environment(), f.reason(), since,
                    age.ageDays(since), f.evidence(), f.controls(), c == null ? "" : c.remediation(), changes.changeOf(f));
        }).iterator();
    }

    private List<GapReport.OutOfScopeRow> outOfScope(String framework) {
        return in.controls().stream().filter(c -> c.status() == ControlStatus.OUT_OF_SCOPE && c.children().isEmpty()
                        && (framework == null || c.framework().equals(framework)))
                .map(c -> new GapReport.OutOfScopeRow(c.framework(), c.controlId(), title(c), c.outOfScopeReason())).toList();
    }

    private List<GapReport.ControlRow> controls(String framework, Pass pass) {
        Map<String, ControlResult> byRef = new LinkedHashMap<>();
        in.controls().forEach(c -> byRef.put(c.ref(), c));
        List<GapReport.ControlRow> rows = new ArrayList<>();
        for (ControlResult c : in.controls()) {
            if ((framework != null && !c.framework().equals(framework)) || c.status() == ControlStatus.OUT_OF_SCOPE) {
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            collect(c, byRef, keys);
            long findings = 0;
            long fails = 0;
            long first = -1;
            List<String> sample = new ArrayList<>();
            for (String k : keys) {
                long[] e = pass.byEvaluation.get(k);
                if (e != null) {
                    findings += e[0];
                    fails += e[1];
                    first = first < 0 ? e[2] : Math.min(first, e[2]);
                    for (String s : pass.samples.getOrDefault(k, List.of())) {
                        if (sample.size() < SAMPLE && !sample.contains(s)) {
                            sample.add(s);
                        }
                    }
                }
            }
            List<String> checks = new ArrayList<>(c.checks().stream().map(k -> k.checkId()
                    + ("default".equals(k.variant()) ? "" : " (" + k.variant() + ")") + (k.weight() == 1 ? "" : " x" + k.weight()))
                    .toList());
            if (!c.group() && !c.manualEvidence().isEmpty()) {
                checks.add("manual: " + String.join(", ", c.manualEvidence()) + (c.attestations().isEmpty()
                        ? " (not attested)" : " (attested: " + String.join(", ", c.attestations()) + ")"));
            }
            // runs stored before their thresholds were recorded give no reason rather than one by other thresholds
            String why = in.summary().thresholds() == null ? null : ControlReasons.status(c, c.children().stream()
                    .map(child -> byRef.get(c.framework() + ":" + child)).toList(), in.summary().thresholds());
            rows.add(new GapReport.ControlRow(c.framework(), c.controlId(), title(c), depth(c, byRef), c.group(), c.status(),
                    c.score(), c.coverage(), checks, findings, fails, sample, first, why));
        }
        return rows;
    }

    /**
     * The control's title, or, for a control whose mapping has no title of its own but repeats the id (NIST's
     * subcategories and categories: "GV.RR-02", "GOVERN 1.4"), its statement from the mapping, NIST's text verbatim:
     * a title column that repeats the control column tells a reader nothing.
     */
    private String title(ControlResult c) {
        if (!c.controlId().equals(c.title())) {
            return c.title();
        }
        return in.mappings().framework(c.framework()).flatMap(f -> f.control(c.controlId())).map(Control::description)
                .filter(d -> d != null && !d.isBlank()).map(String::strip).orElse(c.title());
    }

    private static void collect(ControlResult c, Map<String, ControlResult> byRef, Set<String> keys) {
        c.checks().forEach(k -> keys.add(k.checkId() + "|" + k.variant()));
        for (String child : c.children()) {
            ControlResult r = byRef.get(c.framework() + ":" + child);
            if (r != null && r.status() != ControlStatus.OUT_OF_SCOPE) {
                collect(r, byRef, keys);
            }
        }
    }

    private static int depth(ControlResult c, Map<String, ControlResult> byRef) {
        int d = 0;
        ControlResult p = c;
        while (p.parent() != null && d < 10) {
            p = byRef.get(c.framework() + ":" + p.parent());
            if (p == null) {
                break;
            }
            d++;
        }
        return d;
    }

    private List<String> mappingFiles() {
        List<String> files = new ArrayList<>();
        in.mappings().frameworks().keySet().forEach(id -> files.add(id + ": " + in.mappings().origin(id).orElse("?")));
        in.mappings().crosswalks().forEach(c -> files.add(c.id() + ": " + in.mappings().origin(c.id()).orElse("?")));
        return files;
    }

    private static String nz(String s) {
        return Objects.requireNonNullElse(s, "");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
