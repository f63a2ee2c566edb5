package dev.steward.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ingest.IngestService;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import dev.steward.testing.AssessmentFixture;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A manager token sees, through the assessment API, only the subjects of its teams: findings, explanations, FAIL counts
 * of controls, roll-ups and recommendations; an admin sees the other team's and the shadow agent's too. The fixture
 * has team pay-* (bot A, key A) and team ops-* (bot B with key B in an env-var, a CRD-3 FAIL), and a shadow agent.
 */
public abstract class ManagerScopeContract {

    private static final String ADMIN = "test-admin-token";
    /** One fixture and run per database (subclass): the H2 and PostgreSQL applications have separate stores. */
    private static final Map<Class<?>, Assessed> RUNS = new java.util.HashMap<>();

    private record Assessed(AssessmentFixture fixture, String runId) {
    }

    private AssessmentFixture fixture;
    private String runId;

    @Inject
    IngestService ingest;

    @Inject
    TokenService tokens;

    String manager;

    @BeforeEach
    void run() {
        Assessed state = RUNS.computeIfAbsent(getClass(), c -> {
            AssessmentFixture f = new AssessmentFixture();
            f.ingestAll(ingest);
            String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body("{\"asOf\":\"2030-03-07T00:00:00Z\",\"window\":\"90d\"}").post("/api/v1/assessments")
                    .then().statusCode(201).extract().path("id");
            return new Assessed(f, id);
        });
        fixture = state.fixture();
        runId = state.runId();
        manager = tokens.create("m-" + UUID.randomUUID(), Role.MANAGER, List.of(fixture.team()), null, "test").token();
    }

