package dev.steward.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** CDI discovers every rule class: the injected catalog equals the one built with {@code new}. */
@QuarkusTest
class CheckCatalogCdiTest {

    @Inject
    CheckCatalog catalog;

    @Test
    void containerDiscoversEveryCheckInCatalogOrder() {
        assertThat(catalog.all()).extracting(Check::id)
                .containsExactlyElementsOf(CheckCatalog.allChecks().stream().map(Check::id).toList());
        assertThat(catalog.byId("DET-1")).isPresent();
    }
}
