package dev.steward.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.steward.ingest.IngestService;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The assessment, framework and check endpoints: roles, status codes, filters, paging, explain. */
@QuarkusTest
class AssessmentApiTest {

    private static final String ADMIN = "test-admin-token";
    private static final String AS_OF = "2030-03-05T00:00:00Z";
    private static AssessmentFixture fixture;
    private static String runId;

    @Inject
    IngestService ingest;

    @Inject
    TokenService tokens;

    private String token(Role role) {
        return tokens.create("t-" + UUID.randomUUID(), role, null, "test").token();
    }

    /** One run over the fixture, made once for the class (201 the first time). */
    private String run() {
        if (runId == null) {
            fixture = new AssessmentFixture();
            fixture.ingestAll(ingest);
            runId = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body("{\"asOf\":\"" + AS_OF + "\",\"window\":\"90d\"}").post("/api/v1/assessments")
                    .then().statusCode(201).header("Location", containsString("/api/v1/assessments/"))
                    .body("summary.asOf", equalTo(AS_OF)).body("summary.frameworks", hasSize(5))
                    .extract().path("id");
        }
        return runId;
    }

    @Test
    void onlyAdminsAssessAndEveryoneWithATokenReads() {
        String id = run();
        String viewer = token(Role.VIEWER);
        given().get("/api/v1/assessments").then().statusCode(401);
        given().get("/api/v1/frameworks").then().statusCode(401);
        given().get("/api/v1/checks").then().statusCode(401);
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body("{}").post("/api/v1/assessments").then().statusCode(403);
        given().auth().oauth2(token(Role.AUDITOR)).contentType(ContentType.JSON).body("{}").post("/api/v1/assessments")
                .then().statusCode(403);
        given().auth().oauth2(viewer).get("/api/v1/assessments/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("summary.id", equalTo(id)).body("summary.revocationLatency", notNullValue());
        given().auth().oauth2(viewer).get("/api/v1/assessments?size=1000").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void theSameInputsAnswer200WithTheStoredRunAndBadInputIs400() {
        String id = run();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"asOf\":\"" + AS_OF + "\",\"window\":\"P90D\"}")
                .post("/api/v1/assessments").then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"window\":\"ninety\"}").post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("window 'ninety'"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"asOf\":\"soon\"}").post("/api/v1/assessments")
                .then().statusCode(400).body("detail", containsString("asOf 'soon'"));
        // a misspelt field would otherwise be ignored: a run as of now instead of the instant asked for
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"asof\":\"" + AS_OF + "\"}")
                .post("/api/v1/assessments").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("unknown field 'asof' in the request body; it takes asOf, window"));
        given().auth().oauth2(ADMIN).get("/api/v1/assessments/nope").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no assessment nope"));
    }

    @Test
    void controlsOfOneFramework() {
        String id = run();
        given().auth().oauth2(ADMIN).get("/api/v1/assessments/" + id + "/controls?framework=owasp-asi-2026").then()
                .statusCode(200).body("", hasSize(10)).body("framework", everyItem(equalTo("owasp-asi-2026")))
                .body("find { it.controlId == 'ASI03' }.checks.checkId", hasItem("INV-1"));
        given().auth().oauth2(ADMIN).get("/api/v1/assessments/" + id + "/controls?framework=nope").then().statusCode(400)
                .body("detail", containsString("framework 'nope'"));
    }

    @Test
    void findingsFilterAndPage() {
        String id = run();
        String base = "/api/v1/assessments/" + id + "/findings";
        given().auth().oauth2(ADMIN).get(base + "?checkId=INV-1&size=1000").then().statusCode(200)
                .body("items.checkId", everyItem(equalTo("INV-1"))).body("items.subjectId", hasItem(fixture.shadow()));
        given().auth().oauth2(ADMIN).get(base + "?severity=critical&size=1000").then().statusCode(200)
                .body("items.severity", everyItem(equalTo("CRITICAL")));
        given().auth().oauth2(ADMIN).get(base + "?team=" + fixture.team() + "&result=FAIL&size=1000").then().statusCode(200)
                .body("items.team", everyItem(equalTo(fixture.team()))).body("items.result", everyItem(equalTo("FAIL")))
                .body("items.size()", greaterThan(0));
        given().auth().oauth2(ADMIN).get(base + "?owner=p-ana-" + fixture.s + "&environment=dev&size=1000").then().statusCode(200)
                .body("items.subjectId", hasItem(fixture.keyB())).body("items.owner", everyItem(equalTo("p-ana-" + fixture.s)));
        String ops = "?team=ops-" + fixture.s;
        List<String> first = given().auth().oauth2(ADMIN).get(base + ops + "&size=1&page=0")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items.checkId");
        List<String> second = given().auth().oauth2(ADMIN).get(base + ops + "&size=1&page=1")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items.checkId");
        List<String> twoAtOnce = given().auth().oauth2(ADMIN).get(base + ops + "&size=2")
                .then().extract().path("items.checkId");
        assertThat(twoAtOnce).containsExactly(first.get(0), second.get(0));
        int all = given().auth().oauth2(ADMIN).get(base + ops + "&size=1000").then().extract().path("items.size()");
        given().auth().oauth2(ADMIN).get(base + ops + "&size=1&page=1").then().body("total", equalTo(all));
        int runs = given().auth().oauth2(ADMIN).get("/api/v1/assessments?size=1").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("total");
        assertThat(runs).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(ADMIN).get(base + "?result=PASS").then().statusCode(400).body("detail", containsString("never a finding"));
        given().auth().oauth2(ADMIN).get(base + "?severity=urgent").then().statusCode(400).body("detail", containsString("severity 'urgent'"));
        given().auth().oauth2(ADMIN).get(base + "?checkId=OWN-9").then().statusCode(400)
                .body("detail", startsWith("checkId 'OWN-9' is not a check of the catalog; checks: [INV-1, OWN-1, "));
        given().auth().oauth2(ADMIN).get(base + "?checkId=inv-1&size=1000").then().statusCode(200)
                .body("items.checkId", everyItem(equalTo("INV-1"))).body("items.subjectId", hasItem(fixture.shadow()));
        given().auth().oauth2(ADMIN).get(base + "?size=0").then().statusCode(400);
        given().auth().oauth2(ADMIN).get("/api/v1/assessments/nope/findings").then().statusCode(404);
    }

    /** A misspelt filter is refused, not ignored: unfiltered findings must not pass for filtered ones. */
    @Test
    void anUnknownQueryParameterIs400NamingItAndTheOnesTaken() {
        String base = "/api/v1/assessments/" + run() + "/findings";
        given().auth().oauth2(ADMIN).get(base + "?check=INV-1&size=1000").then().statusCode(400)
                .contentType(containsString("problem+json"))
                .body("detail", equalTo("unknown query parameter 'check' for " + base + "; it takes checkId, environment,"
                        + " owner, page, result, severity, size, team"));
        given().auth().oauth2(ADMIN).get(base + "?status=FAIL&teams=x&team=y").then().statusCode(400)
                .body("detail", startsWith("unknown query parameters 'status', 'teams' for " + base));
        given().auth().oauth2(ADMIN).get("/api/v1/frameworks?framework=nist-csf-2.0").then().statusCode(400)
                .body("detail", equalTo("unknown query parameter 'framework' for /api/v1/frameworks; it takes none"));
        given().get(base + "?check=INV-1").then().statusCode(401);
        given().auth().oauth2(ADMIN).get(base + "?checkId=INV-1&size=1").then().statusCode(200).body("items", hasSize(1));
    }

    /** Every roll-up paged: the run's own entries, each once, in the order asked; one by key; errors named. */
    @Test
    void rollupsAPageAtATime() {
        String id = run();
        String viewer = token(Role.VIEWER);
        var run = given().auth().oauth2(viewer).get("/api/v1/assessments/" + id).then().statusCode(200)
                .extract().jsonPath();
        for (String dimension : List.of("teams", "owners", "managers", "environments")) {
            List<java.util.Map<String, Object>> stored = run.getList("summary.rollups." + dimension);
            assertThat(stored).as(dimension).isNotEmpty();
            for (String sort : List.of("failures", "score", "key")) {
                List<java.util.Map<String, Object>> paged = new java.util.ArrayList<>();
                for (int page = 0; page * 2 < stored.size(); page++) {
                    var p = given().auth().oauth2(viewer).get("/api/v1/assessments/" + id + "/rollups/" + dimension
                            + "?sort=" + sort + "&size=2&page=" + page).then().statusCode(200)
                            .body("total", equalTo(stored.size())).extract().jsonPath();
                    paged.addAll(p.getList("items"));
                }
                assertThat(paged).as(dimension + " by " + sort).containsExactlyInAnyOrderElementsOf(stored);
                if (sort.equals("failures")) {
                    List<Integer> fails = paged.stream().map(e -> ((Number) ((java.util.Map<?, ?>) e.get("results"))
                            .get("fail")).intValue()).toList();
                    assertThat(fails).isSortedAccordingTo(java.util.Comparator.reverseOrder());
                }
                if (sort.equals("key")) {
                    assertThat(paged.stream().map(e -> (String) e.get("key")).toList()).isSorted();
                }
            }
        }
        String team = fixture.team();
        given().auth().oauth2(viewer).get("/api/v1/assessments/" + id + "/rollups/teams?key=" + team).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0]", equalTo(run.getMap(
                        "summary.rollups.teams.find { it.key == '" + team + "' }")));
        given().auth().oauth2(viewer).get("/api/v1/assessments/" + id + "/rollups/teams?key=nobody").then()
                .statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        given().get("/api/v1/assessments/" + id + "/rollups/teams").then().statusCode(401);
        given().auth().oauth2(viewer).get("/api/v1/assessments/" + id + "/rollups/teams?sort=worst").then()
                .statusCode(400).body("detail", containsString("sort 'worst'"));
        given().auth().oauth2(viewer).get("/api/v1/assessments/" + id + "/rollups/teams?size=0").then().statusCode(400);
        given().auth().oauth2(viewer).get("/api/v1/assessments/" + id + "/rollups/colours").then().statusCode(404);
        given().auth().oauth2(viewer).get("/api/v1/assessments/nope/rollups/teams").then().statusCode(404)
                .body("detail", containsString("no assessment nope"));
    }

    @Test
    void explainGoesFromControlToChecksToFindingsToEvidence() {
        String id = run();
        given().auth().oauth2(ADMIN).get("/api/v1/assessments/" + id + "/explain?control=owasp-asi-2026:ASI03").then()
                .statusCode(200).body("control.controlId", equalTo("ASI03"))
                .body("checks.find { it.check.checkId == 'INV-1' }.findingCount", greaterThan(0))
                .body("checks.find { it.check.checkId == 'INV-1' }.findings.evidence.flatten().kind", hasItem("decisions"))
                // what the control asks and why its checks evidence it, from the mappings the run used
                .body("statement", not(emptyOrNullString()))
                .body("rationale", startsWith("Own workload identity, unshared credentials, bounded delegation"));
        given().auth().oauth2(ADMIN).get("/api/v1/assessments/" + id + "/explain?control=nist-csf-2.0:GV.RR-02").then()
                .statusCode(200).body("statement", startsWith("Roles, responsibilities, and authorities related to"
                        + " cybersecurity risk management are established"));
        given().auth().oauth2(ADMIN).get("/api/v1/assessments/" + id + "/explain?control=nist-csf-2.0:PR").then()
                .statusCode(200).body("control.group", equalTo(true)).body("children.size()", greaterThan(0));
        given().auth().oauth2(ADMIN).get("/api/v1/assessments/" + id + "/explain?control=ASI03").then().statusCode(400)
                .body("detail", containsString("framework:controlId"));
        given().auth().oauth2(ADMIN).get("/api/v1/assessments/" + id + "/explain?control=owasp-asi-2026:ASI99").then().statusCode(404);
    }

    @Test
    void frameworksAndChecks() {
        String viewer = token(Role.VIEWER);
        given().auth().oauth2(viewer).get("/api/v1/frameworks").then().statusCode(200).body("", hasSize(5))
                .body("find { it.id == 'nist-csf-2.0' }.outOfScope", greaterThan(0))
                .body("find { it.id == 'owasp-asi-2026' }.inScope", equalTo(9))
                .body("find { it.id == 'owasp-asi-2026' }.outOfScope", equalTo(1));
        given().auth().oauth2(viewer).get("/api/v1/frameworks/owasp-asi-2026").then().statusCode(200)
                .body("controls", hasSize(10)).body("controls[2].checks.id", hasItem("IDN-1"));
        given().auth().oauth2(viewer).get("/api/v1/frameworks/nope").then().statusCode(404);
        given().auth().oauth2(viewer).get("/api/v1/checks").then().statusCode(200).body("", hasSize(29))
                .body("find { it.id == 'OWN-5' }.parameters[0].configKey", equalTo("steward.checks.\"OWN-5\".max-review-age-days"))
                .body("find { it.id == 'OWN-5' }.parameters[0].effectiveValue", equalTo("180"))
                .body("find { it.id == 'OWN-5' }.parameters[0].effectivePerEnvironment.prod", equalTo("90"))
                .body("find { it.id == 'OWN-5' }.parameters[0].effectivePerEnvironment.staging", equalTo("120"))
                .body("find { it.id == 'INV-1' }.controls", hasItem("owasp-asi-2026:ASI03"));
    }
}
