package dev.steward.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditEvent;
import dev.steward.audit.AuditFilter;
import dev.steward.audit.AuditLog;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The token API: admin only, the token shown once, teams required for managers, expiry and revocation, audited. */
@QuarkusTest
class TokenApiTest {

    private static final String ADMIN = "test-admin-token";

    @Inject
    TokenService tokens;

    @Inject
    AuditLog audit;

    private String token(Role role) {
        return tokens.create("t-" + UUID.randomUUID(), role, null, "test").token();
    }

    private static String body(String name, String role, String extra) {
        return "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"" + extra + "}";
    }

    @Test
    void onlyAdminsManageTokens() {
        String manager = tokens.create("m-" + UUID.randomUUID(), Role.MANAGER, List.of("payments"), null, "test").token();
        given().contentType(ContentType.JSON).body(body("x", "viewer", "")).post("/api/v1/tokens").then().statusCode(401);
        for (String t : List.of(token(Role.VIEWER), token(Role.AUDITOR), manager)) {
            given().auth().oauth2(t).contentType(ContentType.JSON).body(body("x", "admin", "")).post("/api/v1/tokens")
                    .then().statusCode(403);
            given().auth().oauth2(t).get("/api/v1/tokens").then().statusCode(403);
            given().auth().oauth2(t).delete("/api/v1/tokens/1").then().statusCode(403);
        }
        // a refusal is a problem body and an audit entry naming who asked for what
        String viewer = tokens.create("v-" + UUID.randomUUID(), Role.VIEWER, null, "test").token();
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body(body("x", "admin", "")).post("/api/v1/tokens")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        AuditEvent denied = audit.page(new AuditFilter(AuditAction.ACCESS_DENIED, null, null, null), 0, 1).get(0);
        assertThat(denied.target()).isEqualTo("POST /api/v1/tokens");
        assertThat(denied.outcome()).isEqualTo("denied");
        assertThat(denied.actor()).startsWith("token:v-");
    }

    @Test
    void aCreatedTokenIsShownOnceWorksAndIsListedWithoutSecrets() {
        String name = "ci-" + UUID.randomUUID();
        var created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body(name, "viewer", ",\"ttl\":\"90d\""))
                .post("/api/v1/tokens").then().statusCode(201).header("Location", containsString("/api/v1/tokens/"))
                .body("token", startsWith("stw_")).body("role", equalTo("viewer")).extract();
        String token = created.path("token");
        int id = created.path("id");
        Instant expires = Instant.parse(created.path("expiresAt"));
        assertThat(expires).isBetween(Instant.now().plusSeconds(89L * 86400), Instant.now().plusSeconds(91L * 86400));
        given().auth().oauth2(token).get("/api/v1/agents").then().statusCode(200);

        String listing = given().auth().oauth2(ADMIN).get("/api/v1/tokens").then().statusCode(200)
                .body("find { it.id == " + id + " }.name", equalTo(name))
                .body("find { it.id == " + id + " }.status", equalTo("active"))
                .body("find { it.id == " + id + " }.createdBy", equalTo("token:bootstrap"))
                .extract().asString();
        assertThat(listing).doesNotContain(token).doesNotContain(TokenService.hash(token)).doesNotContain("tokenHash");

        AuditEvent e = audit.page(new AuditFilter(AuditAction.TOKEN_CREATED, "token:bootstrap", null, null), 0, 1).get(0);
        assertThat(e.target()).isEqualTo("token " + id);
        assertThat(e.detail()).contains(name).contains("viewer").doesNotContain(token).doesNotContain("stw_");
    }

    @Test
    void aManagerTokenNeedsTeamsAndSeesThem() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body("m", "manager", "")).post("/api/v1/tokens")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body("detail", equalTo("a manager token needs at least one team"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body("v", "viewer", ",\"teams\":[\"a\"]"))
                .post("/api/v1/tokens").then().statusCode(400).body("detail", containsString("only a manager token"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body("m", "manager", ",\"teams\":[\"payments\"]"))
                .post("/api/v1/tokens").then().statusCode(201).body("teams", equalTo(List.of("payments")));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body("x", "owner", "")).post("/api/v1/tokens")
                .then().statusCode(400).body("detail", containsString("unknown role 'owner'"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(body("x", "viewer", ",\"ttl\":\"1d\",\"expiresAt\":\"2999-01-01\"")).post("/api/v1/tokens")
                .then().statusCode(400).body("detail", containsString("not both"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body("x", "viewer", ",\"expiresAt\":\"2001-01-01\""))
                .post("/api/v1/tokens").then().statusCode(400).body("detail", containsString("not in the future"));
    }

    @Test
    void aTokenPastItsExpiryIsRefused() throws InterruptedException {
        String expiresAt = Instant.now().plusSeconds(2).toString();
        String token = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(body("short-" + UUID.randomUUID(), "viewer", ",\"expiresAt\":\"" + expiresAt + "\""))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        given().auth().oauth2(token).get("/api/v1/agents").then().statusCode(200);
        Thread.sleep(java.time.Duration.between(Instant.now(), Instant.parse(expiresAt)).toMillis() + 200);
        given().auth().oauth2(token).get("/api/v1/agents").then().statusCode(401);
        given().auth().oauth2(ADMIN).get("/api/v1/tokens").then().body("status", hasItem("expired"));
    }

    @Test
    void aRevokedTokenIsRefusedAndTheRevocationAudited() {
        var created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(body("rev-" + UUID.randomUUID(), "auditor", "")).post("/api/v1/tokens").then().statusCode(201).extract();
        String token = created.path("token");
        int id = created.path("id");
        given().auth().oauth2(token).get("/api/v1/exports").then().statusCode(200);
        given().auth().oauth2(ADMIN).delete("/api/v1/tokens/" + id).then().statusCode(204);
        given().auth().oauth2(token).get("/api/v1/exports").then().statusCode(401);
        given().auth().oauth2(ADMIN).get("/api/v1/tokens").then()
                .body("find { it.id == " + id + " }.status", equalTo("revoked"))
                .body("find { it.id == " + id + " }.revokedAt", not(equalTo(null)));
        AuditEvent e = audit.page(new AuditFilter(AuditAction.TOKEN_REVOKED, null, null, null), 0, 1).get(0);
        assertThat(e.target()).isEqualTo("token " + id);
        assertThat(e.actor()).isEqualTo("token:bootstrap");
        given().auth().oauth2(ADMIN).delete("/api/v1/tokens/999999").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
