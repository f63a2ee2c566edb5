package dev.steward.decisions;

import dev.steward.ingest.DecisionLine;
import dev.steward.store.StringListConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes the decisions of one upload as packs: raw decisions in file order into {@link DecisionPack}s, and their
 * per-day aggregates, kept in a bounded map that is flushed whenever it reaches its key limit, into
 * {@link DailyPack}s of one day each (readers sum equal keys, so a flush never loses or double counts). One row holds
 * thousands of decisions, so the database's row rate no longer bounds ingestion; the same code runs on every database.
 * The connection is committed every {@code commitEvery} decisions: the upload stays PENDING, and so invisible to every
 * reader, until its status flips to COMMITTED.
 */
public final class DecisionWriter implements AutoCloseable {

    private static final String INSERT_PACK = "INSERT INTO decision_pack (upload_id, pack, row_count, min_decided_at,"
            + " max_decided_at, first_line, last_line, data) VALUES (?,?,?,?,?,?,?,?)";
    private static final String INSERT_DAILY = "INSERT INTO decision_daily_pack (upload_id, pack, row_count, min_day,"
            + " max_day, data) VALUES (?,?,?,?,?,?)";

    /**
     * The key of a per-day aggregate. Its hash mixes every field: the record's default (31 * h + field) collided so
     * much on real-looking ids (an agent and its credential share their digits) that the map's buckets turned into
     * trees, the writer thread's largest cost.
     */
    private static final class Key {
        final LocalDate day;
        final String agent;
        final String credential;
        final String tool;
        final String action;
        final String scope;
        final String environment;
        final boolean allowed;
        final List<String> onBehalfOf;
        private final int hash;

        Key(LocalDate day, String agent, String credential, String tool, String action, String scope,
                String environment, boolean allowed, List<String> onBehalfOf) {
            this.day = day;
            this.agent = agent;
            this.credential = credential;
            this.tool = tool;
            this.action = action;
            this.scope = scope;
            this.environment = environment;
            this.allowed = allowed;
            this.onBehalfOf = onBehalfOf;
            long h = mix(day.toEpochDay(), Objects.hashCode(agent));
            h = mix(h, Objects.hashCode(credential));
            h = mix(h, Objects.hashCode(tool));
            h = mix(h, Objects.hashCode(action));
            h = mix(h, Objects.hashCode(scope));
            h = mix(h, Objects.hashCode(environment));
            h = mix(h, onBehalfOf.isEmpty() ? 0 : onBehalfOf.hashCode());
            this.hash = (int) (h ^ (h >>> 32)) ^ (allowed ? 0x5bd1e995 : 0);
        }

        private static long mix(long h, int v) {
            long x = (h ^ v) * 0x9E3779B97F4A7C15L;
            return x ^ (x >>> 31);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && allowed == k.allowed && day.equals(k.day)
                    && Objects.equals(agent, k.agent) && Objects.equals(credential, k.credential)
                    && Objects.equals(tool, k.tool) && Objects.equals(action, k.action) && Objects.equals(scope, k.scope)
                    && Objects.equals(environment, k.environment) && onBehalfOf.equals(k.onBehalfOf);
        }
    }

    private static final class Counts {
        final long[] n = new long[7];
        Instant first;
        Instant last;
    }

    private final Connection connection;
    private final long uploadId;
    private final int flushKeys;
    private final Pattern browser;
    private final int commitEvery;
    private final DecisionPack.Encoder raw = new DecisionPack.Encoder();
    private final DailyPack.Encoder days = new DailyPack.Encoder();
    private final PreparedStatement insertPack;
    private final PreparedStatement insertDaily;
    private final Map<Key, Counts> daily = new HashMap<>();
    private final Map<LocalDate, LocalDate> dayInstances = new HashMap<>();
    private int rawPacks;
    private int dailyPacks;
    private long sinceCommit;
    private volatile long written;

    public DecisionWriter(Connection connection, long uploadId, int flushKeys, Pattern browser, int commitEvery)
            throws SQLException {
        this.connection = connection;
        this.uploadId = uploadId;
        this.flushKeys = flushKeys;
        this.browser = browser;
        this.commitEvery = commitEvery;
        this.insertPack = connection.prepareStatement(INSERT_PACK);
        this.insertDaily = connection.prepareStatement(INSERT_DAILY);
    }

