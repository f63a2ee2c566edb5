package dev.steward.inventory;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import dev.steward.evidence.SourceRef;
import dev.steward.store.PackReads;
import dev.steward.upload.UploadEntity;
import dev.steward.upload.UploadRepository;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Reads the whole inventory in force at an instant (people, agents, credentials, and the secrets found up to it) for
 * assessments, reports and exports, with plain JDBC on the current transaction's connection: each row becomes its
 * record directly, with no managed entity, persistence-context snapshot or second pass through the list converters,
 * and the repeated values of one load share their instances ({@link Canon}). The rows, their order and every value are
 * those of the entity listings of {@link InventoryQueries} (ordered by id, then upload).
 *
 * <p>On H2 the rows are read unordered, with lazy query execution for the duration of the read, and sorted here: by
 * default H2 materialises a result before returning its first row and writes a large one to a temporary disk-backed
 * table (an ORDER BY that no index serves too), while a lazy unordered select streams (measured on the 100k-agent
 * store: 4.4 s for the 400k agent and credential rows against 9.5 to 22.5 s materialised). H2 compares text by
 * Java's {@code String.compareTo}, so the sort gives H2's own order. On PostgreSQL, whose text order follows the
 * database collation, the database sorts and the driver streams the result in pages of {@value #FETCH} rows.
 *
 * <p>On H2 an inventory upload is also stored as packs ({@link InventoryPack}, written by {@link #pack} as it is
 * ingested): a load reads each upload that has them from its packs, which hold its records exactly as the rows read
 * here give them, and any other upload (ingested before the packs) from its rows. At 100k agents and 300k credentials
 * the packs took a cold assessment's inventory read from 5.6-5.7 s to 3.6-4.4 s (docs/benchmarks.md).
 */
@ApplicationScoped
public class InventoryLoads {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(InventoryLoads.class);

    /** Rows per round trip when the driver streams a result (PostgreSQL inside a transaction). */
    static final int FETCH = 2_000;

    /** One load: what an assessment, a report or an export reads of the inventory. */
    public record Inventory(List<PersonRecord> people, List<AgentRecord> agents, List<CredentialRecord> credentials,
            List<SecretFinding> secrets) {
    }

    private static final String PEOPLE = "SELECT upload_id, id, name, email, team, manager, status, departed_at,"
            + " source_file, source_line FROM person";
    private static final String AGENTS = "SELECT upload_id, id, name, autonomy, environment, team, owner, backup_owner,"
            + " status, decommissioned_at, created_at, last_reviewed_at, vendor, identity_type, identity_id, alert_channel,"
            + " incident_trigger, runbook, kill_switch_method, kill_switch_tested_at, tools, grants, source_file,"
            + " source_line FROM agent";
    private static final String CREDENTIALS = "SELECT upload_id, id, type, holders, environment, issuer, storage,"
            + " location, scopes, created_at, expires_at, ttl_seconds, last_rotated_at, last_used_at, status, revoked_at,"
            + " exposure_at, exposure_where, source_file, source_line FROM credential";
    private static final String SECRETS = "SELECT s.upload_id, s.credential_id, s.agent_id, s.kind, s.field, s.found_at,"
            + " s.source_file, s.source_line FROM secret_finding s JOIN upload u ON u.id = s.upload_id"
            + " WHERE u.status = ? AND s.found_at <= ? ORDER BY s.pk";

    private final UploadRepository uploads;
    private final AgroalDataSource dataSource;

    public InventoryLoads(UploadRepository uploads, AgroalDataSource dataSource) {
        this.uploads = uploads;
        this.dataSource = dataSource;
    }

    /** Everything in force at {@code asOf}, in one transaction, the repeated values shared across the four lists. */
    @Transactional
    public Inventory load(Instant asOf) {
        Canon canon = new Canon();
        List<Long> people = uploads.inForce("people", asOf);
        List<Long> agents = uploads.inForce("agents", asOf);
        List<Long> credentials = uploads.inForce("credentials", asOf);
        try (Connection c = dataSource.getConnection()) {
            // people first: their ids are the owners and managers the agents name, so those share the person's string
            return new Inventory(people(c, people, canon), agents(c, agents, canon), credentials(c, credentials, canon),
                    secrets(c, asOf, canon));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the inventory in force at " + asOf, e);
        }
    }

    /** People in force at {@code asOf}, ordered by id then upload. */
    @Transactional
    public List<PersonRecord> people(Instant asOf) {
        return read(asOf, "people", (c, ids) -> people(c, ids, new Canon()));
    }

    /** Agents in force at {@code asOf}, ordered by id then upload. */
    @Transactional
    public List<AgentRecord> agents(Instant asOf) {
        return read(asOf, "agents", (c, ids) -> agents(c, ids, new Canon()));
    }

    /** Credentials in force at {@code asOf}, ordered by id then upload. */
    @Transactional
    public List<CredentialRecord> credentials(Instant asOf) {
        return read(asOf, "credentials", (c, ids) -> credentials(c, ids, new Canon()));
    }

    private interface Section<T> {
        List<T> read(Connection c, List<Long> uploadIds) throws SQLException;
    }

    private <T> List<T> read(Instant asOf, String section, Section<T> reader) {
        List<Long> ids = uploads.inForce(section, asOf);
        try (Connection c = dataSource.getConnection()) {
            return reader.read(c, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the " + section + " in force at " + asOf, e);
        }
    }

    private static List<PersonRecord> people(Connection c, List<Long> uploadIds, Canon canon) throws SQLException {
        return rows(c, InventoryPack.Section.PEOPLE, PEOPLE, uploadIds, canon, r -> new PersonRecord(
                canon.of(r.getString(2)), r.getString(3), r.getString(4), canon.of(r.getString(5)),
                canon.of(r.getString(6)), canon.of(r.getString(7)), instant(r, 8), source(r, 9, canon)),
                PersonRecord::id, p -> p.source().uploadId());
    }

    private static List<AgentRecord> agents(Connection c, List<Long> uploadIds, Canon canon) throws SQLException {
        return rows(c, InventoryPack.Section.AGENTS, AGENTS, uploadIds, canon, r -> new AgentRecord(
                canon.of(r.getString(2)), r.getString(3), Autonomy.parse(r.getString(4)).orElse(null),
                canon.of(r.getString(5)), canon.of(r.getString(6)), canon.of(r.getString(7)),
                canon.of(r.getString(8)), canon.of(r.getString(9)), instant(r, 10), instant(r, 11), instant(r, 12),
                canon.of(r.getString(13)), canon.of(r.getString(14)), r.getString(15),
                canon.of(r.getString(16)), canon.of(r.getString(17)), canon.of(r.getString(18)),
                canon.of(r.getString(19)), instant(r, 20), canon.list(r.getString(21)), canon.list(r.getString(22)),
                source(r, 23, canon)), AgentRecord::id, a -> a.source().uploadId());
    }

    private static List<CredentialRecord> credentials(Connection c, List<Long> uploadIds, Canon canon)
            throws SQLException {
        return rows(c, InventoryPack.Section.CREDENTIALS, CREDENTIALS, uploadIds, canon, r -> {
            long ttl = r.getLong(12);
            Long ttlSeconds = r.wasNull() ? null : ttl;
            return new CredentialRecord(r.getString(2), canon.of(r.getString(3)), canon.list(r.getString(4)),
                    canon.of(r.getString(5)), canon.of(r.getString(6)), canon.of(r.getString(7)), r.getString(8),
                    canon.list(r.getString(9)), instant(r, 10), instant(r, 11), ttlSeconds, instant(r, 13),
                    instant(r, 14), canon.of(r.getString(15)), instant(r, 16), instant(r, 17), canon.of(r.getString(18)),
                    source(r, 19, canon));
        }, CredentialRecord::id, cr -> cr.source().uploadId());
    }

    private static List<SecretFinding> secrets(Connection c, Instant asOf, Canon canon) throws SQLException {
        List<SecretFinding> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SECRETS)) {
            s.setFetchSize(FETCH);
            s.setString(1, UploadEntity.Status.COMMITTED.name());
            s.setObject(2, asOf.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new SecretFinding(canon.of(r.getString(2)), canon.of(r.getString(3)), canon.of(r.getString(4)),
                            canon.of(r.getString(5)), instant(r, 6), source(r, 7, canon)));
                }
            }
        }
        return out;
    }

    /** A row of one of the tables. */
    private interface Row<T> {
        T map(ResultSet r) throws SQLException;
    }

    /**
     * The rows of the given uploads, mapped, in (id, upload) order: sorted by the database on PostgreSQL, here on H2
     * (see the class comment). On H2 an upload whose records are packed ({@link #pack}) is read from its packs.
     */
    private static <T> List<T> rows(Connection c, InventoryPack.Section section, String select, List<Long> uploadIds,
            Canon canon, Row<T> row, Function<T, String> id, ToLongFunction<T> upload) throws SQLException {
        if (uploadIds.isEmpty()) {
            return List.of();
        }
        boolean postgres = postgres(c);
        List<Long> unpacked = postgres ? uploadIds : unpacked(c, section, uploadIds);
        List<T> out = new ArrayList<>();
        if (unpacked.size() < uploadIds.size()) {
            readPacks(c, section, uploadIds, canon, out);
        }
        if (!unpacked.isEmpty()) {
            String sql = select + " WHERE upload_id IN (" + marks(unpacked.size()) + ")"
                    + (postgres ? " ORDER BY id, upload_id" : "");
            try (Lazy lazy = new Lazy(c, !postgres); PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(FETCH);
                for (int i = 0; i < unpacked.size(); i++) {
                    s.setLong(i + 1, unpacked.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(row.map(r));
                    }
                }
            }
        }
        if (!postgres) {
            // one upload's packs come in order already: the sort then only checks it
            out.sort(Comparator.comparing(id).thenComparingLong(upload));
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The uploads of the list whose records of the section are not packed, in the list's order. */
    private static List<Long> unpacked(Connection c, InventoryPack.Section section, List<Long> uploadIds)
            throws SQLException {
        java.util.Set<Long> packed = new java.util.HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT upload_id FROM inventory_pack WHERE section = ?"
                + " AND pack = 0 AND upload_id IN (" + marks(uploadIds.size()) + ")")) {
            s.setString(1, section.stored);
            for (int i = 0; i < uploadIds.size(); i++) {
                s.setLong(i + 2, uploadIds.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    packed.add(r.getLong(1));
                }
            }
        }
        return uploadIds.stream().filter(u -> !packed.contains(u)).toList();
    }

    /** Adds the records of every packed upload of the list, pack by pack, one body in memory at a time. */
    @SuppressWarnings("unchecked")
    private static <T> void readPacks(Connection c, InventoryPack.Section section, List<Long> uploadIds, Canon canon,
            List<T> out) throws SQLException {
        String keys = "SELECT upload_id, pack FROM inventory_pack WHERE section = '" + section.stored + "'"
                + " AND upload_id IN (" + marks(uploadIds.size()) + ") ORDER BY upload_id, pack";
        String body = "SELECT data FROM inventory_pack WHERE upload_id = ? AND pack = ? AND section = '"
                + section.stored + "'";
        try {
            PackReads.each(c, keys, s -> {
                for (int i = 0; i < uploadIds.size(); i++) {
                    s.setLong(i + 1, uploadIds.get(i));
                }
            }, body, "inventory_pack", (upload, pack, data) -> {
                try {
                    out.addAll((List<T>) InventoryPack.decode(data, section, canon));
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("cannot read pack " + pack + " of the " + section.stored
                            + " of upload " + upload + ": " + e.getMessage(), e);
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Stores the people, agents and credentials of an upload once more as packs ({@link InventoryPack}), read back from
     * their tables on the connection of the upload's transaction exactly as a load reads them: the ingest calls it
     * once the upload's rows are final, before it commits. On H2 only: PostgreSQL sorts a load by its collation, which
     * records read from packs could not follow, so it keeps reading the tables.
     */
    public static void pack(Connection c, long uploadId) throws SQLException {
        pack(c, uploadId, InventoryPack.RECORDS);
    }

    /** {@link #pack(Connection, long)} with at most {@code perPack} records a pack. */
    static void pack(Connection c, long uploadId, int perPack) throws SQLException {
        if (postgres(c)) {
            return;
        }
        List<Long> one = List.of(uploadId);
        long started = System.nanoTime();
        long reading = 0;
        int packs = 0;
        try (InventoryPack.Encoder encoder = new InventoryPack.Encoder(); PreparedStatement insert =
                c.prepareStatement("INSERT INTO inventory_pack (upload_id, section, pack, row_count, data)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            for (InventoryPack.Section section : InventoryPack.Section.values()) {
                Canon canon = new Canon();
                long read = System.nanoTime();
                List<?> records = switch (section) {
                    case PEOPLE -> people(c, one, canon);
                    case AGENTS -> agents(c, one, canon);
                    case CREDENTIALS -> credentials(c, one, canon);
                };
                reading += System.nanoTime() - read;
                int pack = 0;
                for (int from = 0; from == 0 || from < records.size(); from += perPack) {
                    List<?> part = records.subList(from, Math.min(records.size(), from + perPack));
                    insert.setLong(1, uploadId);
                    insert.setString(2, section.stored);
                    insert.setInt(3, pack++);
                    insert.setInt(4, part.size());
                    insert.setBytes(5, encoder.encode(section, part));
                    insert.executeUpdate();
                    packs++;
                }
            }
        }
        LOG.debugf("upload %d: inventory stored as %d packs in %d ms (%d ms reading its rows back)", uploadId, packs,
                (System.nanoTime() - started) / 1_000_000, reading / 1_000_000);
    }

    /**
     * H2's lazy query execution on the connection while a bulk read streams, then the default again (the connection
     * goes back to the pool with the transaction). Left alone when the JDBC URL sets it.
     */
    private static final class Lazy implements AutoCloseable {
        private final Connection connection;
        private final boolean set;

        Lazy(Connection connection, boolean h2) throws SQLException {
            this.connection = connection;
            this.set = h2 && !connection.getMetaData().getURL().toUpperCase(Locale.ROOT).contains("LAZY_QUERY_EXECUTION");
            if (set) {
                execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
        }

        private void execute(String sql) throws SQLException {
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute(sql);
            }
        }

        @Override
        public void close() throws SQLException {
            if (set) {
                execute("SET LAZY_QUERY_EXECUTION FALSE");
            }
        }
    }

    private static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static SourceRef source(ResultSet r, int fileColumn, Canon canon) throws SQLException {
        return new SourceRef(r.getLong(1), canon.of(r.getString(fileColumn)), r.getLong(fileColumn + 1));
    }
}
