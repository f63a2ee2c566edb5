package dev.steward.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 store as the shipped configuration opens it (the prod profile of application.properties, not the
 * tests' in-memory database): its page cache is {@code steward.h2-cache-kb}, 2 MiB unless set, not H2's own 16 MiB
 * (docs/benchmarks.md: a larger cache tenures the window scan's pages and brings a full collection into the run), and
 * it compacts its file in the background below {@code steward.h2-compact-fill-rate}, 50 % unless set, not H2's own 90 %
 * (docs/benchmarks.md: at 90 it moved chunks beside an assessment).
 */
class H2StoreSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void theShippedUrlGivesH2ASmallPageCache() throws Exception {
        Map<String, String> settings = settings(Map.of());
        assertThat(settings).containsEntry("CACHE_SIZE", "2048").containsEntry("info.CACHE_MAX_SIZE", "2");
    }

    @Test
    void theCacheSizeIsAKeyOfItsOwn() throws Exception {
        assertThat(settings(Map.of("steward.h2-cache-kb", "8192"))).containsEntry("info.CACHE_MAX_SIZE", "8");
    }

    @Test
    void theShippedUrlHoldsBackH2sBackgroundCompaction() throws Exception {
        assertThat(settings(Map.of())).containsEntry("AUTO_COMPACT_FILL_RATE", "50");
    }

    @Test
    void theCompactionFillRateIsAKeyOfItsOwn() throws Exception {
        // not 90, H2's own default: the key must reach H2, not just agree with it
        assertThat(settings(Map.of("steward.h2-compact-fill-rate", "75")))
                .containsEntry("AUTO_COMPACT_FILL_RATE", "75");
    }

    @Test
    void theUrlKeepsItsOtherOptionsAcrossItsContinuationLine() throws Exception {
        assertThat(config(Map.of()).getValue("quarkus.datasource.jdbc.url", String.class))
                .isEqualTo("jdbc:h2:file:" + dataDir.toAbsolutePath()
                        + "/steward;AUTO_SERVER=TRUE;LOCK_TIMEOUT=30000;CACHE_SIZE=2048;AUTO_COMPACT_FILL_RATE=50");
    }

    /** H2's settings of a fresh file database opened with the shipped URL and {@code overrides}. */
    private Map<String, String> settings(Map<String, String> overrides) throws IOException, SQLException {
        SmallRyeConfig config = config(overrides);
        Map<String, String> found = new HashMap<>();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS")) {
            while (r.next()) {
                found.put(r.getString(1), r.getString(2));
            }
        }
        return found;
    }

    private SmallRyeConfig config(Map<String, String> overrides) throws IOException {
        URL shipped = getClass().getClassLoader().getResource("application.properties");
        assertThat(shipped).as("application.properties on the class path").isNotNull();
        Map<String, String> mine = new HashMap<>(overrides);
        mine.put("steward.data-dir", dataDir.toAbsolutePath().toString());
        return new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(shipped, 100))
                .withSources(new PropertiesConfigSource(mine, "test", 500))
                .build();
    }
}