    public void write(DecisionLine d) throws SQLException {
        raw.add(d);
        if (raw.count() == DecisionPack.DECISIONS) {
            flushRaw();
        }
        aggregate(d);
        written++;
    }

    private void flushRaw() throws SQLException {
        int count = raw.count();
        if (count == 0) {
            return;
        }
        Instant min = raw.min();
        Instant max = raw.max();
        long firstLine = raw.firstLine();
        long lastLine = raw.lastLine();
        byte[] data = raw.finish();
        insertPack.setLong(1, uploadId);
        insertPack.setInt(2, rawPacks++);
        insertPack.setInt(3, count);
        insertPack.setObject(4, min.atOffset(ZoneOffset.UTC));
        insertPack.setObject(5, max.atOffset(ZoneOffset.UTC));
        insertPack.setLong(6, firstLine);
        insertPack.setLong(7, lastLine);
        insertPack.setBytes(8, data);
        insertPack.executeUpdate();
        sinceCommit += count;
        if (sinceCommit >= commitEvery) {
            connection.commit();
            sinceCommit = 0;
        }
    }

    private void aggregate(DecisionLine d) throws SQLException {
        LocalDate day = dayInstances.computeIfAbsent(d.time().atOffset(ZoneOffset.UTC).toLocalDate(), k -> k);
        Key key = new Key(day, d.agent(), d.credential(), d.tool(), d.action(), d.scope(), d.environment(), d.allowed(),
                d.onBehalfOf());
        Counts c = daily.get(key);
        if (c == null) {
            c = new Counts();
            daily.put(key, c);
        }
        long[] n = c.n;
        n[0]++;
        boolean highRisk = d.risk() != null && (d.risk().equalsIgnoreCase("high") || d.risk().equalsIgnoreCase("critical"));
        boolean approved = d.approval() != null;
        if (d.policy() != null) {
            n[1]++;
        }
        if (d.tool() != null && d.action() != null && d.resource() != null && d.trigger() != null) {
            n[2]++;
        }
        if (Boolean.TRUE.equals(d.interactive()) || (d.userAgent() != null && browser.matcher(d.userAgent()).find())) {
            n[3]++;
        }
        if (highRisk) {
            n[4]++;
        }
        if (approved) {
            n[5]++;
        }
        if (highRisk && approved) {
            n[6]++;
        }
        if (c.first == null || d.time().isBefore(c.first)) {
            c.first = d.time();
        }
        if (c.last == null || d.time().isAfter(c.last)) {
            c.last = d.time();
        }
        if (daily.size() >= flushKeys) {
            flushDaily();
        }
    }

    /** Writes the aggregate map as packs of one day each, in day order, and empties it. */
    private void flushDaily() throws SQLException {
        if (daily.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, Counts>> rows = new ArrayList<>(daily.entrySet());
        rows.sort(Comparator.comparingLong(e -> e.getKey().day.toEpochDay()));
        Map<List<String>, String> chains = new HashMap<>();
        LocalDate current = null;
        for (Map.Entry<Key, Counts> e : rows) {
            Key k = e.getKey();
            if (days.count() == DailyPack.AGGREGATES || (current != null && !k.day.equals(current))) {
                writeDaily();
            }
            current = k.day;
            String chain = chains.computeIfAbsent(k.onBehalfOf, StringListConverter::write);
            Counts c = e.getValue();
            days.add(k.day, k.agent, k.credential, k.tool, k.action, k.scope, k.environment, k.allowed, chain, c.n,
                    c.first, c.last);
        }
        writeDaily();
        daily.clear();
        connection.commit();
    }

    private void writeDaily() throws SQLException {
        int count = days.count();
        if (count == 0) {
            return;
        }
        LocalDate min = days.minDay();
        LocalDate max = days.maxDay();
        byte[] data = days.finish();
        insertDaily.setLong(1, uploadId);
        insertDaily.setInt(2, dailyPacks++);
        insertDaily.setInt(3, count);
        insertDaily.setObject(4, min);
        insertDaily.setObject(5, max);
        insertDaily.setBytes(6, data);
        insertDaily.executeUpdate();
    }

    /** Decisions written so far. */
    public long written() {
        return written;
    }

    /** Writes what is still buffered; call before commit. */
    public void finish() throws SQLException {
        flushRaw();
        flushDaily();
    }

    @Override
    public void close() throws SQLException {
        raw.close();
        days.close();
        insertPack.close();
        insertDaily.close();
    }
}
