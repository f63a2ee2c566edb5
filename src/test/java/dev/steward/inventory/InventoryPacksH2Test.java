package dev.steward.inventory;

import static dev.steward.testing.TestFiles.agent;
import static dev.steward.testing.TestFiles.inventory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.InputFile;
import dev.steward.testing.TestFiles;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inventory packs an ingest writes on H2 ({@link InventoryLoads#pack}): a load reads them, and reads exactly what
 * the tables hold, whether one pack a section or many, or no packs at all (uploads from before them); a damaged pack
 * fails the load naming its upload, section and pack. ({@link InventoryLoadContract} compares the loads with the entity
 * listings on both databases.)
 */
@QuarkusTest
class InventoryPacksH2Test {

    private static final Instant AT = Instant.parse("2031-03-01T00:00:00Z");

    @Inject
    IngestService ingest;

    @Inject
    InventoryLoads loads;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    jakarta.transaction.UserTransaction tx;

    final TestFiles files = new TestFiles();
    final String s = UUID.randomUUID().toString().substring(0, 8);
    long upload;

    @BeforeEach
    void anInventory() {
        StringBuilder agents = new StringBuilder();
        StringBuilder credentials = new StringBuilder("credentials:\n");
        for (int i = 9; i >= 0; i--) {
            agents.append(agent("pk-" + i + "-" + s)).append(i % 2 == 0 ? "    tools: [erp, mail]\n" : "");
            credentials.append("  - id: pkc-").append(i).append('-').append(s).append("\n    type: api-key\n")
                    .append("    holders: [pk-").append(i).append('-').append(s).append("]\n    storage: vault\n")
                    .append("    status: active\n").append(i % 3 == 0 ? "    ttlSeconds: 3600\n" : "");
        }
        String name = "packs-" + s + ".yaml";
        IngestReport r = ingest.ingest(new IngestRequest(List.of(new InputFile(name, files.write(name,
                inventory("2031-02-01T00:00:00Z", agents.toString()) + credentials))), "auto", null, null,
                "packs-" + s, "test", null, null));
        assertThat(r.status()).isEqualTo(IngestReport.Status.COMMITTED);
        upload = r.uploadId();
    }

    private long packs(String section) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM inventory_pack WHERE upload_id = ?1 AND section = ?2")
                .setParameter(1, upload).setParameter(2, section).getSingleResult()).longValue();
    }

    /** Runs in a transaction that is rolled back: what the test changes in the store is not kept. */
    private void rolledBack(Runnable body) throws Exception {
        tx.begin();
        try {
            body.run();
        } finally {
            tx.rollback();
        }
    }

    private void sql(String statement) {
        em.createNativeQuery(statement).setParameter(1, upload).executeUpdate();
    }

    @Test
    void aLoadReadsThePacksAsTheTables() throws Exception {
        InventoryLoads.Inventory packed = loads.load(AT);
        assertThat(packed.agents()).filteredOn(a -> a.id().endsWith(s)).hasSize(10);
        rolledBack(() -> {
            assertThat(List.of(packs("people"), packs("agents"), packs("credentials"))).containsExactly(1L, 1L, 1L);
            // the same upload in packs of three records, then without packs (read from its tables)
            sql("DELETE FROM inventory_pack WHERE upload_id = ?1");
            try (Connection c = dataSource.getConnection()) {
                InventoryLoads.pack(c, upload, 3);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            assertThat(packs("agents")).isEqualTo(4);
            assertThat(packs("people")).as("an empty section has its pack 0").isEqualTo(1);
            assertThat(loads.load(AT)).isEqualTo(packed);
            sql("DELETE FROM inventory_pack WHERE upload_id = ?1");
            assertThat(loads.load(AT)).isEqualTo(packed);
        });
    }

    /**
     * A secret dated by an asOf that came after it in the document: the exposure and the secret take that asOf (they
     * kept the time of ingestion while it had more digits than the database keeps), and the packs hold it too.
     */
    @Test
    void packsHoldTheExposureDatedAtTheEnd() throws Exception {
        String name = "late-" + s + ".yaml";
        String key = "late-k-" + s;
        IngestReport r = ingest.ingest(new IngestRequest(List.of(new InputFile(name, files.write(name,
                "apiVersion: steward/v1\nkind: Inventory\nsource: test\nagents:\n" + agent("late-a-" + s)
                        + "credentials:\n  - id: " + key + "\n    type: api-key\n    holders: [late-a-" + s + "]\n"
                        + "    storage: vault\n    status: active\n    location: \"AKIA" + "Q3EGRVQ5XKZ7TN2P\"\n"
                        + "asOf: 2031-02-02T00:00:00Z\n"))), "auto", null, null, "late-" + s, "test", null, null));
        assertThat(r.status()).isEqualTo(IngestReport.Status.COMMITTED);
        upload = r.uploadId();
        InventoryLoads.Inventory packed = loads.load(AT);
        assertThat(packed.credentials()).filteredOn(c -> c.id().equals(key)).singleElement()
                .satisfies(c -> assertThat(c.exposedAt()).isEqualTo(Instant.parse("2031-02-02T00:00:00Z")));
        // and so is the secret: both were stamped with the time of ingestion until the asOf was read
        assertThat(packed.secrets()).filteredOn(f -> key.equals(f.credentialId())).singleElement()
                .satisfies(f -> assertThat(f.foundAt()).isEqualTo(Instant.parse("2031-02-02T00:00:00Z")));
        rolledBack(() -> {
            assertThat(packs("credentials")).isEqualTo(1);
            sql("DELETE FROM inventory_pack WHERE upload_id = ?1");
            assertThat(loads.load(AT)).isEqualTo(packed);
        });
    }

    @Test
    void aDamagedPackFailsTheLoadNamingIt() throws Exception {
        rolledBack(() -> {
            sql("UPDATE inventory_pack SET data = X'0102' WHERE upload_id = ?1 AND section = 'agents'");
            assertThatThrownBy(() -> loads.load(AT)).hasMessageContaining("cannot read pack 0 of the agents of upload "
                    + upload + ": an inventory pack is corrupt");
        });
    }
}
