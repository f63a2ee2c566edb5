package dev.steward.assessment;

import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final AgroalDataSource dataSource;

    public ScopedReads(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The run narrowed to {@code teams}. */
    AssessmentRun run(AssessmentRun run, Set<String> teams) {
        AssessmentSummary s = run.summary();
        AssessmentSummary scoped = new AssessmentSummary(s.id(), s.asOf(), s.windowStart(), s.windowEnd(), s.engineVersion(),
                s.mappingVersion(), s.parametersDigest(), s.inputs(), s.totals(), s.frameworks(), s.checks(),
                rollups(run.id(), teams), s.recommendations().stream().filter(t -> teams.contains(t.team())).toList(),
                s.revocationLatency());
        return new AssessmentRun(run.id(), run.createdAt(), run.createdBy(), run.elapsedMs(), scoped,
                run.diff() == null ? null : diff(run.diff(), teams, run.id()));
    }

    /** Controls with each check's FAIL count narrowed to {@code teams}. */
    List<ControlResult> controls(String runId, List<ControlResult> controls, Set<String> teams) {
        Map<String, Long> fails = fails(runId, teams);
        return controls.stream().map(c -> new ControlResult(c.framework(), c.controlId(), c.title(), c.parent(), c.group(),
                c.status(), c.score(), c.coverage(), c.criticalFail(), c.checks().stream().map(k -> new ControlResult.ControlCheck(
                        k.checkId(), k.variant(), k.weight(), k.severity(), k.score(), k.coverage(),
                        fails.getOrDefault(Evaluation.key(k.checkId(), k.variant()), 0L))).toList(),
                c.children(), c.manualEvidence(), c.outOfScopeReason())).toList();
    }

    private RunDiff diff(RunDiff d, Set<String> teams, String runId) {
        Set<String> visible = subjects(runId, teams);
        if (d.previousId() != null) {
            visible.addAll(subjects(d.previousId(), teams));
        }
        Predicate<RunDiff.FindingChange> in = f -> visible.contains(f.subjectType() + "|" + f.subjectId());
        return new RunDiff(d.previousId(), d.previousAsOf(), d.counts(), d.newFindings().stream().filter(in).toList(),
                d.resolved().stream().filter(in).toList(), d.regressed().stream().filter(in).toList(),
                d.improved().stream().filter(in).toList(), d.changed().stream().filter(in).toList(), d.listLimit(),
                d.truncated(), d.frameworks(), d.controls());
    }

    private Rollups rollups(String runId, Set<String> teams) {
        RollupBuilder b = new RollupBuilder();
        query("SELECT check_id, variant, subject_type, subject_id, result, score, severity, weight, owner_id, team, manager,"
                + " environment FROM assessment_result WHERE run_id = ? AND variant = ?", runId, List.of(Evaluation.DEFAULT),
                teams, r -> {
                    double score = r.getDouble(6);
                    Double sc = r.wasNull() ? null : score;
                    b.add(new AssessedResult(r.getString(1), r.getString(2), SubjectType.valueOf(r.getString(3)),
                            r.getString(4), Result.valueOf(r.getString(5)), sc, Severity.valueOf(r.getString(7)),
                            r.getInt(8), "", r.getString(9), r.getString(10), r.getString(11), r.getString(12), List.of(),
                            List.of()));
                });
        return b.build();
    }

    /** {@code subjectType(json)|subjectId} of every subject of {@code teams} in a run. */
    private Set<String> subjects(String runId, Set<String> teams) {
        Set<String> out = new HashSet<>();
        query("SELECT DISTINCT subject_type, subject_id FROM assessment_result WHERE run_id = ?", runId, List.of(), teams,
                r -> out.add(SubjectType.valueOf(r.getString(1)).json() + "|" + r.getString(2)));
        return out;
    }

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
