package dev.steward.assessment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;

/**
 * The packed results of a run, one decoded pack at a time, only of {@code teams} (null = all). The packs are read
 * {@value #BATCH} at a time, each batch after the last first seq read: H2 materialises a query's whole result before
 * its first row is read (in memory, up to tens of thousands of rows), which for one read of a run of 10M decisions
 * held all its 248 MB of packs at once.
 */
final class PackCursor {
    /**
     * Packs a query reads (of about 17 KB each at 10M decisions: 14,500 packs a run). The query orders by run id too,
     * which its condition fixes, so that H2 sees that the index (run_id, first_seq) gives the order and stops after the
     * batch; ordered by first seq alone it read and sorted every pack of the run after the first seq for each batch.
     */
    static final int BATCH = 64;
    private final PreparedStatement packs;
    private final Set<String> teams;
    private final ArrayDeque<byte[]> bodies = new ArrayDeque<>(BATCH);
    private int lastFirstSeq = -1;
    private boolean more = true;
    private Iterator<StoredResult> current = Collections.emptyIterator();

    /**
     * {@code packs} selects first seq and body of the run's packs after a first seq (its second parameter), in first
     * seq order, at most {@value #BATCH}; the run id is bound.
     */
    PackCursor(PreparedStatement packs, Set<String> teams) {
        this.packs = packs;
        this.teams = teams;
    }

    StoredResult next() throws SQLException {
        while (true) {
            if (current.hasNext()) {
                return current.next();
            }
            if (bodies.isEmpty() && !(more && fetch())) {
                return null;
            }
            current = ResultPack.decode(bodies.poll(), teams).iterator();
        }
    }

    /** Reads the next batch of packs; false when none is left. */
    private boolean fetch() throws SQLException {
        packs.setInt(2, lastFirstSeq);
        int read = 0;
        try (ResultSet p = packs.executeQuery()) {
            while (p.next()) {
                lastFirstSeq = p.getInt(1);
                bodies.add(p.getBytes(2));
                read++;
            }
        }
        more = read == BATCH;
        return read > 0;
    }
}
