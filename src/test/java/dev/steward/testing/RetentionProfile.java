package dev.steward.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Export retention on H2 in a database of its own ({@code steward.exports.keep=1}), so purging old bundles cannot touch
 * the bundles other test classes published.
 */
public class RetentionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:retention;DB_CLOSE_DELAY=-1", "steward.exports.keep", "1");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
