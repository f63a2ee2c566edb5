package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.steward.assessment.AssessmentService;
import dev.steward.ingest.IngestService;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import dev.steward.security.UserService;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A manager sees only their teams, by API token and by browser session, on the inventory API, the report downloads
 * and the pages; another team's agent is a 404 as if it did not exist. The fixture has bot-a in team pay-* and bot-b
 * in team ops-*; the manager manages pay-* only.
 */
@QuarkusTest
class ManagerScopeTest {

    static final String PASSWORD = "a long enough password";
    static final String AT = "2030-02-02T00:00:00Z";
    static AssessmentFixture f;
    static String runId;

    @Inject
    IngestService ingest;
    @Inject
    AssessmentService assessments;
    @Inject
    TokenService tokens;
    @Inject
    UserService users;

    @BeforeEach
    void fixture() {
        if (f == null) {
            f = new AssessmentFixture();
            f.ingestAll(ingest);
            runId = assessments.assess(Instant.parse("2030-03-05T00:00:00Z"), null, "test").run().id();
        }
    }

    private String managerToken() {
        return QuarkusTransaction.requiringNew().call(() -> tokens.create("m-" + UUID.randomUUID(), Role.MANAGER,
                List.of(f.team()), null, "test")).token();
    }

    private WebSession managerSession() {
        String name = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> users.add(name, "Manager", PASSWORD, Role.MANAGER, List.of(f.team()), null));
        return WebSession.signIn(name, PASSWORD);
    }

    @Test
    void aManagerTokenListsAndGetsOnlyItsTeamsAgentsAndCredentials() {
        String token = managerToken();
        List<String> teams = given().auth().oauth2(token).get("/api/v1/agents?size=1000&asOf=" + AT).then().statusCode(200)
                .extract().path("items.team");
        assertThat(teams).isNotEmpty().containsOnly(f.team());
        List<String> ids = given().auth().oauth2(token).get("/api/v1/agents?size=1000&asOf=" + AT).then().extract().path("items.id");
        assertThat(ids).contains(f.botA()).doesNotContain(f.botB());
        given().auth().oauth2(token).get("/api/v1/agents?team=ops-" + f.s + "&asOf=" + AT).then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(token).get("/api/v1/agents/" + f.botA() + "?asOf=" + AT).then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/agents/" + f.botB() + "?asOf=" + AT).then().statusCode(404);
        given().auth().oauth2("test-admin-token").get("/api/v1/agents/" + f.botB() + "?asOf=" + AT).then().statusCode(200);
        List<String> creds = given().auth().oauth2(token).get("/api/v1/credentials?size=1000&asOf=" + AT).then().statusCode(200)
                .extract().path("items.id");
        assertThat(creds).contains(f.keyA()).doesNotContain(f.keyB());
        // the totals count what the manager may see, not the whole inventory
        given().auth().oauth2(token).get("/api/v1/credentials?size=1&asOf=" + AT).then()
                .body("total", org.hamcrest.Matchers.equalTo(creds.size()));
        given().auth().oauth2(token).get("/api/v1/agents?size=1&asOf=" + AT).then()
                .body("total", org.hamcrest.Matchers.equalTo(ids.size()));
        given().auth().oauth2(token).get("/api/v1/credentials/" + f.keyB() + "?asOf=" + AT).then().statusCode(404);
    }

    @Test
    void aManagerSessionSeesTheSameOnTheApiAndThePages() {
        WebSession s = managerSession();
        List<String> teams = given().cookie("steward_session", s.cookie()).get("/api/v1/agents?size=1000&asOf=" + AT).then()
                .statusCode(200).extract().path("items.team");
        assertThat(teams).isNotEmpty().containsOnly(f.team());
        given().cookie("steward_session", s.cookie()).get("/api/v1/agents/" + f.botB() + "?asOf=" + AT).then().statusCode(404);
        assessments.assess(Instant.parse("2030-03-05T00:00:00Z"), null, "test");
        given().cookie("steward_session", s.cookie()).get("/agents/" + f.botA()).then().statusCode(200)
                .body(containsString("Owner chain"));
        given().cookie("steward_session", s.cookie()).get("/agents/" + f.botB()).then().statusCode(404)
                .body(containsString("Agent not found"));
        given().auth().oauth2("test-admin-token").get("/agents/" + f.botB()).then().statusCode(200);
        String gaps = given().cookie("steward_session", s.cookie()).get("/gaps?show=all&download=csv&table=agents").asString();
        assertThat(gaps).contains(f.botA()).doesNotContain(f.botB());
    }

    @Test
    void aManagersReportCoversOnlyTheirTeams() {
        String token = managerToken();
        List<String> agentTeams = given().auth().oauth2(token)
                .get("/api/v1/reports/ownership?format=json&assessment=" + runId).then().statusCode(200)
                .extract().path("agents.team");
        assertThat(agentTeams).isNotEmpty().containsOnly(f.team());
        List<String> all = given().auth().oauth2("test-admin-token")
                .get("/api/v1/reports/ownership?format=json&assessment=" + runId).then().statusCode(200)
                .extract().path("agents.team");
        assertThat(all).contains(f.team(), "ops-" + f.s);
        List<String> findingTeams = given().auth().oauth2(token)
                .get("/api/v1/reports/gaps?format=json&assessment=" + runId).then().statusCode(200)
                .extract().path("findings.team");
        assertThat(findingTeams).isNotEmpty().containsOnly(f.team());
    }
}
