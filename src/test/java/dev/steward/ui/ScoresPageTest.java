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
        // a new fixture each time, so a new run: the latest created, the one the pages read; with a run before it, so
        // that it says how each team's scores moved
        assessments.assess(Instant.parse("2030-03-04T12:00:00Z"), null, "test");
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
        // the run before this one stored teams' framework scores: the team rows say how each team's score moved
        List<Map<String, Object>> moved = given().auth().oauth2(ADMIN).get("/api/v1/assessments/" + runId)
                .then().statusCode(200).extract().jsonPath().getList("diff.teams");
        assertThat(moved).as("compared with a run that stored teams' scores").isNotNull();
        for (String by : List.of("teams", "owners", "managers", "environments")) {
            boolean people = by.equals("owners") || by.equals("managers");
            for (String sort : List.of("failures", "score", "key")) {
                List<List<String>> rows = csv(ADMIN, "by=" + by + "&sort=" + sort + "&table=scores-" + by);
                List<Map<String, Object>> entries = api(ADMIN, by, sort);
                assertThat(rows).as(by + " by " + sort).hasSize(entries.size() + 1);
                int fail = rows.get(0).indexOf("FAIL");
                assertThat(rows.get(0).get(people ? 2 : 1)).isEqualTo("Score");
                assertThat(fail).as("after the score, (by team) its change, the coverage and five frameworks' scores")
                        .isEqualTo(by.equals("teams") ? 9 : people ? 4 : 3);
                assertThat(rows.get(0).indexOf("Change since previous")).isEqualTo(by.equals("teams") ? 2 : -1);
                for (int i = 0; i < entries.size(); i++) {
                    Map<?, ?> e = entries.get(i);
                    List<String> row = rows.get(i + 1);
                    assertThat(row.get(people ? 1 : 0)).isEqualTo(e.get("key"));
                    assertThat(row.get(fail)).isEqualTo(String.valueOf(((Map<?, ?>) e.get("results")).get("fail")));
                }
            }
        }
        // by team, a column per framework: the team's own score in it, as the run's summary stores it
        List<Map<String, Object>> stored = given().auth().oauth2(ADMIN).get("/api/v1/assessments/" + runId)
                .then().statusCode(200).extract().jsonPath().getList("summary.teamFrameworks");
        List<List<String>> teams = csv(ADMIN, "by=teams&sort=key&table=scores-teams");
        assertThat(stored).hasSize(teams.size() - 1);
        for (Map<String, Object> team : stored) {
            List<String> row = teams.stream().filter(r -> r.get(0).equals(team.get("team"))).findFirst().orElseThrow();
            for (Object o : (List<?>) team.get("frameworks")) {
                Map<?, ?> fw = (Map<?, ?>) o;
                int col = teams.get(0).indexOf("Score in " + fw.get("framework"));
                assertThat(col).as("a column for " + fw.get("framework")).isPositive();
                assertThat(row.get(col)).as(team.get("team") + " in " + fw.get("framework")).isEqualTo(
                        fw.get("score") == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.4f",
                                ((Number) fw.get("score")).doubleValue()));
            }
        }
        // each team's change: the diff's, or none (+0.00 pts) for a team the diff does not list
        Map<Object, Map<String, Object>> byTeam = new java.util.HashMap<>();
        moved.forEach(m -> byTeam.put(m.get("team"), m));
        for (List<String> row : teams.subList(1, teams.size())) {
            Map<String, Object> m = byTeam.get(row.get(0));
            Object delta = m == null ? 0.0 : m.get("delta");
            // formula-safe: a leading sign gets an apostrophe in the CSV
            assertThat(row.get(2)).as(row.get(0)).isEqualTo(delta == null ? "\u2013" : "'" + String.format(
                    java.util.Locale.ROOT, "%+.2f pts", ((Number) delta).doubleValue() * 100));
        }
        assertThat(csv(ADMIN, "by=owners&table=scores-owners").get(0)).noneMatch(h -> h.startsWith("Score in "));
        String owners = given().auth().oauth2(ADMIN).get("/scores?by=owners&rows=5000").then().statusCode(200)
                .extract().asString();
        assertThat(given().auth().oauth2(ADMIN).get("/scores?by=teams").then().statusCode(200).extract().asString())
                .as("the page says what the column of changes is")
                .contains("The change since the previous run follows");
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
        Map<?, ?> mineApi = api(manager, "teams", "key").get(0);
        assertThat(teams.get(1).get(teams.get(0).indexOf("FAIL")))
                .isEqualTo(String.valueOf(((Map<?, ?>) mineApi.get("results")).get("fail")));
        List<Map<String, Object>> mine = given().auth().oauth2(manager).get("/api/v1/assessments/" + runId)
                .then().statusCode(200).extract().jsonPath().getList("summary.teamFrameworks");
        assertThat(mine).as("the run's teams' framework scores, its team's alone")
                .extracting(m -> m.get("team")).containsExactly(f.team());
        assertThat(teams.get(0)).contains("Score in owasp-nhi-2025");
        List<Map<String, Object>> moved = given().auth().oauth2(manager).get("/api/v1/assessments/" + runId)
                .then().statusCode(200).extract().jsonPath().getList("diff.teams");
        assertThat(moved).as("the manager's diff: its team's entry or none").hasSizeLessThanOrEqualTo(1)
                .allSatisfy(m -> assertThat(m.get("team")).isEqualTo(f.team()));
        // the manager's overview lists them too, a line per framework; an admin's overview does not
        List<List<String>> overview = Csv.parse(given().auth().oauth2(manager)
                .get("/?download=csv&table=team-framework-scores").then().statusCode(200).extract().asString());
        List<?> frameworks = (List<?>) mine.get(0).get("frameworks");
        assertThat(overview).hasSize(frameworks.size() + 1);
        assertThat(overview.get(0).subList(1, 4)).containsExactly("Framework", "Score", "Change since previous");
        for (int i = 0; i < frameworks.size(); i++) {
            Map<?, ?> fw = (Map<?, ?>) frameworks.get(i);
            assertThat(overview.get(i + 1)).startsWith(f.team(), (String) fw.get("framework"),
                    fw.get("score") == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.0f%%",
                            ((Number) fw.get("score")).doubleValue() * 100));
            // the change in that framework: the manager's diff entry for the team, none when the diff does not list it
            Object delta = moved.isEmpty() ? 0.0 : ((List<?>) moved.get(0).get("frameworks")).stream()
                    .map(x -> (Map<?, ?>) x).filter(x -> x.get("ref").equals(fw.get("framework"))).findFirst()
                    .orElseThrow().get("delta");
            assertThat(overview.get(i + 1).get(3)).isEqualTo(delta == null ? "\u2013" : "'" + String.format(
                    java.util.Locale.ROOT, "%+.2f pts", ((Number) delta).doubleValue() * 100));
        }
        assertThat(given().auth().oauth2(ADMIN).get("/").then().statusCode(200).extract().asString())
                .contains("table-framework-scores").doesNotContain("team-framework-scores");
        List<List<String>> owners = csv(manager, "by=owners&table=scores-owners");
        assertThat(owners.stream().skip(1).map(r -> r.get(1)).toList()).containsExactly("p-dora-" + f.s);
        assertThat(csv(ADMIN, "by=owners&table=scores-owners").stream().skip(1).map(r -> r.get(1)).toList())
                .contains("p-dora-" + f.s, "p-ana-" + f.s);
    }
}
