package dev.steward.inventory;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import dev.steward.store.StringListConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes inventory rows (people, agents, credentials, secret findings) with plain JDBC on the caller's transactional
 * connection: multi-row INSERTs of {@value #ROWS} rows, sent in batches. The rows are exactly what the JPA entities
 * ({@link PersonEntity}, {@link AgentEntity}, {@link CredentialEntity}, {@link SecretFindingEntity}) would store, so
 * every reader sees the same data; Hibernate was most of the cost of a large inventory upload (entity state, dirty
 * tracking, one statement per row). Primary keys come from the same sequences as the entities', a block of
 * {@value #BLOCK} keys per {@code nextval} read as the block's low end, which is how Hibernate's pooled-lo optimizer
 * (the Quarkus default) reads them, so rows written here and rows the entities write never collide.
 */
public final class InventoryRows implements AutoCloseable {

    /** Rows per multi-row INSERT statement. */
    static final int ROWS = 50;
    /** Statements per JDBC batch. */
    private static final int STATEMENTS_PER_BATCH = 10;
    /** Keys per sequence value: the sequences' INCREMENT BY and the entities' allocationSize. */
    static final int BLOCK = 500;

    private final Connection connection;
    private final boolean postgres;
    private final Table people;
    private final Table agents;
    private final Table credentials;
    private final Table secrets;

    public InventoryRows(Connection connection) throws SQLException {
        this.connection = connection;
        this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
        this.people = new Table("person", "person_seq", "upload_id:l", "id", "name", "email", "team", "manager", "status",
                "departed_at:t", "attributes", "source_file", "source_line:l");
        this.agents = new Table("agent", "agent_seq", "upload_id:l", "id", "name", "autonomy", "environment", "team", "owner",
                "backup_owner", "status", "decommissioned_at:t", "created_at:t", "last_reviewed_at:t", "vendor",
                "identity_type", "identity_id", "alert_channel", "incident_trigger", "runbook", "kill_switch_method",
                "kill_switch_tested_at:t", "tools", "grants", "attributes", "source_file", "source_line:l");
        this.credentials = new Table("credential", "credential_seq", "upload_id:l", "id", "type", "holders", "environment",
                "issuer", "storage", "location", "scopes", "created_at:t", "expires_at:t", "ttl_seconds:l",
                "last_rotated_at:t", "last_used_at:t", "status", "revoked_at:t", "exposure_at:t", "exposure_where",
                "attributes", "source_file", "source_line:l");
        this.secrets = new Table("secret_finding", "secret_finding_seq", "upload_id:l", "credential_id", "agent_id", "kind",
                "field", "found_at:t", "source_file", "source_line:l");
    }

    public void person(PersonRecord p, String attributes) throws SQLException {
        people.add(p.source().uploadId(), p.id(), p.name(), p.email(), p.team(), p.manager(), p.status(), p.departedAt(),
                attributes, p.source().file(), p.source().line());
    }

    public void agent(AgentRecord a, String attributes) throws SQLException {
        agents.add(a.source().uploadId(), a.id(), a.name(), a.autonomy() == null ? null : a.autonomy().wire(),
                a.environment(), a.team(), a.owner(), a.backupOwner(), a.status(), a.decommissionedAt(), a.createdAt(),
                a.lastReviewedAt(), a.vendor(), a.identityType(), a.identityId(), a.alertChannel(), a.incidentTrigger(),
                a.runbook(), a.killSwitchMethod(), a.killSwitchTestedAt(), StringListConverter.write(a.tools()),
                StringListConverter.write(a.grants()), attributes, a.source().file(), a.source().line());
    }

    public void credential(CredentialRecord c, String attributes) throws SQLException {
        credentials.add(c.source().uploadId(), c.id(), c.type(), StringListConverter.write(c.holders()), c.environment(),
                c.issuer(), c.storage(), c.location(), StringListConverter.write(c.scopes()), c.createdAt(), c.expiresAt(),
                c.ttlSeconds(), c.lastRotatedAt(), c.lastUsedAt(), c.status(), c.revokedAt(), c.exposedAt(),
                c.exposureWhere(), attributes, c.source().file(), c.source().line());
    }

    public void secret(SecretFinding f) throws SQLException {
        secrets.add(f.source().uploadId(), f.credentialId(), f.agentId(), f.kind(), f.field(), f.foundAt(),
                f.source().file(), f.source().line());
    }

    /** Sends every buffered row; call before anything reads or updates the rows in the same transaction. */
    public void flush() throws SQLException {
        people.flush();
        agents.flush();
        credentials.flush();
        secrets.flush();
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (Table t : List.of(people, agents, credentials, secrets)) {
            try {
                t.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** One table: buffered rows, a multi-row statement prepared on first use, keys from its sequence. */
    private final class Table {
        private final String insert;
        private final String nextKey;
        private final int columns;
        /** SQL type of each column (after pk), for typed nulls: PostgreSQL refuses a VARCHAR null in a timestamp. */
        private final int[] types;
        private final List<Object[]> buffer = new ArrayList<>(ROWS);
        private PreparedStatement multi;
        private int pending;
        private long nextPk;
        private long lastPk = -1;

        /** {@code columns}: names, suffixed {@code :l} for BIGINT and {@code :t} for timestamps (else text). */
        Table(String table, String sequence, String... columns) {
            this.columns = columns.length + 1;
            this.types = new int[columns.length + 1];
            List<String> names = new ArrayList<>();
            types[0] = Types.BIGINT;
            for (int i = 0; i < columns.length; i++) {
                String[] c = columns[i].split(":");
                names.add(c[0]);
                types[i + 1] = c.length == 1 ? Types.VARCHAR : c[1].equals("l") ? Types.BIGINT : Types.TIMESTAMP_WITH_TIMEZONE;
            }
            this.insert = "INSERT INTO " + table + " (pk, " + String.join(", ", names) + ") VALUES ";
            this.nextKey = postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
        }

        void add(Object... values) throws SQLException {
            Object[] row = new Object[columns];
            row[0] = pk();
            System.arraycopy(values, 0, row, 1, values.length);
            buffer.add(row);
            if (buffer.size() == ROWS) {
                if (multi == null) {
                    multi = connection.prepareStatement(insert + placeholders(ROWS));
                }
                bind(multi, buffer);
                buffer.clear();
                multi.addBatch();
                if (++pending >= STATEMENTS_PER_BATCH) {
                    multi.executeBatch();
                    pending = 0;
                }
            }
        }

        private long pk() throws SQLException {
            if (nextPk > lastPk) {
                try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(nextKey)) {
                    r.next();
                    nextPk = r.getLong(1);
                    lastPk = nextPk + BLOCK - 1;
                }
            }
            return nextPk++;
        }

        private String placeholders(int rows) {
            String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
            return String.join(", ", Collections.nCopies(rows, row));
        }

        private void bind(PreparedStatement s, List<Object[]> rows) throws SQLException {
            int i = 1;
            for (Object[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    set(s, i++, row[c], types[c]);
                }
            }
        }

        private void set(PreparedStatement s, int i, Object v, int type) throws SQLException {
            if (v == null) {
                s.setNull(i, type);
            } else if (v instanceof String text) {
                s.setString(i, text);
            } else if (v instanceof Long n) {
                s.setLong(i, n);
            } else if (v instanceof Instant t) {
                s.setObject(i, t.atOffset(ZoneOffset.UTC));
            } else {
                throw new IllegalArgumentException("unexpected column value " + v.getClass());
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                multi.executeBatch();
                pending = 0;
            }
            if (!buffer.isEmpty()) {
                try (PreparedStatement rest = connection.prepareStatement(insert + placeholders(buffer.size()))) {
                    bind(rest, buffer);
                    rest.executeUpdate();
                }
                buffer.clear();
            }
        }

        void close() throws SQLException {
            if (multi != null) {
                multi.close();
            }
        }
    }
}
