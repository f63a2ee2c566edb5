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
import java.util.LinkedHashMap;
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

    private final AgroalDataSource dataSource;
    private final AssessmentStore store;
    /** Narrowed runs by run id and teams, least recently read first. */
    private final Map<String, SoftReference<AssessmentRun>> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SoftReference<AssessmentRun>> eldest) {
            return size() > KEPT;
        }
    };

    public ScopedReads(AgroalDataSource dataSource, AssessmentStore store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    /**
     * The run narrowed to {@code teams}, kept (softly, the last {@value #KEPT}) for the next read of the same run by
     * the same teams: a stored run never changes, and narrowing one reads all of its results and its previous run's
     * (about 4 s for a manager's run of 100k agents and 10M decisions).
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

    /**
     * One read of the run's results gives the roll-ups and the visible subjects; the previous run's subjects of the
     * teams, the other half of the diff's visible ones, are read beside it on a thread of their own (each read goes
     * through every result of its run).
     */
    private AssessmentRun narrow(AssessmentRun run, Set<String> teams) {
        AssessmentSummary s = run.summary();
        String previousId = run.diff() == null ? null : run.diff().previousId();
        FutureTask<Set<String>> before = new FutureTask<>(() -> {
            Set<String> seen = new HashSet<>();
            if (previousId != null) {
                store.results(previousId, teams, r -> seen.add(subject(r)));
            }
            return seen;
        });
        if (previousId == null) {
            before.run();
        } else {
            Thread reader = new Thread(before, "steward-narrow-previous");
            reader.setDaemon(true);
            reader.start();
        }
        RollupBuilder rollups = new RollupBuilder();
        Set<String> visible = new HashSet<>();
        try {
            store.results(run.id(), teams, r -> {
                if (Evaluation.DEFAULT.equals(r.result().variant())) {
                    rollups.add(r.result());
                }
                visible.add(subject(r));
            });
        } catch (RuntimeException | Error e) {
            before.cancel(false);
            throw e;
        }
        visible.addAll(Futures.get(before, "reading the subjects of run " + previousId));
        AssessmentSummary scoped = new AssessmentSummary(s.id(), s.asOf(), s.windowStart(), s.windowEnd(), s.engineVersion(),
                s.mappingVersion(), s.parametersDigest(), s.inputs(), s.totals(), s.frameworks(), s.checks(),
                rollups.build(), s.recommendations().stream().filter(t -> teams.contains(t.team())).toList(),
                s.revocationLatency(), s.thresholds());
        return new AssessmentRun(run.id(), run.createdAt(), run.createdBy(), run.elapsedMs(), scoped,
                run.diff() == null ? null : diff(run.diff(), visible));
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

    /** The diff's entries about {@code visible} subjects (of the teams in this run or the previous one). */
    private static RunDiff diff(RunDiff d, Set<String> visible) {
        Predicate<RunDiff.FindingChange> in = f -> visible.contains(f.subjectType() + "|" + f.subjectId());
        return new RunDiff(d.previousId(), d.previousAsOf(), d.counts(), d.newFindings().stream().filter(in).toList(),
                d.resolved().stream().filter(in).toList(), d.regressed().stream().filter(in).toList(),
                d.improved().stream().filter(in).toList(), d.changed().stream().filter(in).toList(), d.listLimit(),
                d.truncated(), d.frameworks(), d.controls());
    }

    /** {@code subjectType(json)|subjectId}, as a diff entry names its subject. */
    private static String subject(StoredResult r) {
        return r.result().subjectType().json() + "|" + r.result().subjectId();
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
        args.add(runId);
        args.addAll(more);
        String full = sql + AssessmentStore.teams(teams, args) + tail;
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(full)) {
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
