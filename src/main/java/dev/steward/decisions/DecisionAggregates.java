package dev.steward.decisions;

import dev.steward.evidence.DecisionAggregate;
import dev.steward.store.PackReads;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.ref.SoftReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the per-day decision aggregates of an observation window, summed over uploads and flushes so each key
 * appears once. The window is taken in whole UTC days: [day of windowStart, day of asOf), so an as-of at midnight
 * (the default for periods) is exact. Aggregates are stored as {@link DailyPack}s (and, for stores ingested before
 * packs, as {@code decision_daily} rows): both are read row by row and summed in Java ({@link WindowSum}), in one
 * order on every database.
 */
@ApplicationScoped
public class DecisionAggregates {

    private static final String OLD_ROWS = "SELECT d.day_utc, d.agent, d.credential, d.tool, d.action, d.scope,"
            + " d.environment, d.allowed, d.on_behalf_of, d.decision_count, d.with_policy, d.complete, d.human,"
            + " d.high_risk, d.approved, d.high_risk_approved, d.first_at, d.last_at FROM decision_daily d"
            + " JOIN upload u ON u.id = d.upload_id AND u.status = 'COMMITTED' WHERE d.day_utc >= ? AND d.day_utc < ?";
    /** Packs of committed uploads whose days meet the window, in storage order. */
    private static final String PACKS = "SELECT p.upload_id, p.pack FROM decision_daily_pack p JOIN upload u"
            + " ON u.id = p.upload_id AND u.status = 'COMMITTED' WHERE p.max_day >= ? AND p.min_day < ?"
            + " ORDER BY p.upload_id, p.pack";
    /** The body of one pack of {@link #PACKS}, by its key ({@link PackReads}: one body in memory at a time). */
    private static final String PACK_BODY = "SELECT data FROM decision_daily_pack WHERE upload_id = ? AND pack = ?";
    /** One pack by its key, while its upload is committed. */
    private static final String ONE_PACK = "SELECT p.data FROM decision_daily_pack p JOIN upload u ON u.id = p.upload_id"
            + " AND u.status = 'COMMITTED' WHERE p.upload_id = ? AND p.pack = ?";
    /** What the committed uploads are: a commit changes the count (and usually the newest id). */
    private static final String COMMITTED = "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM upload WHERE status = 'COMMITTED'";

    private final AgroalDataSource dataSource;
    /** The packs of the window the last page about one subject read, with their filters; dropped before the heap runs out. */
    private volatile SoftReference<PackIndex> index = new SoftReference<>(null);

    /** A read of the whole window that builds its filters, while it runs: pages about subjects wait for it. */
    private record Building(String committed, LocalDate from, LocalDate to, CompletableFuture<PackIndex> done) {
        boolean covers(String committed, LocalDate from, LocalDate to) {
            return this.committed.equals(committed) && this.from.equals(from) && this.to.equals(to);
        }
    }

    private Building building;
    /**
     * The texts of the upload read last (an upload's texts never change once committed), so that the pages about one
     * subject after another do not each read them again; dropped before the heap runs out.
     */
    private volatile SoftReference<UploadTexts> lastTexts = new SoftReference<>(null);
    private final Counter readsOfAll;
    private final Counter readsByFilter;

    public DecisionAggregates(AgroalDataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        String name = "steward.decisions.subject.reads";
        String what = "Reads of one agent's or credential's decisions of a window: every pack, or those its filters"
                + " allow";
        this.readsOfAll = Counter.builder(name).tag("packs", "all").description(what).register(metrics);
        this.readsByFilter = Counter.builder(name).tag("packs", "filtered").description(what).register(metrics);
    }

