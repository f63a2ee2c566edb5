package dev.steward.ui;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The browser tests' own in-memory database, so the sample data they ingest (and the "latest assessment" every page
 * shows) is theirs alone and other test classes keep their exact counts.
 */
public class WebProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:steward-web;DB_CLOSE_DELAY=-1",
                "steward.data-dir", "target/test-data-web",
                // sample-data has 39 owners: the gaps page shows the owner filter as a text field, as for a large organisation
                "steward.web.filter-list-limit", "20");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
