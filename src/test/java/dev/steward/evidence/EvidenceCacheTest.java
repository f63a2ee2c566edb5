package dev.steward.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ingest.IngestService;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The inventory that reports and pages read is read once per run and kept, but never past something new being
 * stored: a page shown after an upload shows what the upload changed.
 */
@QuarkusTest
class EvidenceCacheTest {

    @Inject
    EvidenceLoader loader;

    @Inject
    IngestService ingest;

    @Test
    void theInventoryOfReportsIsReadOnceAndAgainWhenSomethingNewIsStored() {
        AssessmentFixture f = new AssessmentFixture();
        f.ingest(ingest, "inventory-" + f.s + ".yaml", f.inventory(false));
        Instant at = Instant.parse("2030-02-15T00:00:00Z");
        Instant windowStart = at.minus(Duration.ofDays(90));
        String dora = "p-dora-" + f.s;

        Evidence first = loader.inventory(at, windowStart);
        assertThat(first.person(dora)).hasValueSatisfying(p -> assertThat(p.active()).isTrue());
        assertThat(first.agent(f.botA())).isPresent();
        assertThat(loader.inventory(at, windowStart)).as("the same run's inventory, kept").isSameAs(first);

        // a new upload in force at the same instant: Dora has left since the first read
        f.ingest(ingest, "left-" + f.s + ".yaml", f.inventory(true));
        Evidence after = loader.inventory(at, windowStart);
        assertThat(after).isNotSameAs(first);
        assertThat(after.person(dora)).hasValueSatisfying(p -> assertThat(p.active()).isFalse());
        assertThat(loader.inventory(at, windowStart)).isSameAs(after);
        assertThat(loader.inventory(at, windowStart.plusSeconds(1))).as("another window is another read").isNotSameAs(after);
    }
}
