package dev.steward.ingest;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import dev.steward.inventory.InventoryRows;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The inventory sink that stores records of one upload in its transaction, with plain JDBC batches
 * ({@link InventoryRows}) on the transaction's connection. Once any error is known it stops writing (the upload will
 * roll back) while reading goes on to list every problem. Memory holds at most one multi-row statement per table.
 */
final class InventoryStore implements InventorySink {

    private final InventoryRows rows;
    private final Problems problems;
    private long people;
    private long agents;
    private long credentials;
    private final Set<RecordMapper.Section> sections = EnumSet.noneOf(RecordMapper.Section.class);
    private long secrets;
    Instant asOf;
    String source;

    InventoryStore(InventoryRows rows, Problems problems) {
        this.rows = rows;
        this.problems = problems;
    }

    @Override
    public void section(RecordMapper.Section section) {
        sections.add(section);
    }

    @Override
    public void meta(Instant asOf, String source) {
        if (asOf != null) {
            this.asOf = asOf;
        }
        if (source != null) {
            this.source = source;
        }
    }

    @Override
    public void person(PersonRecord p, String attributes) {
        people++;
        if (writing()) {
            sql(() -> rows.person(p, attributes));
        }
    }

    @Override
    public void agent(AgentRecord a, String attributes) {
        agents++;
        if (writing()) {
            sql(() -> rows.agent(a, attributes));
        }
    }

    @Override
    public void credential(CredentialRecord c, String attributes) {
        credentials++;
        if (writing()) {
            sql(() -> rows.credential(c, attributes));
        }
    }

    @Override
    public void secret(SecretFinding finding) {
        secrets++;
        if (writing()) {
            sql(() -> rows.secret(finding));
        }
    }

    private boolean writing() {
        return !problems.hasErrors();
    }

    /** Sends the buffered rows, so the transaction can read or update them. */
    void flush() {
        sql(rows::flush);
    }

    @FunctionalInterface
    private interface Write {
        void run() throws SQLException;
    }

    private static void sql(Write w) {
        try {
            w.run();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the inventory: " + e.getMessage(), e);
        }
    }

    boolean has(RecordMapper.Section section) {
        return sections.contains(section);
    }

    long people() {
        return people;
    }

    long agents() {
        return agents;
    }

    long credentials() {
        return credentials;
    }

    long secrets() {
        return secrets;
    }
}