    private JsonPath get(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void findingsAreThoseOfTheManagersTeamsOnly() {
        String base = "/api/v1/assessments/" + runId + "/findings?size=1000";
        JsonPath all = get(ADMIN, base);
        assertThat(all.getList("items.subjectId", String.class)).contains(fixture.keyB(), fixture.shadow());

        JsonPath mine = get(manager, base);
        List<String> subjects = mine.getList("items.subjectId", String.class);
        assertThat(subjects).isNotEmpty().doesNotContain(fixture.botB(), fixture.keyB(), fixture.shadow());
        assertThat(subjects).allMatch(s -> s.equals(fixture.botA()) || s.equals(fixture.keyA()));
        assertThat(mine.getList("items.team", String.class)).containsOnly(fixture.team());
        assertThat(mine.getLong("total")).isEqualTo(subjects.size()).isLessThan(all.getLong("total"));

        // asking for another team's findings gives nothing, not that team's findings
        assertThat(get(manager, base + "&team=ops-" + fixture.s).getList("items")).isEmpty();
        assertThat(get(ADMIN, base + "&team=ops-" + fixture.s).getList("items")).isNotEmpty();
    }

    @Test
    void explainShowsOnlyTheTeamsFindings() {
        String path = "/api/v1/assessments/" + runId + "/explain?control=owasp-asi-2026:ASI03&findings=1000";
        JsonPath all = get(ADMIN, path);
        JsonPath mine = get(manager, path);
        List<String> adminSubjects = all.getList("checks.findings.flatten().subjectId", String.class);
        List<String> managerSubjects = mine.getList("checks.findings.flatten().subjectId", String.class);
        assertThat(adminSubjects).contains(fixture.shadow());
        assertThat(managerSubjects).doesNotContain(fixture.shadow(), fixture.botB(), fixture.keyB());
        long adminCount = all.getList("checks.findingCount", Long.class).stream().mapToLong(Long::longValue).sum();
        long managerCount = mine.getList("checks.findingCount", Long.class).stream().mapToLong(Long::longValue).sum();
        assertThat(managerCount).isLessThan(adminCount).isEqualTo(managerSubjects.size());
        // why the control has its status is the organisation's answer, the same for both: the shadow agent's critical
        // INV-1 FAIL belongs to no team, so the manager's narrowed FAIL counts alone could not name it
        assertThat(all.getString("control.status")).isEqualTo("NOT_SATISFIED");
        assertThat(all.getString("statusReason")).contains("INV-1").contains("critical");
        assertThat(mine.getString("statusReason")).isEqualTo(all.getString("statusReason"));
        assertThat(all.getString("scoreRule")).contains("INV-1 x");
    }

    @Test
    void controlsCountOnlyTheTeamsFails() {
        String path = "/api/v1/assessments/" + runId + "/controls?framework=owasp-nhi-2025";
        assertThat(crd3Fails(get(ADMIN, path))).isPositive();
        assertThat(crd3Fails(get(manager, path))).isZero();
    }

    private static long crd3Fails(JsonPath controls) {
        List<Map<String, Object>> checks = controls.getList("checks.flatten()");
        return checks.stream().filter(c -> "CRD-3".equals(c.get("checkId")))
                .mapToLong(c -> ((Number) c.get("fails")).longValue()).max().orElseThrow();
    }

    @Test
    void rollupsAndRecommendationsAreThoseOfTheTeams() {
        String path = "/api/v1/assessments/" + runId;
        JsonPath all = get(ADMIN, path);
        assertThat(all.getList("summary.rollups.teams.key", String.class)).contains(fixture.team(), "ops-" + fixture.s);
        assertThat(all.getList("summary.rollups.owners.key", String.class)).contains("p-ana-" + fixture.s);

        JsonPath mine = get(manager, path);
        assertThat(mine.getList("summary.rollups.teams.key", String.class)).containsExactly(fixture.team());
        assertThat(mine.getList("summary.rollups.owners.key", String.class)).containsExactly("p-dora-" + fixture.s);
        assertThat(mine.getList("summary.recommendations.team", String.class)).containsExactly(fixture.team());
        assertThat(mine.getString("summary.recommendations[0].subjects.subjectId")).doesNotContain(fixture.botB());
        // the team's own numbers are the same as in the organisation-wide roll-up
        assertThat(mine.getMap("summary.rollups.teams[0]"))
                .isEqualTo(all.getMap("summary.rollups.teams.find { it.key == '" + fixture.team() + "' }"));
    }

    /** The people API: everyone for an admin; a manager of pay its team, and not another fixture's people. */
    @Test
    void peopleAreThoseTheTeamsAgentsName() {
        String at = "?asOf=2030-03-07T00:00:00Z";
        String own = "p-dora-" + fixture.s;
        JsonPath mine = get(manager, "/api/v1/people" + at + "&team=" + fixture.team());
        assertThat(mine.getList("items.id", String.class)).containsExactly("p-ana-" + fixture.s, "p-boss-" + fixture.s,
                "p-carl-" + fixture.s, own);
        assertThat(get(manager, "/api/v1/people/" + own + at).getString("name")).isEqualTo("Dora");
        assertThat(get(manager, "/api/v1/people" + at + "&manager=p-boss-" + fixture.s)
                .getList("items.id", String.class)).containsExactly("p-ana-" + fixture.s, own);
        // another fixture's directory: an admin sees it, this manager does not
        AssessmentFixture other = new AssessmentFixture();
        other.ingest(ingest, "people-" + other.s + ".yaml", other.inventory(false));
        String stranger = "p-ana-" + other.s;
        assertThat(get(ADMIN, "/api/v1/people/" + stranger + at).getString("team")).isEqualTo(other.team());
        given().auth().oauth2(manager).get("/api/v1/people/" + stranger + at).then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.containsString("no person '" + stranger + "'"));
        assertThat(get(manager, "/api/v1/people" + at + "&team=" + other.team()).getLong("total")).isZero();
        assertThat(get(ADMIN, "/api/v1/people" + at + "&team=" + other.team() + "&size=2&page=1")
                .getList("items.id", String.class)).containsExactly("p-carl-" + other.s, "p-dora-" + other.s);
    }

    @Test
    void pagedRollupsAreThoseOfTheTeams() {
        String path = "/api/v1/assessments/" + runId + "/rollups/";
        assertThat(get(ADMIN, path + "teams?sort=key").getList("items.key", String.class))
                .contains(fixture.team(), "ops-" + fixture.s);
        JsonPath teams = get(manager, path + "teams");
        assertThat(teams.getList("items.key", String.class)).containsExactly(fixture.team());
        assertThat(teams.getLong("total")).isEqualTo(1);
        assertThat(get(manager, path + "owners?sort=score").getList("items.key", String.class))
                .containsExactly("p-dora-" + fixture.s);
        assertThat(get(manager, path + "owners?key=p-ana-" + fixture.s).getLong("total")).isZero();
        assertThat(get(manager, path + "teams").getMap("items[0]"))
                .isEqualTo(get(manager, "/api/v1/assessments/" + runId).getMap("summary.rollups.teams[0]"));
    }
}
