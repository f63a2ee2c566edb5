package dev.steward.export;

import dev.steward.assessment.AssessmentStore;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.CheckScore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws the auditor's test sample: for every check with findings, up to N raw decisions of the window made by the
 * check's failing subjects (agents and principals by the decision's agent, credentials by its credential). One pass
 * over the window's decisions in storage order with a reservoir per check, each seeded from the recorded seed and the
 * check id, so the same store and seed draw the same sample again.
 */
@ApplicationScoped
public class DecisionSampler {

    private final AgroalDataSource dataSource;
    private final AssessmentStore store;

    public DecisionSampler(AgroalDataSource dataSource, AssessmentStore store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    /** The sample of one check: how many decisions qualified and those drawn, in storage order. */
    public record CheckSample(String checkId, long population, List<Map<String, Object>> decisions) {
    }

    public List<CheckSample> sample(AssessmentSummary run, long seed, int perCheck) {
        Map<String, List<String>> controls = new LinkedHashMap<>();
        run.checks().forEach(c -> controls.put(c.key(), c.controls()));
        Map<String, Set<String>> agents = new TreeMap<>();
        Map<String, Set<String>> credentials = new TreeMap<>();
        for (CheckScore c : run.checks()) {
            if (c.results().fail() + c.results().partial() > 0) {
                agents.putIfAbsent(c.checkId(), new HashSet<>());
                credentials.putIfAbsent(c.checkId(), new HashSet<>());
            }
        }
        QuarkusTransaction.requiringNew().run(() -> store.streamFindings(run.id(), controls, f -> {
            Set<String> target = "credential".equals(f.subjectType()) ? credentials.get(f.checkId()) : agents.get(f.checkId());
            if (target != null && f.result() != dev.steward.check.Result.INSUFFICIENT_EVIDENCE) {
                target.add(f.subjectId());
            }
        }));
        Map<String, Reservoir> reservoirs = new TreeMap<>();
        agents.keySet().forEach(id -> reservoirs.put(id, new Reservoir(perCheck, new SplittableRandom(seed ^ id.hashCode()))));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT d.pk, d.agent, d.credential FROM decision d JOIN upload u"
                    + " ON u.id = d.upload_id WHERE u.status = 'COMMITTED' AND d.decided_at >= ? AND d.decided_at < ? ORDER BY d.pk")) {
                ps.setObject(1, odt(run.windowStart()));
                ps.setObject(2, odt(run.asOf()));
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long pk = rs.getLong(1);
                        String agent = rs.getString(2);
                        String credential = rs.getString(3);
                        for (Map.Entry<String, Reservoir> e : reservoirs.entrySet()) {
                            if ((agent != null && agents.get(e.getKey()).contains(agent))
                                    || (credential != null && credentials.get(e.getKey()).contains(credential))) {
                                e.getValue().offer(pk);
                            }
                        }
                    }
                }
            }
            List<CheckSample> out = new ArrayList<>();
            for (Map.Entry<String, Reservoir> e : reservoirs.entrySet()) {
                out.add(new CheckSample(e.getKey(), e.getValue().seen, rows(c, e.getValue().sorted())));
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot sample decisions: " + e.getMessage(), e);
        }
    }

    private static List<Map<String, Object>> rows(Connection c, List<Long> pks) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, decided_at, agent, credential, on_behalf_of, tool, action,"
                + " resource, scope, allowed, policy, reason, trigger_ref, approval, risk, environment, interactive, user_agent,"
                + " source_file, source_line FROM decision WHERE pk = ?")) {
            for (long pk : pks) {
                ps.setLong(1, pk);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        ResultSetMetaData md = rs.getMetaData();
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = i == 2 ? rs.getObject(i, OffsetDateTime.class).toInstant().toString() : rs.getObject(i);
                            row.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), v);
                        }
                        out.add(row);
                    }
                }
            }
        }
        return out;
    }

    private static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    /** Algorithm R over a stream of decision keys. */
    static final class Reservoir {
        private final long[] picked;
        private final SplittableRandom random;
        private long seen;

        Reservoir(int size, SplittableRandom random) {
            this.picked = new long[Math.max(0, size)];
            this.random = random;
        }

        void offer(long key) {
            if (seen < picked.length) {
                picked[(int) seen] = key;
            } else if (picked.length > 0) {
                long j = random.nextLong(seen + 1);
                if (j < picked.length) {
                    picked[(int) j] = key;
                }
            }
            seen++;
        }

        List<Long> sorted() {
            int n = (int) Math.min(seen, picked.length);
            List<Long> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(picked[i]);
            }
            out.sort(null);
            return out;
        }
    }
}
