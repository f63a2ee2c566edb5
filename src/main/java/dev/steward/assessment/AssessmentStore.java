package dev.steward.assessment;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Plain JDBC over assessment_run, assessment_result (findings, a row each) and assessment_result_pack (every other
 * result, packed: {@link ResultWriter}): results go in batches, the run row last; reads stream in run order. Findings
 * and packs are stored under the key of the attempt that stored them, which the run row names ({@link ResultPacks}):
 * every read of a run's results goes through it. Nothing here updates a stored row.
 */
@ApplicationScoped
public class AssessmentStore {

    static final TypeReference<List<EvidenceRef>> EVIDENCE = new TypeReference<>() { };
    private static final String FINDING_COLUMNS = ResultWriter.FINDING_COLUMNS;
    /** The results that are findings, as SQL literals. */
    private static final String FINDING_RESULTS = Arrays.stream(Result.values()).filter(Result::finding)
            .map(r -> "'" + r.name() + "'").collect(Collectors.joining(", "));

    private final AgroalDataSource dataSource;
    private final AssessmentConfig config;
    private final ResultPacks packs;

    public AssessmentStore(AgroalDataSource dataSource, AssessmentConfig config, ResultPacks packs) {
        this.dataSource = dataSource;
        this.config = config;
        this.packs = packs;
    }

    /** A stored run as read back: the columns plus the JSON documents, parsed by the caller. */
    public record StoredRun(String id, Instant asOf, Instant windowStart, Instant createdAt, String createdBy,
            String previousId, long resultCount, long findingCount, long elapsedMs, String summaryJson, String controlsJson,
            String diffJson) {
    }

    /** One run as listed. */
    public record RunListItem(String id, Instant asOf, Instant windowStart, Instant windowEnd, Instant createdAt,
            String createdBy, String mappingVersion, String previousId, long results, long findings) {
    }

    /** Optional filters of a findings query; null means no filter; {@value RollupEntry#NONE} matches a missing value. */
    public record FindingFilter(String checkId, String variant, Severity severity, String team, String owner,
            String environment, Result result) {
        public static final FindingFilter NONE = new FindingFilter(null, null, null, null, null, null, null);
    }

