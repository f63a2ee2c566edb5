package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.steward.assessment.AssessmentService;
import dev.steward.ingest.IngestService;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import dev.steward.testing.AssessmentFixture;
import dev.steward.testing.Csv;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scores page lists the latest run's roll-ups as the API gives them, in the order asked, owners by name, each
 * linking to its ownership gaps; a manager sees its teams' entries only; the download holds every row.
 */
@QuarkusTest
class ScoresPageTest {

    private static final String ADMIN = "test-admin-token";
    static AssessmentFixture f;
    static String runId;

    @Inject
    IngestService ingest;
    @Inject
    AssessmentService assessments;
    @Inject
    TokenService tokens;

    @BeforeEach
    void fixture() {
        f = new AssessmentFixture();
        f.ingestAll(ingest);
        // a new fixture each time, so a new run: the latest created, the one the pages read
        runId = assessments.assess(Instant.parse("2030-03-05T00:00:00Z"), null, "test").run().id();
    }

    /** The rows of a page's CSV download: the header, then one list of cells a row. */
    private static List<List<String>> csv(String token, String query) {
        return Csv.parse(given().auth().oauth2(token).get("/scores?" + query + "&download=csv").then().statusCode(200)
                .extract().asString());
    }

    private static List<Map<String, Object>> api(String token, String dimension, String sort) {
        return given().auth().oauth2(token).get("/api/v1/assessments/" + runId + "/rollups/" + dimension
                + "?size=1000&sort=" + sort).then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void everyRollupInTheOrderAskedAsTheApiGivesIt() {
        for (String by : List.of("teams", "owners", "managers", "environments")) {
            boolean people = by.equals("owners") || by.equals("managers");
            for (String sort : List.of("failures", "score", "key")) {
                List<List<String>> rows = csv(ADMIN, "by=" + by + "&sort=" + sort + "&table=scores-" + by);
                List<Map<String, Object>> entries = api(ADMIN, by, sort);
                assertThat(rows).as(by + " by " + sort).hasSize(entries.size() + 1);
                int fail = people ? 4 : 3;
                assertThat(rows.get(0).get(fail - 2)).isEqualTo("Score");
                assertThat(rows.get(0).get(fail)).isEqualTo("FAIL");
                for (int i = 0; i < entries.size(); i++) {
                    Map<?, ?> e = entries.get(i);
                    List<String> row = rows.get(i + 1);
                    assertThat(row.get(people ? 1 : 0)).isEqualTo(e.get("key"));
                    assertThat(row.get(fail)).isEqualTo(String.valueOf(((Map<?, ?>) e.get("results")).get("fail")));
                }
            }
        }
        String owners = given().auth().oauth2(ADMIN).get("/scores?by=owners&rows=5000").then().statusCode(200)
                .extract().asString();
        assertThat(owners).contains("<a href=\"/gaps?show=all&amp;owner=p-dora-" + f.s + "\">Dora</a>")
                .contains("Scores by owner").contains("/api/v1/assessments/" + runId + "/rollups/owners");
        given().auth().oauth2(ADMIN).get("/scores?by=colours&sort=worst").then().statusCode(200)
                .body(containsString("Scores by team"));
        given().redirects().follow(false).get("/scores?by=owners").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.equalTo("/login?next=%2Fscores%3Fby%3Downers"));
    }

    @Test
    void aManagerSeesItsTeamsOnly() {
        String manager = QuarkusTransaction.requiringNew().call(() -> tokens.create("m-" + UUID.randomUUID(),
                Role.MANAGER, List.of(f.team()), null, "test")).token();
        List<List<String>> teams = csv(manager, "by=teams&table=scores-teams");
        assertThat(teams).hasSize(2);
        assertThat(teams.get(1).get(0)).isEqualTo(f.team());
        assertThat(teams.get(1).get(3)).isEqualTo(String.valueOf(((Map<?, ?>) api(manager, "teams", "key").get(0)
                .get("results")).get("fail")));
        List<List<String>> owners = csv(manager, "by=owners&table=scores-owners");
        assertThat(owners.stream().skip(1).map(r -> r.get(1)).toList()).containsExactly("p-dora-" + f.s);
        assertThat(csv(ADMIN, "by=owners&table=scores-owners").stream().skip(1).map(r -> r.get(1)).toList())
                .contains("p-dora-" + f.s, "p-ana-" + f.s);
    }
}
