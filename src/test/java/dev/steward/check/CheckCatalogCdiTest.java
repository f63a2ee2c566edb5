package dev.steward.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CDI discovers every rule class: the injected catalog equals the one built with {@code new}. The database plays no
 * part in discovery, so this test does not migrate it at start.
 */
@QuarkusTest
@TestProfile(CheckCatalogCdiTest.NoMigration.class)
class CheckCatalogCdiTest {

    /** Starts the container without running the Flyway migration. */
    public static class NoMigration implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.migrate-at-start", "false");
        }
    }

    @Inject
    CheckCatalog catalog;

    @Test
    void containerDiscoversEveryCheckInCatalogOrder() {
        assertThat(catalog.all()).extracting(Check::id)
                .containsExactlyElementsOf(CheckCatalog.allChecks().stream().map(Check::id).toList());
        assertThat(catalog.byId("DET-1")).isPresent();
    }
}
