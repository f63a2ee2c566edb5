package dev.steward.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Export retention on PostgreSQL in a database of its own (created in the shared embedded server), with
 * {@code steward.exports.keep=1}.
 */
public class RetentionPostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.db-kind", "postgresql", "steward.exports.keep", "1");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Database.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }

    /** Creates the database {@value #NAME} on the embedded server and points the datasource at it. */
    public static class Database implements QuarkusTestResourceLifecycleManager {

        static final String NAME = "steward_retention";

        @Override
        public Map<String, String> start() {
            Map<String, String> shared = new HashMap<>(new EmbeddedPostgresResource().start());
            String url = shared.get("quarkus.datasource.jdbc.url");
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                c.createStatement().execute("CREATE DATABASE " + NAME);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) {
                    throw new IllegalStateException("cannot create the retention test database", e);
                }
            }
            shared.put("quarkus.datasource.jdbc.url", url.replaceFirst("/postgres\\?", "/" + NAME + "?"));
            return shared;
        }

        @Override
        public void stop() {
            // the embedded server is shared and lives as long as the test JVM
        }
    }
}
