package dev.steward.assessment;

import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every stored result of a run, its finding rows and its packed results merged in run order (seq), each found under
 * the key the run row names ({@link ResultPacks#findingsKey}, {@link ResultPacks#key}). Packs hold disjoint runs of
 * seqs and are read by first seq, {@value PackCursor#BATCH} at a time: memory holds one batch of packs, never the run.
 */
final class StoredResults {

    private StoredResults() {
    }

    /**
     * Streams the results of {@code teams} (null = every team; a result without a team belongs to none) to the
     * consumer on the caller's connection; returns how many were handed over.
     */
    static long read(Connection c, String runId, Set<String> teams, Consumer<StoredResult> consumer)
            throws SQLException {
        List<Object> args = new ArrayList<>();
        args.add(ResultPacks.findingsKey(c, runId));
        String rowsSql = "SELECT seq, " + ResultWriter.FINDING_COLUMNS + " FROM assessment_result WHERE run_id = ?"
                + AssessmentStore.teams(teams, args) + " ORDER BY seq";
        try (PreparedStatement rows = c.prepareStatement(rowsSql);
                PreparedStatement packs = c.prepareStatement("SELECT first_seq, body FROM assessment_result_pack"
                        + " WHERE run_id = ? AND first_seq > ? ORDER BY run_id, first_seq"
                        + " FETCH FIRST " + PackCursor.BATCH + " ROWS ONLY")) {
            for (int i = 0; i < args.size(); i++) {
                rows.setObject(i + 1, args.get(i));
            }
            rows.setFetchSize(1000);
            packs.setString(1, ResultPacks.key(c, runId));
            long n = 0;
            try (ResultSet f = rows.executeQuery()) {
                PackCursor packed = new PackCursor(packs, teams);
                StoredResult row = nextRow(f);
                StoredResult pr = packed.next();
                while (row != null || pr != null) {
                    if (row == null || pr != null && pr.seq() < row.seq()) {
                        consumer.accept(pr);
                        pr = packed.next();
                    } else {
                        consumer.accept(row);
                        row = nextRow(f);
                    }
                    n++;
                }
            }
            return n;
        }
    }

    private static StoredResult nextRow(ResultSet r) throws SQLException {
        if (!r.next()) {
            return null;
        }
        return new StoredResult(r.getInt(1), new AssessedResult(r.getString(2), r.getString(3),
                SubjectType.valueOf(r.getString(4)), r.getString(5), Result.valueOf(r.getString(6)),
                AssessmentStore.score(r, 7), Severity.valueOf(r.getString(8)), r.getInt(9), r.getString(14),
                r.getString(10), r.getString(11), r.getString(12), r.getString(13),
                AssessmentJson.read(r.getString(15), AssessmentStore.EVIDENCE), List.of()));
    }
}
