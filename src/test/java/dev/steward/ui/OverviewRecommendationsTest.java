package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.Recommendation;
import dev.steward.assessment.TeamRecommendation;
import dev.steward.ingest.IngestService;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The overview's recommendation per team lists the teams to act on first, and at most 100 of them on the page, saying
 * how many teams have each recommendation; its download holds every team. 120 teams named to sort before the fixture's
 * ("aa-...") need nothing done, so a table in team order would start with them.
 */
@QuarkusTest
class OverviewRecommendationsTest {

    @Inject
    IngestService ingest;
    @Inject
    AssessmentService assessments;

    @Test
    void theTeamsToActOnComeFirstAndThePageShowsAHundred() {
        AssessmentFixture f = new AssessmentFixture();
        f.ingestAll(ingest);
        StringBuilder quiet = new StringBuilder("agents:\n");
        for (int i = 0; i < 120; i++) {
            quiet.append("  - id: quiet-").append(i).append('-').append(f.s)
                    .append("\n    team: aa-").append(i).append('-').append(f.s)
                    .append("\n    environment: dev\n    status: active\n    createdAt: 2029-01-01\n");
        }
        // the fixture's inventory with the 120 teams' agents added, in force from 2050 only, so that no other test's
        // run (as of 2030-2041, or now) has these teams
        f.ingest(ingest, "teams-" + f.s + ".yaml", f.inventory(false).replace("agents:\n", quiet.toString())
                .replace("asOf: 2030-01-01T00:00:00Z", "asOf: 2050-01-01T00:00:00Z"));
        List<TeamRecommendation> recs = assessments.assess(Instant.parse("2050-03-09T00:00:00Z"), Duration.ofDays(90),
                "test").run().summary().recommendations();
        Map<Recommendation, Integer> counts = new TreeMap<>();
        recs.forEach(r -> counts.merge(r.recommendation(), 1, Integer::sum));
        assertThat(counts).as("the fixture's teams to act on").containsKey(Recommendation.ROTATION_FIRST);
        List<Recommendation> byName = recs.stream().map(TeamRecommendation::recommendation).toList();
        assertThat(byName).as("the run lists teams by name, a maintain team before one to act on").isNotEqualTo(
                byName.stream().sorted().toList());

        Document page = Jsoup.parse(given().auth().oauth2("test-admin-token").get("/").then().statusCode(200).extract()
                .asString());
        List<String> told = new ArrayList<>();
        counts.forEach((r, n) -> told.add(n + " " + r.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        assertThat(page.select("#table-recommendations h2").text())
                .isEqualTo("Recommendation per team: " + String.join(", ", told));
        List<Element> rows = page.select("#table-recommendations tbody tr");
        assertThat(rows).hasSize(100);
        assertThat(page.select("#table-recommendations .more").text())
                .isEqualTo("Showing the first 100 of " + recs.size()
                        + " rows; the CSV and XLSX downloads hold all of them.");
        List<Recommendation> shown = rows.stream().map(r -> Recommendation.valueOf(r.child(1).text()
                .toUpperCase(Locale.ROOT).replace('-', '_'))).toList();
        assertThat(shown).as("governance first, then rotation first, then maintain").isSorted();
        assertThat(shown.get(0)).isNotEqualTo(Recommendation.MAINTAIN);

        String csv = given().auth().oauth2("test-admin-token").get("/?download=csv&table=recommendations").then()
                .statusCode(200).extract().asString();
        assertThat(csv.lines().count()).as("every team and the header").isEqualTo(recs.size() + 1);
        assertThat(csv.lines().filter(l -> l.startsWith("aa-")).count()).isEqualTo(120);
    }
}
