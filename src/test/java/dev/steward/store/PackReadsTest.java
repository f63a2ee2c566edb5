package dev.steward.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PackReads} on a plain embedded H2 database: order, bodies, keys beyond one fetch, a pack gone mid-read. */
class PackReadsTest {

    private static final String KEYS = "SELECT upload_id, pack FROM p WHERE upload_id >= ?"
            + " ORDER BY upload_id DESC, pack";
    private static final String BODY = "SELECT data FROM p WHERE upload_id = ? AND pack = ?";

    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:h2:mem:packreads;DB_CLOSE_DELAY=-1", "sa", "");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE p (upload_id BIGINT, pack INTEGER, data VARBINARY(100),"
                    + " PRIMARY KEY (upload_id, pack))");
        }
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE p");
        }
        c.close();
    }

    private void insert(long upload, int pack) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO p VALUES (?, ?, ?)")) {
            s.setLong(1, upload);
            s.setInt(2, pack);
            s.setBytes(3, (upload + "/" + pack).getBytes(StandardCharsets.UTF_8));
            s.executeUpdate();
        }
    }

    @Test
    void givesEachSelectedPackWithItsBodyInTheKeysOrder() throws Exception {
        // more keys than the first arrays hold, so they grow; upload 1 is filtered out by the keys query
        for (long upload = 1; upload <= 3; upload++) {
            for (int pack = 0; pack < 150; pack++) {
                insert(upload, pack);
            }
        }
        List<String> seen = new ArrayList<>();
        PackReads.each(c, KEYS, s -> s.setLong(1, 2), BODY, "p", (upload, pack, body) -> {
            String text = new String(body, StandardCharsets.UTF_8);
            assertThat(text).isEqualTo(upload + "/" + pack);
            seen.add(text);
        });
        assertThat(seen).hasSize(300);
        assertThat(seen.subList(0, 3)).containsExactly("3/0", "3/1", "3/2");
        assertThat(seen.subList(150, 152)).containsExactly("2/0", "2/1");
        assertThat(seen.get(299)).isEqualTo("2/149");
    }

    @Test
    void aPackDeletedAfterItsKeyWasListedIsNamed() throws Exception {
        insert(7, 0);
        insert(7, 1);
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> PackReads.each(c, KEYS, s -> s.setLong(1, 0), BODY, "decision_pack",
                (upload, pack, body) -> {
                    seen.add(pack);
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("DELETE FROM p WHERE pack = 1");
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("decision_pack 1 of upload 7 was deleted while it was read");
        assertThat(seen).containsExactly(0);
    }

    @Test
    void noKeysNoPacks() throws Exception {
        insert(1, 0);
        List<Long> seen = new ArrayList<>();
        PackReads.each(c, KEYS, s -> s.setLong(1, 5), BODY, "p", (upload, pack, body) -> seen.add(upload));
        assertThat(seen).isEmpty();
    }
}