    /**
     * Every stored result of a run of {@code teams} (null = every team) in run order, streamed to the consumer
     * ({@link StoredResults}). Joins the caller's transaction or runs in its own, so PostgreSQL streams with cursors.
     * Returns how many results were handed over.
     */
    public long results(String runId, Set<String> teams, Consumer<StoredResult> consumer) {
        return QuarkusTransaction.joiningExisting().timeout(config.transactionTimeoutSeconds())
                .call(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        return StoredResults.read(c, runId, teams, consumer);
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot read the results of run " + runId, e);
                    }
                });
    }

    /**
     * Inserts the run row, which makes its results readable; {@code key}: where its packs and findings are
     * ({@link ResultPacks}).
     */
    public void insertRun(Connection c, AssessmentSummary s, Instant createdAt, String createdBy, String previousId,
            long results, long findings, long elapsedMs, String controlsJson, String diffJson, String key)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO assessment_run (id, as_of, window_start, window_end,"
                + " created_at, created_by, engine_version, mapping_version, parameters_digest, input_hashes, previous_id,"
                + " result_count, finding_count, elapsed_ms, summary_json, controls_json, diff_json, result_packs,"
                + " findings_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            p.setString(i++, s.id());
            p.setObject(i++, odt(s.asOf()));
            p.setObject(i++, odt(s.windowStart()));
            p.setObject(i++, odt(s.windowEnd()));
            p.setObject(i++, odt(createdAt));
            p.setString(i++, createdBy);
            p.setString(i++, s.engineVersion());
            p.setString(i++, s.mappingVersion());
            p.setString(i++, s.parametersDigest());
            p.setString(i++, AssessmentJson.write(s.inputs()));
            p.setString(i++, previousId);
            p.setLong(i++, results);
            p.setLong(i++, findings);
            p.setLong(i++, elapsedMs);
            p.setString(i++, AssessmentJson.write(s));
            p.setString(i++, controlsJson);
            p.setString(i++, diffJson);
            p.setString(i++, key);
            p.setString(i, key);
            p.executeUpdate();
        }
    }

    public boolean exists(String id) {
        return query("SELECT COUNT(*) FROM assessment_run WHERE id = ?", List.of(id), r -> r.getLong(1) > 0).get(0);
    }

    public Optional<StoredRun> run(String id) {
        return query("SELECT id, as_of, window_start, created_at, created_by, previous_id, result_count, finding_count,"
                + " elapsed_ms, summary_json, controls_json, diff_json FROM assessment_run WHERE id = ?", List.of(id),
                r -> new StoredRun(r.getString(1), instant(r, 2), instant(r, 3), instant(r, 4), r.getString(5), r.getString(6),
                        r.getLong(7), r.getLong(8), r.getLong(9), r.getString(10), r.getString(11), r.getString(12)))
                .stream().findFirst();
    }

    /** A run's diff as stored (null inside when it had no previous run); empty when there is no such run. */
    public Optional<Optional<String>> diffJson(String id) {
        return query("SELECT diff_json FROM assessment_run WHERE id = ?", List.of(id),
                r -> Optional.ofNullable(r.getString(1))).stream().findFirst();
    }

    /** The run a new run at this as-of is compared with: latest as-of at or before it, then latest created. */
    public Optional<String> previous(Instant asOf, String excludeId) {
        return query("SELECT id FROM assessment_run WHERE as_of <= ? AND id <> ? ORDER BY as_of DESC, created_at DESC, id DESC"
                + " LIMIT 1", List.of(odt(asOf), excludeId), r -> r.getString(1)).stream().findFirst();
    }

    public List<RunListItem> list(int offset, int limit) {
        return query("SELECT id, as_of, window_start, window_end, created_at, created_by, mapping_version, previous_id,"
                + " result_count, finding_count FROM assessment_run ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                List.of(limit, offset), r -> new RunListItem(r.getString(1), instant(r, 2), instant(r, 3), instant(r, 4),
                        instant(r, 5), r.getString(6), r.getString(7), r.getString(8), r.getLong(9), r.getLong(10)));
    }

    /** How many runs are stored. */
    public long countRuns() {
        return query("SELECT COUNT(*) FROM assessment_run", List.of(), r -> r.getLong(1)).get(0);
    }

    /** The findings of a run reduced to what a diff compares. */
    public List<DiffBuilder.PriorFinding> priorFindings(String runId) {
        return query("SELECT check_id, variant, subject_type, subject_id, result, score FROM assessment_result"
                + " WHERE run_id = ? AND finding = TRUE", List.of(packs.findingsKey(runId)),
                r -> new DiffBuilder.PriorFinding(r.getString(1), r.getString(2), SubjectType.valueOf(r.getString(3)),
                        r.getString(4), Result.valueOf(r.getString(5)), score(r, 6)));
    }

    /** One page of a run's findings in run order; {@code controls} maps {@code check|variant} to its controls. */
    public List<Finding> findings(String runId, FindingFilter filter, Map<String, List<String>> controls, int offset, int limit) {
        return findings(runId, filter, null, controls, offset, limit);
    }

    /** As {@link #findings(String, FindingFilter, Map, int, int)}, only of {@code teams} (null = every team). */
    public List<Finding> findings(String runId, FindingFilter filter, Set<String> teams, Map<String, List<String>> controls,
            int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where;
        String order;
        if (filter.checkId() == null) {
            // the results that are findings by their result, read in primary-key order and stopped at the page's end:
            // with "finding = TRUE" the planner takes the index on run, finding and check and sorts every finding of
            // the run for each page (95,000 rows, 1.8 s at 100k agents)
            StringBuilder w = new StringBuilder(" WHERE run_id = ? AND result IN (" + FINDING_RESULTS + ")");
            args.add(packs.findingsKey(runId));
            conditions(w, args, filter);
            where = w + teams(teams, args);
            order = " ORDER BY run_id, seq";
        } else {
            where = where(packs.findingsKey(runId), filter, args) + teams(teams, args);
            order = " ORDER BY seq";
        }
        args.add(limit);
        args.add(offset);
        return query("SELECT " + FINDING_COLUMNS + " FROM assessment_result" + where + order + " LIMIT ? OFFSET ?",
                args, r -> finding(runId, r, controls));
    }

    public long countFindings(String runId, FindingFilter filter) {
        return countFindings(runId, filter, null);
    }

    /** How many findings match, only of {@code teams} (null = every team). */
    public long countFindings(String runId, FindingFilter filter, Set<String> teams) {
        List<Object> args = new ArrayList<>();
        String where = where(packs.findingsKey(runId), filter, args) + teams(teams, args);
        return query("SELECT COUNT(*) FROM assessment_result" + where, args, r -> r.getLong(1)).get(0);
    }

    /** A condition on the team column: null = none, an empty set matches nothing (a manager without teams). */
    static String teams(Set<String> teams, List<Object> args) {
        if (teams == null) {
            return "";
        }
        if (teams.isEmpty()) {
            return " AND 1 = 0";
        }
        return " AND " + in("team", teams, args);
    }

    /** Every finding of a run in run order, streamed to the consumer; returns how many. */
    public long streamFindings(String runId, Map<String, List<String>> controls, Consumer<Finding> consumer) {
        return streamFindings(runId, controls, null, consumer);
    }

    /**
     * The findings of a run's checks {@code checkIds} (null: every check; empty: none) in run order, streamed to the
     * consumer through the index on run, finding and check; returns how many.
     */
    public long streamFindings(String runId, Map<String, List<String>> controls, Set<String> checkIds,
            Consumer<Finding> consumer) {
        return streamFindings(runId, controls, checkIds, null, consumer);
    }

    /** As above, and only of the subjects {@code subjectIds} (null: every subject; empty: none). */
    public long streamFindings(String runId, Map<String, List<String>> controls, Set<String> checkIds, Set<String> subjectIds,
            Consumer<Finding> consumer) {
        if ((checkIds != null && checkIds.isEmpty()) || (subjectIds != null && subjectIds.isEmpty())) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String only = (checkIds == null ? "" : " AND " + in("check_id", checkIds, args))
                + (subjectIds == null ? "" : " AND " + in("subject_id", subjectIds, args));
        return stream(runId, controls, only, args, consumer);
    }

    /**
     * The findings of a run attributed to one of {@code teams}, and those of the subjects {@code alsoSubjects} whatever
     * their team (a credential shared with another team's agent), in run order; returns how many. What a report
     * narrowed to some teams reads instead of the whole run.
     */
    public long streamTeamFindings(String runId, Map<String, List<String>> controls, Set<String> teams,
            Set<String> alsoSubjects, Consumer<Finding> consumer) {
        if (teams.isEmpty() && alsoSubjects.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String either = teams.isEmpty() ? in("subject_id", alsoSubjects, args) : alsoSubjects.isEmpty()
                ? in("team", teams, args)
                : "(" + in("team", teams, args) + " OR " + in("subject_id", alsoSubjects, args) + ")";
        return stream(runId, controls, " AND " + either, args, consumer);
    }

    /** {@code column IN (?, ...)} over the sorted values, added to {@code args}. */
    private static String in(String column, Set<String> values, List<Object> args) {
        java.util.TreeSet<String> sorted = new java.util.TreeSet<>(values);
        args.addAll(sorted);
        return column + " IN (" + String.join(", ", java.util.Collections.nCopies(sorted.size(), "?")) + ")";
    }

    private long stream(String runId, Map<String, List<String>> controls, String only, List<Object> args,
            Consumer<Finding> consumer) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement("SELECT " + FINDING_COLUMNS
                + " FROM assessment_result WHERE run_id = ? AND finding = TRUE" + only + " ORDER BY seq")) {
            p.setString(1, ResultPacks.findingsKey(c, runId));
            for (int i = 0; i < args.size(); i++) {
                p.setString(i + 2, (String) args.get(i));
            }
            p.setFetchSize(5000);
            long n = 0;
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    consumer.accept(finding(runId, r, controls));
                    n++;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the findings of run " + runId, e);
        }
    }

    /** The conditions of a findings query; {@code findingsKey}: what the run's findings are stored under. */
    private static String where(String findingsKey, FindingFilter f, List<Object> args) {
        StringBuilder w = new StringBuilder(" WHERE run_id = ? AND finding = TRUE");
        args.add(findingsKey);
        conditions(w, args, f);
        return w.toString();
    }

    private static void conditions(StringBuilder w, List<Object> args, FindingFilter f) {
        condition(w, args, "check_id", f.checkId());
        condition(w, args, "variant", f.variant());
        condition(w, args, "severity", f.severity() == null ? null : f.severity().name());
        condition(w, args, "team", f.team());
        condition(w, args, "owner_id", f.owner());
        condition(w, args, "environment", f.environment());
        condition(w, args, "result", f.result() == null ? null : f.result().name());
    }

    private static void condition(StringBuilder w, List<Object> args, String column, String value) {
        if (value == null) {
            return;
        }
        if (RollupEntry.NONE.equals(value)) {
            w.append(" AND ").append(column).append(" IS NULL");
        } else {
            w.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static Finding finding(String runId, ResultSet r, Map<String, List<String>> controls) throws SQLException {
        String checkId = r.getString(1);
        String variant = r.getString(2);
        return new Finding(runId, checkId, variant, SubjectType.valueOf(r.getString(3)).json(), r.getString(4),
                Result.valueOf(r.getString(5)), score(r, 6), Severity.valueOf(r.getString(7)), r.getString(13),
                r.getString(9), r.getString(11), r.getString(10), r.getString(12), r.getInt(8),
                AssessmentJson.read(r.getString(14), EVIDENCE),
                controls.getOrDefault(Evaluation.key(checkId, variant), List.of()));
    }

    static Double score(ResultSet r, int column) throws SQLException {
        double d = r.getDouble(column);
        return r.wasNull() ? null : d;
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime odt(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet r) throws SQLException;
    }

    private <T> List<T> query(String sql, List<?> args, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                p.setObject(i + 1, args.get(i));
            }
            List<T> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(row.map(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("assessment store query failed: " + sql, e);
        }
    }
}
