package dev.steward.ui;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Steward configured for single sign-on against {@link FakeOidcProvider}, in a database of its own. */
public class OidcProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:steward-oidc;DB_CLOSE_DELAY=-1",
                "steward.data-dir", "target/test-data-oidc");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeOidcProvider.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
