package dev.steward.decisions;

import dev.steward.ingest.DecisionLine;
import dev.steward.store.StringListConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Writes the decisions of one upload as packs: raw decisions in file order into {@link DecisionPack}s, encoded and
 * compressed on an encoder thread of its own and inserted here in pack order, and their per-day aggregates into
 * {@link DailyPack}s of one day each, written when the log has moved two days past a day or the maps reach their key
 * limit (readers sum equal keys, so a day written twice is never lost or double counted). One row holds
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

    /** A finished raw pack, waiting to be inserted. */
    private record RawPack(int count, Instant min, Instant max, long firstLine, long lastLine, byte[] data) {
    }

    /** Batches being encoded at most, beyond which the writer waits for the encoder. */
    private static final int ENCODING_AHEAD = 8;

    private final Connection connection;
    private final long uploadId;
    private final int flushKeys;
    private final Pattern browser;
    private final int commitEvery;
    /** Used by the encoder thread only (and by the caller once every batch is encoded). */
    private final DecisionPack.Encoder raw = new DecisionPack.Encoder();
    private final ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "steward-decision-packs");
        t.setDaemon(true);
        return t;
    });
    private final ArrayDeque<Future<List<RawPack>>> encoding = new ArrayDeque<>();
    private final UploadTexts.Writer texts; // numbered for the daily packs, stored before the packs that name them
    private final DailyPackEncoder days;
    private final PreparedStatement insertPack;
    private final PreparedStatement insertDaily;
    private final PreparedStatement insertTexts;
    /**
     * The aggregates not yet written, one map per day (epoch day). A time-ordered log leaves a day behind for good, so
     * days older than the day before the newest seen are written as soon as a new day starts: the maps hold about two
     * days of keys instead of {@code flushKeys}, which kept a large, long-lived map for the collector to copy.
     */
    private final TreeMap<Long, Map<Key, Counts>> daily = new TreeMap<>();
    private Map<Key, Counts> today;
    private long newestDay = Long.MIN_VALUE;
    private int keys;
    /** On-behalf-of chains as stored (JSON), by chain: written once, not once per aggregate. */
    private final Map<List<String>, String> chains = new HashMap<>();
    private final Map<LocalDate, LocalDate> dayInstances = new HashMap<>();
    /** Whether a user agent marks a browser, by user agent: a handful of values on millions of lines. */
    private final Map<String, Boolean> browsers = new HashMap<>();
    private long lastEpochDay = Long.MIN_VALUE;
    private LocalDate lastDay;
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
        this.texts = new UploadTexts.Writer();
        this.days = new DailyPackEncoder(texts);
        this.insertPack = connection.prepareStatement(INSERT_PACK);
        this.insertDaily = connection.prepareStatement(INSERT_DAILY);
        this.insertTexts = connection.prepareStatement(UploadTexts.INSERT);
    }

    /**
     * Writes a batch of decisions, in file order: their raw packs are encoded and compressed on the encoder thread
     * while this thread aggregates them; finished packs are inserted here, in pack order, as they become ready.
     */
    public void write(List<DecisionLine> batch) throws SQLException {
        encoding.add(encoder.submit(() -> encode(batch)));
        for (DecisionLine d : batch) {
            aggregate(d);
            written++;
        }
        insertEncoded(ENCODING_AHEAD);
    }

    /** On the encoder thread, one batch after the other: the packs the batch completed. */
    private List<RawPack> encode(List<DecisionLine> batch) {
        List<RawPack> done = List.of();
        for (DecisionLine d : batch) {
            raw.add(d);
            if (raw.count() == DecisionPack.DECISIONS) {
                if (done.isEmpty()) {
                    done = new ArrayList<>(1);
                }
                done.add(rawPack());
            }
        }
        return done;
    }

    private RawPack rawPack() {
        int count = raw.count();
        Instant min = raw.min();
        Instant max = raw.max();
        long firstLine = raw.firstLine();
        long lastLine = raw.lastLine();
        return new RawPack(count, min, max, firstLine, lastLine, raw.finish());
    }

    /**
     * Inserts the packs of finished batches in batch order; waits for the oldest batches while more than
     * {@code ahead} are still being encoded. An encoding failure is rethrown here.
     */
    private void insertEncoded(int ahead) throws SQLException {
        while (!encoding.isEmpty() && (encoding.size() > ahead || encoding.peekFirst().isDone())) {
            List<RawPack> packs;
            try {
                packs = encoding.pollFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while encoding decision packs", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("encoding a decision pack failed", e.getCause());
            }
            for (RawPack p : packs) {
                insertRaw(p);
            }
        }
    }

    private void insertRaw(RawPack p) throws SQLException {
        insertPack.setLong(1, uploadId);
        insertPack.setInt(2, rawPacks++);
        insertPack.setInt(3, p.count());
        insertPack.setObject(4, p.min().atOffset(ZoneOffset.UTC));
        insertPack.setObject(5, p.max().atOffset(ZoneOffset.UTC));
        insertPack.setLong(6, p.firstLine());
        insertPack.setLong(7, p.lastLine());
        insertPack.setBytes(8, p.data());
        insertPack.executeUpdate();
        sinceCommit += p.count();
        if (sinceCommit >= commitEvery) {
            connection.commit();
            sinceCommit = 0;
        }
    }

    private void aggregate(DecisionLine d) throws SQLException {
        long epochDay = Math.floorDiv(d.time().getEpochSecond(), 86_400L);
        if (epochDay != lastEpochDay) {
            if (epochDay > newestDay) {
                newestDay = epochDay;
                flushBefore(epochDay - 1);
            }
            lastDay = dayInstances.computeIfAbsent(LocalDate.ofEpochDay(epochDay), k -> k);
            lastEpochDay = epochDay;
            today = daily.computeIfAbsent(epochDay, k -> new HashMap<>());
        }
        LocalDate day = lastDay;
        Key key = new Key(day, d.agent(), d.credential(), d.tool(), d.action(), d.scope(), d.environment(), d.allowed(),
                d.onBehalfOf());
        Counts c = today.get(key);
        if (c == null) {
            c = new Counts();
            today.put(key, c);
            keys++;
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
        if (Boolean.TRUE.equals(d.interactive()) || (d.userAgent() != null && browser(d.userAgent()))) {
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
        if (keys >= flushKeys) {
            flushBefore(Long.MAX_VALUE);
        }
    }

    private boolean browser(String userAgent) {
        Boolean known = browsers.get(userAgent);
        if (known == null) {
            known = browser.matcher(userAgent).find();
            if (browsers.size() < 4096) {
                browsers.put(userAgent, known);
            }
        }
        return known;
    }

    /**
     * Writes the aggregates of every day before {@code day} as packs of one day each, in day order, and forgets them
     * (readers sum equal keys, so a day written twice, by a late decision or the key limit, still counts once).
     */
    private void flushBefore(long day) throws SQLException {
        if (daily.isEmpty() || daily.firstKey() >= day) {
            return;
        }
        if (chains.size() > 100_000) {
            chains.clear();
        }
        while (!daily.isEmpty() && daily.firstKey() < day) {
            Map<Key, Counts> rows = daily.pollFirstEntry().getValue();
            for (Map.Entry<Key, Counts> e : rows.entrySet()) {
                if (days.count() == DailyPack.AGGREGATES) {
                    writeDaily();
                }
                Key k = e.getKey();
                String chain = chains.computeIfAbsent(k.onBehalfOf, StringListConverter::write);
                Counts c = e.getValue();
                days.add(k.day, k.agent, k.credential, k.tool, k.action, k.scope, k.environment, k.allowed, chain, c.n,
                        c.first, c.last);
            }
            writeDaily();
            keys -= rows.size();
        }
        // the day being filled may have gone: look it up again on the next decision
        lastEpochDay = Long.MIN_VALUE;
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
        if (texts.pending()) {
            // the texts the pack numbers first, so that no stored pack names a text not stored
            insertTexts.setLong(1, uploadId);
            insertTexts.setInt(2, texts.parts());
            insertTexts.setInt(3, texts.stored());
            insertTexts.setInt(4, texts.size() - texts.stored());
            insertTexts.setBytes(5, texts.part(days.compressor()));
            insertTexts.executeUpdate();
        }
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
        insertEncoded(0);
        // every batch is encoded: the encoder thread is idle, and what it did happened before the futures completed
        if (raw.count() > 0) {
            insertRaw(rawPack());
        }
        flushBefore(Long.MAX_VALUE);
    }

    @Override
    public void close() throws SQLException {
        encoder.shutdownNow();
        try {
            if (!encoder.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the decision pack encoder did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        raw.close();
        days.close();
        insertPack.close();
        insertDaily.close();
        insertTexts.close();
    }
}
