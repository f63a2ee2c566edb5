package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.RunDiff;
import dev.steward.ingest.IngestService;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The overview lists at most 100 changed findings on the page and says how many there are; its download holds every
 * one the run listed. Between two runs 120 agents without an owner appear, with about ten new findings each: more than
 * the run lists of one kind, which the table's title says.
 */
@QuarkusTest
class OverviewChangesLimitTest {

    @Inject
    IngestService ingest;
    @Inject
    AssessmentService assessments;

    @Test
    void thePageShowsTheFirstHundredChangesAndTheDownloadAllOfThem() {
        AssessmentFixture f = new AssessmentFixture();
        Instant asOf = Instant.parse("2030-03-07T00:00:00Z");
        assessments.assess(asOf, Duration.ofDays(90), "test");
        StringBuilder inventory = new StringBuilder("apiVersion: steward/v1\nkind: Inventory\nasOf: 2030-01-01T00:00:00Z\n"
                + "source: fixture-" + f.s + "\nagents:\n");
        for (int i = 0; i < 120; i++) {
            inventory.append("  - id: unowned-").append(i).append('-').append(f.s).append("\n    team: ").append(f.team())
                    .append("\n    environment: dev\n    status: active\n    createdAt: 2029-01-01\n");
        }
        f.ingest(ingest, "inventory-" + f.s + ".yaml", inventory.toString());
        RunDiff diff = assessments.assess(asOf, Duration.ofDays(90), "test").run().diff();
        long changes = diff.counts().newFindings() + diff.counts().resolved() + diff.counts().regressed()
                + diff.counts().improved() + diff.counts().changed();
        assertThat(changes).isGreaterThanOrEqualTo(120);
        // the run lists at most steward.assessment.diff-max-listed (1000) findings of each kind
        long listed = diff.newFindings().size() + diff.resolved().size() + diff.regressed().size() + diff.improved().size()
                + diff.changed().size();

        Document page = Jsoup.parse(given().auth().oauth2("test-admin-token").get("/").then().statusCode(200).extract()
                .asString());
        assertThat(page.select("#table-changes tbody tr")).hasSize(100);
        assertThat(page.select("#table-changes .more").text())
                .isEqualTo("Showing the first 100 of " + listed + " rows; the CSV and XLSX downloads hold all of them.");
        assertThat(page.select("#table-changes h2").text()).contains(diff.counts().newFindings() + " new")
                .contains(diff.truncated() ? "(the run lists at most 1000 of each kind)" : "changed");
        String csv = given().auth().oauth2("test-admin-token").get("/?download=csv&table=changes").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().filter(l -> l.contains("unowned-")).count()).isGreaterThanOrEqualTo(120);
        assertThat(csv.lines().count()).isEqualTo(listed + 1);
        // the other tables are not cut
        assertThat(page.select("#table-framework-scores .more")).isEmpty();
    }
}
