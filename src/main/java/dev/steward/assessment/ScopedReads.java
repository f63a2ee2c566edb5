package dev.steward.assessment;

import dev.steward.check.Result;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.ref.SoftReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;

/**
 * A stored run as a manager may see it: only the subjects of its teams. A subject belongs to the team the run
 * attributed it to ({@link Attribution}): an agent's own team, a credential's through its (heaviest) holder agent, a
 * principal seen in the logs through its inventoried agent; a subject without a team (a shadow agent) belongs to no
 * manager. Roll-ups are recomputed over the teams' results, recommendations and diff lists keep only their teams'
 * subjects, controls count only their teams' FAILs. Framework, control and check scores stay those of the whole
 * organisation: they are aggregates, not another team's agents.
 */
@ApplicationScoped
public class ScopedReads {

    /** How many narrowed runs are kept. */
    static final int KEPT = 32;
    /** How many runs' team slices are kept. */
    static final int SLICED = 2;

    private final AgroalDataSource dataSource;
    private final AssessmentStore store;
    /** Narrowed runs by run id and teams, least recently read first. */
    private final Map<String, SoftReference<AssessmentRun>> kept = Lru.map(KEPT);

    /** Team slices by run id, least recently read first. */
    private final Map<String, SoftReference<FutureTask<TeamSlices>>> sliced = Lru.map(SLICED);

