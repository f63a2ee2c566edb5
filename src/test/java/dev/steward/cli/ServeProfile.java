package dev.steward.cli;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * {@code serve}'s start with evidence exports enabled, in a database and data folder of its own, so the runs and
 * bundles it makes are not other test classes' "latest assessment" or published bundles.
 */
public class ServeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:steward-serve;DB_CLOSE_DELAY=-1",
                "steward.data-dir", "target/test-data-serve",
                "steward.exports.enabled", "true");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