    public List<DecisionAggregate> window(Instant windowStart, Instant asOf) {
        WindowSum sum = new WindowSum();
        try (Connection c = dataSource.getConnection()) {
            scan(c, firstDay(windowStart), endDay(asOf), sum);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read decision aggregates", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read decision aggregates", e);
        }
        return sum.aggregates();
    }

    /**
     * The aggregates of the window that {@code agent} made or that used {@code credential} (either may be null,
     * matching nothing), summed as {@link #window} sums them. For a page about one agent or credential: it reads every
     * pack of the window but holds only the matching aggregates, and decodes only the packs that name the agent or the
     * credential ({@link DailyPack#decodeOf}), so a window of millions of aggregates needs no more memory than the
     * subject's own. While nothing new is committed, the next call for the same window reads only the packs whose
     * filter says they may name its agent or credential ({@link PackIndex}, built by the call that read them all); a
     * call made while another reads the whole window to build them waits for that read instead of making its own.
     */
    public List<DecisionAggregate> windowOf(Instant windowStart, Instant asOf, String agent, String credential) {
        WindowSum sum = new WindowSum();
        DailyRow matching = (day, a, cred, tool, action, scope, environment, allowed, onBehalfOf, counts, first, last) -> {
            if ((agent != null && agent.equals(a)) || (credential != null && credential.equals(cred))) {
                sum.row(day, a, cred, tool, action, scope, environment, allowed, onBehalfOf, counts, first, last);
            }
        };
        LocalDate from = firstDay(windowStart);
        LocalDate to = endDay(asOf);
        CompletableFuture<PackIndex> mine = null;
        try (Connection c = dataSource.getConnection()) {
            String committed = committed(c);
            PackIndex kept = index.get();
            if (kept == null || !kept.covers(committed, from, to)) {
                CompletableFuture<PackIndex> theirs = null;
                synchronized (this) {
                    kept = index.get();
                    if (kept != null && kept.covers(committed, from, to)) {
                        theirs = CompletableFuture.completedFuture(kept); // built since the first look
                    } else if (building != null && building.covers(committed, from, to)) {
                        theirs = building.done();
                    } else {
                        mine = new CompletableFuture<>();
                        building = new Building(committed, from, to, mine);
                    }
                }
                // another page's read of the whole window is building these filters: wait for it rather than read again
                kept = theirs == null ? null : theirs.exceptionally(e -> null).join();
            }
            if (kept != null) {
                readsByFilter.increment();
                // the packs that may name the subject, by key; the rows stored before packs as always
                scan(c, from, to, matching, null, null, false);
                UploadTexts.Cache texts = texts(c);
                try (PreparedStatement s = c.prepareStatement(ONE_PACK)) {
                    for (PackIndex.Entry e : kept.mayHold(agent, credential)) {
                        s.setLong(1, e.upload());
                        s.setInt(2, e.pack());
                        byte[] body = null;
                        try (ResultSet r = s.executeQuery()) {
                            if (r.next()) {
                                body = r.getBytes(1);
                            }
                        }
                        if (body != null) {
                            DailyPack.decodeOf(body, () -> texts.of(e.upload()), from, to, agent,
                                    credential, sum, false);
                        }
                    }
                }
            } else {
                readsOfAll.increment();
                List<PackIndex.Entry> entries = new ArrayList<>();
                UploadTexts.Cache texts = texts(c);
                scan(c, from, to, matching, null, (upload, pack, body) -> entries.add(new PackIndex.Entry(upload, pack,
                        DailyPack.decodeOf(body, () -> texts.of(upload), from, to, agent, credential, sum,
                                true))), true);
                PackIndex built = new PackIndex(committed, from, to, entries);
                index = new SoftReference<>(built);
                done(mine, built);
            }
        } catch (SQLException e) {
            done(mine, null);
            throw new IllegalStateException("cannot read decision aggregates", e);
        } catch (java.io.IOException e) {
            done(mine, null);
            throw new java.io.UncheckedIOException("cannot read decision aggregates", e);
        } catch (RuntimeException | Error e) {
            done(mine, null);
            throw e;
        }
        return sum.aggregates();
    }

    /** Ends this page's build of the filters (null: failed; the pages that waited read the window themselves). */
    private void done(CompletableFuture<PackIndex> mine, PackIndex built) {
        if (mine == null) {
            return;
        }
        synchronized (this) {
            if (building != null && building.done() == mine) {
                building = null;
            }
        }
        mine.complete(built);
    }

    /**
     * Reads the window once to build the filters {@link #windowOf} reads by, unless they are kept already: the page
     * warmer's, so that the first agent or credential page after a run reads only the packs that may name it.
     */
    public void prepareWindowOf(Instant windowStart, Instant asOf) {
        windowOf(windowStart, asOf, null, null);
    }

    private static String committed(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COMMITTED); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1) + "/" + r.getLong(2);
        }
    }

    /**
     * Hands every stored aggregate row of committed uploads with a day in [from, to) to {@code sink}, unsummed: old
     * rows first, then packs in upload and pack order. Outside a transaction it opens one (rolled back at the
     * end) so PostgreSQL streams the rows by fetch size instead of loading them at once.
     */
    void scan(Connection c, LocalDate from, LocalDate to, DailyRow sink) throws SQLException, java.io.IOException {
        scan(c, from, to, sink, null);
    }

    /** {@link #scan(Connection, LocalDate, LocalDate, DailyRow)}, packs whole to {@code packs} when not null. */
    void scan(Connection c, LocalDate from, LocalDate to, DailyRow sink, PackSink packs)
            throws SQLException, java.io.IOException {
        scan(c, from, to, sink, packs, null, true);
    }

    /**
     * The scan: packs whole with their keys to {@code keyed} when not null, else whole to {@code packs} when not null,
     * else row by row to {@code sink}; with {@code withPacks} false, only the rows stored before packs.
     */
    private void scan(Connection c, LocalDate from, LocalDate to, DailyRow sink, PackSink packs, KeyedPackSink keyed,
            boolean withPacks) throws SQLException, java.io.IOException {
        // outside a transaction, open one so PostgreSQL streams by fetch size; inside one (JTA), use it
        boolean auto = c.getAutoCommit();
        if (auto) {
            c.setAutoCommit(false);
        }
        try {
            try (PreparedStatement s = c.prepareStatement(OLD_ROWS)) {
                s.setObject(1, from);
                s.setObject(2, to);
                s.setFetchSize(10_000);
                try (ResultSet r = s.executeQuery()) {
                    long[] counts = new long[7];
                    while (r.next()) {
                        for (int i = 0; i < 7; i++) {
                            counts[i] = r.getLong(10 + i);
                        }
                        sink.row(r.getObject(1, LocalDate.class), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getString(7), r.getBoolean(8), r.getString(9), counts,
                                instant(r.getObject(17, OffsetDateTime.class)), instant(r.getObject(18, OffsetDateTime.class)));
                    }
                }
            }
            if (!withPacks) {
                return;
            }
            UploadTexts.Cache texts = texts(c);
            PackReads.each(c, PACKS, s -> {
                s.setObject(1, from);
                s.setObject(2, to);
            }, PACK_BODY, "decision_daily_pack", (upload, pack, body) -> {
                if (keyed != null) {
                    keyed.pack(upload, pack, body);
                } else if (packs == null) {
                    DailyPack.decode(body, () -> texts.of(upload), from, to, sink);
                } else {
                    packs.pack(upload, body, from, to, texts);
                }
            });
        } finally {
            if (auto) {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Takes each stored pack of the window whole: its upload, its body, the window's days [from, to) and where to
     * find the upload's texts.
     */
    interface PackSink {
        void pack(long upload, byte[] body, LocalDate from, LocalDate to, UploadTexts.Cache texts)
                throws java.io.IOException;
    }

    /** The texts of the uploads a read meets, the last one kept between reads. */
    private UploadTexts.Cache texts(Connection c) {
        return new UploadTexts.Cache(upload -> {
            UploadTexts kept = lastTexts.get();
            if (kept != null && kept.upload() == upload) {
                return kept;
            }
            try {
                UploadTexts read = UploadTexts.load(c, upload);
                lastTexts = new SoftReference<>(read);
                return read;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the decision texts of upload " + upload, e);
            }
        });
    }

    /** Takes each stored pack of the window whole with its key (upload and pack number). */
    private interface KeyedPackSink {
        void pack(long upload, int pack, byte[] body) throws java.io.IOException;
    }

    /** A committed upload with aggregates in the window: probes the upload index instead of scanning the window. */
    private static final String IN_WINDOW = "u.status = 'COMMITTED' AND (EXISTS (SELECT 1 FROM decision_daily d"
            + " WHERE d.upload_id = u.id AND d.day_utc >= ? AND d.day_utc < ?) OR EXISTS (SELECT 1 FROM"
            + " decision_daily_pack p WHERE p.upload_id = u.id AND p.max_day >= ? AND p.min_day < ?))";

    private static void bindWindow(PreparedStatement s, Instant windowStart, Instant asOf) throws SQLException {
        s.setObject(1, firstDay(windowStart));
        s.setObject(2, endDay(asOf));
        s.setObject(3, firstDay(windowStart));
        s.setObject(4, endDay(asOf));
    }

    /**
     * An upper bound of the window's stored rows (before summing by key), cheap to read: the decisions of the committed
     * uploads that have rows in the window (an aggregate row holds at least one decision).
     */
    public long rows(Instant windowStart, Instant asOf) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(SUM(u.decision_count), 0) FROM upload u WHERE " + IN_WINDOW)) {
            bindWindow(s, windowStart, asOf);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count decision aggregates", e);
        }
    }

    /**
     * The window split into {@code shards} shards by subject ({@link WindowShards}), in one pass over the stored rows
     * that sums nothing while reading: memory holds a dictionary of the window's distinct texts, never its rows.
     */
    public WindowShards shards(Instant windowStart, Instant asOf, dev.steward.evidence.Evidence inventory, int shards,
            java.nio.file.Path tmp) {
        try {
            WindowShards out = new WindowShards(inventory, Math.max(1, Math.min(WindowShards.MAX_SHARDS, shards)), tmp);
            try (Connection c = dataSource.getConnection(); PackRoutes routes = out.packs()) {
                scan(c, firstDay(windowStart), endDay(asOf), out::add, routes::pack);
                routes.finish();
            } catch (SQLException | java.io.IOException | RuntimeException e) {
                out.close();
                throw e;
            }
            out.finishWriting();
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read decision aggregates", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write decision shards", e);
        }
    }

    /**
     * Ids of the committed uploads that contribute aggregates to the window {@link #window} reads, in id order: the
     * decision inputs of an assessment.
     */
    public List<Long> uploadsInWindow(Instant windowStart, Instant asOf) {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT u.id FROM upload u WHERE " + IN_WINDOW + " ORDER BY u.id")) {
            bindWindow(s, windowStart, asOf);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the decision uploads of the window", e);
        }
        return ids;
    }

    private static LocalDate firstDay(Instant windowStart) {
        return windowStart.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** First day after the window: the day of asOf, or the next one when asOf is not at midnight. */
    private static LocalDate endDay(Instant asOf) {
        LocalDate to = asOf.atOffset(ZoneOffset.UTC).toLocalDate();
        return asOf.atOffset(ZoneOffset.UTC).toLocalTime().toNanoOfDay() > 0 ? to.plusDays(1) : to;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