    public ScopedReads(AgroalDataSource dataSource, AssessmentStore store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    /**
     * The run narrowed to {@code teams}, kept (softly, the last {@value #KEPT}) for the next read of the same run by
     * the same teams: a stored run never changes. The first narrowing of a run, by any teams, reads all of its results
     * and its previous run's once ({@link #prepare}: about 7 s for a run of 100k agents and 10M decisions); every
     * narrowing of that run after it merges the teams' slices.
     */
    AssessmentRun run(AssessmentRun run, Set<String> teams) {
        String key = run.id() + "|" + String.join("|", new TreeSet<>(teams));
        synchronized (kept) {
            SoftReference<AssessmentRun> k = kept.get(key);
            AssessmentRun found = k == null ? null : k.get();
            if (found != null) {
                return found;
            }
        }
        AssessmentRun narrowed = narrow(run, teams);
        synchronized (kept) {
            kept.put(key, new SoftReference<>(narrowed));
        }
        return narrowed;
    }

    private AssessmentRun narrow(AssessmentRun run, Set<String> teams) {
        TeamSlices slices = slices(run);
        AssessmentSummary s = run.summary();
        AssessmentSummary scoped = new AssessmentSummary(s.id(), s.asOf(), s.windowStart(), s.windowEnd(),
                s.engineVersion(), s.mappingVersion(), s.parametersDigest(), s.inputs(), s.totals(), s.frameworks(),
                s.checks(),
                slices.rollups(teams), s.teamFrameworks() == null ? null
                        : s.teamFrameworks().stream().filter(t -> teams.contains(t.team())).toList(),
                s.teamRevocations() == null ? null
                        : s.teamRevocations().stream().filter(t -> teams.contains(t.team())).toList(),
                s.recommendations().stream().filter(t -> teams.contains(t.team())).toList(),
                s.revocationLatency(), s.thresholds());
        return new AssessmentRun(run.id(), run.createdAt(), run.createdBy(), run.elapsedMs(), scoped,
                run.diff() == null ? null : diff(run.diff(), slices.visible(teams), teams));
    }

    /**
     * Reads the run's slices now unless they are kept or being read (the web pages' warmer does it in the background
     * when the pages of a run are built), so that the first manager to read the run does not wait for them.
     */
    public void prepare(AssessmentRun run) {
        slices(run);
    }

    /**
     * The run split by team ({@link TeamSlices}), read once per run and kept (softly, the last {@value #SLICED} runs);
     * readers of a run whose slices are being read wait for that read instead of starting another. A failed read is
     * not kept, so the next reader tries again.
     */
    private TeamSlices slices(AssessmentRun run) {
        FutureTask<TeamSlices> task;
        boolean mine = false;
        synchronized (sliced) {
            SoftReference<FutureTask<TeamSlices>> ref = sliced.get(run.id());
            task = ref == null ? null : ref.get();
            if (task == null) {
                task = new FutureTask<>(() -> read(run));
                sliced.put(run.id(), new SoftReference<>(task));
                mine = true;
            }
        }
        if (mine) {
            task.run();
        }
        try {
            return Futures.get(task, "splitting run " + run.id() + " by team");
        } catch (RuntimeException | Error e) {
            synchronized (sliced) {
                SoftReference<FutureTask<TeamSlices>> ref = sliced.get(run.id());
                if (ref != null && ref.get() == task) {
                    sliced.remove(run.id());
                }
            }
            throw e;
        }
    }

    /**
     * One read of the run's results; the previous run's, for the teams of the diff's subjects then, beside it on a
     * thread of its own (each read goes through every result of its run).
     */
    private TeamSlices read(AssessmentRun run) {
        Set<String> listed = new HashSet<>();
        if (run.diff() != null) {
            RunDiff d = run.diff();
            for (List<RunDiff.FindingChange> list : List.of(d.newFindings(), d.resolved(), d.regressed(), d.improved(),
                    d.changed())) {
                list.forEach(f -> listed.add(f.subjectType() + "|" + f.subjectId()));
            }
        }
        TeamSlices slices = new TeamSlices(listed);
        String previousId = run.diff() == null || listed.isEmpty() ? null : run.diff().previousId();
        // the previous run's teams of the listed subjects, gathered apart and added after this run's
        List<StoredResult> before = new ArrayList<>();
        FutureTask<Void> previous = new FutureTask<>(() -> store.results(previousId, null, r -> {
            if (listed.contains(TeamSlices.subject(r))) {
                before.add(r);
            }
        }), null);
        if (previousId != null) {
            Thread reader = new Thread(previous, "steward-narrow-previous");
            reader.setDaemon(true);
            reader.start();
        }
        try {
            store.results(run.id(), null, slices::add);
        } catch (RuntimeException | Error e) {
            previous.cancel(false);
            throw e;
        }
        if (previousId != null) {
            Futures.get(previous, "reading the subjects of run " + previousId);
            before.forEach(slices::addPrevious);
        }
        return slices;
    }

    /** Controls with each check's FAIL count narrowed to {@code teams}. */
    List<ControlResult> controls(String runId, List<ControlResult> controls, Set<String> teams) {
        Map<String, Long> fails = fails(runId, teams);
        return controls.stream().map(c -> new ControlResult(c.framework(), c.controlId(), c.title(), c.parent(), c.group(),
                c.status(), c.score(), c.coverage(), c.criticalFail(), c.checks().stream().map(k -> new ControlResult.ControlCheck(
                        k.checkId(), k.variant(), k.weight(), k.severity(), k.score(), k.coverage(),
                        fails.getOrDefault(Evaluation.key(k.checkId(), k.variant()), 0L))).toList(),
                c.children(), c.manualEvidence(), c.outOfScopeReason(), c.attestations())).toList();
    }

    /**
     * The diff's entries about {@code visible} subjects (of the teams in this run or the previous one) and about
     * {@code teams}.
     */
    private static RunDiff diff(RunDiff d, Set<String> visible, Set<String> teams) {
        Predicate<RunDiff.FindingChange> in = f -> visible.contains(f.subjectType() + "|" + f.subjectId());
        return new RunDiff(d.previousId(), d.previousAsOf(), d.counts(), d.newFindings().stream().filter(in).toList(),
                d.resolved().stream().filter(in).toList(), d.regressed().stream().filter(in).toList(),
                d.improved().stream().filter(in).toList(), d.changed().stream().filter(in).toList(), d.listLimit(),
                d.truncated(), d.frameworks(), d.controls(),
                d.teams() == null ? null : d.teams().stream().filter(t -> teams.contains(t.team())).toList(),
                d.basis());
    }

    /** FAIL counts per evaluation: a FAIL is a finding, so the finding rows hold them all. */
    private Map<String, Long> fails(String runId, Set<String> teams) {
        Map<String, Long> out = new HashMap<>();
        query("SELECT check_id, variant, COUNT(*) FROM assessment_result WHERE run_id = ? AND result = ?", runId,
                List.of(Result.FAIL.name()), teams, " GROUP BY check_id, variant",
                r -> out.put(Evaluation.key(r.getString(1), r.getString(2)), r.getLong(3)));
        return out;
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet r) throws SQLException;
    }

    private void query(String sql, String runId, List<Object> more, Set<String> teams, RowHandler handler) {
        query(sql, runId, more, teams, "", handler);
    }

    private void query(String sql, String runId, List<Object> more, Set<String> teams, String tail, RowHandler handler) {
        List<Object> args = new ArrayList<>();
        args.add(null); // the findings' key, read below
        args.addAll(more);
        String full = sql + AssessmentStore.teams(teams, args) + tail;
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(full)) {
            args.set(0, ResultPacks.findingsKey(c, runId));
            for (int i = 0; i < args.size(); i++) {
                p.setObject(i + 1, args.get(i));
            }
            p.setFetchSize(5000);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    handler.handle(r);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("scoped assessment query failed: " + full, e);
        }
    }
}
