package dev.steward.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.steward.security.Role;
import dev.steward.security.TokenService;
import dev.steward.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The REST surface: authentication and roles on every endpoint but health, uploads, listings, RFC 7807 errors. */
@QuarkusTest
class ApiTest {

    private static final String ADMIN = "test-admin-token";

    @Inject
    TokenService tokens;

    final TestFiles files = new TestFiles();
    final String scope = "api-" + UUID.randomUUID();

    private String token(Role role) {
        return tokens.create("t-" + UUID.randomUUID(), role, null, "test").token();
    }

    @Test
    void healthIsOpenEverythingElseNeedsAToken() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/api/v1/agents").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().get("/api/v1/uploads").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(401);
        given().get("/q/openapi").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/v1/agents").then().statusCode(401);
        given().auth().oauth2(token(Role.VIEWER)).get("/q/metrics").then().statusCode(200);
        given().auth().oauth2(token(Role.VIEWER)).get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/uploads/{kind}"));
    }

    @Test
    void viewersReadButOnlyAdminsUpload() {
        String viewer = token(Role.VIEWER);
        String auditor = token(Role.AUDITOR);
        Path inv = files.write("inventory.yaml", TestFiles.inventory("2026-11-01", TestFiles.agent("v-" + scope)));
        given().auth().oauth2(viewer).get("/api/v1/agents").then().statusCode(200);
        given().auth().oauth2(viewer).multiPart("file", inv.toFile()).queryParam("scope", scope)
                .post("/api/v1/uploads/inventory").then().statusCode(403);
        given().auth().oauth2(auditor).multiPart("file", inv.toFile()).queryParam("scope", scope)
                .post("/api/v1/uploads/inventory").then().statusCode(403);
    }

    @Test
    void expiredAndRevokedTokensAreRefused() {
        String expired = tokens.create("old", Role.ADMIN, Instant.now().minusSeconds(1), "test").token();
        given().auth().oauth2(expired).get("/api/v1/agents").then().statusCode(401);
        TokenService.Created revoked = tokens.create("gone", Role.ADMIN, null, "test");
        given().auth().oauth2(revoked.token()).get("/api/v1/agents").then().statusCode(200);
        tokens.revoke(revoked.id());
        given().auth().oauth2(revoked.token()).get("/api/v1/agents").then().statusCode(401);
    }

    @Test
    void uploadListAndReadBackAnInventory() {
        String id = "rest-" + scope;
        Path inv = files.write("inventory.yaml", TestFiles.inventory("2026-11-01", TestFiles.agent(id)));
        int upload = given().auth().oauth2(ADMIN).multiPart("file", inv.toFile()).queryParam("scope", scope)
                .post("/api/v1/uploads/inventory")
                .then().statusCode(201).header("Location", containsString("/api/v1/uploads/"))
                .body("status", equalTo("COMMITTED")).body("counts.agents", equalTo(1))
                .extract().path("uploadId");
        given().auth().oauth2(ADMIN).multiPart("file", inv.toFile()).queryParam("scope", scope)
                .post("/api/v1/uploads/inventory")
                .then().statusCode(200).body("status", equalTo("DUPLICATE")).body("duplicateOf", equalTo(upload));

        given().auth().oauth2(ADMIN).get("/api/v1/agents/" + id + "?asOf=2026-11-02")
                .then().statusCode(200).body("id", equalTo(id)).body("source.uploadId", equalTo(upload))
                .body("source.file", equalTo("inventory.yaml")).body("source.line", equalTo(6));
        given().auth().oauth2(ADMIN).get("/api/v1/agents?asOf=2026-11-02&team=payments&size=1000")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(ADMIN).get("/api/v1/uploads/" + upload)
                .then().statusCode(200).body("upload.kind", equalTo("INVENTORY")).body("report.status", equalTo("COMMITTED"))
                .body("report.summary", equalTo("upload " + upload + " (inventory) committed: 0 people, 1 agent, 0 credentials,"
                        + " 0 decisions; 0 secret values redacted; 0 warnings"));
        given().auth().oauth2(ADMIN).get("/api/v1/uploads").then().statusCode(200).body("items.id", hasItem(upload));
    }

    /** A person's e-mail address, personal data no page shows, goes to auditors and admins only. */
    @Test
    void peopleWithTheirEmailForAuditorsOnly() {
        String id = "p-mail-" + scope;
        Path dir = files.write("people.yaml", "apiVersion: steward/v1\nkind: People\nasOf: 2026-11-01\nsource: test\n"
                + "people:\n  - id: " + id + "\n    name: Mia Mail\n    email: mia@example.com\n    team: t-" + scope
                + "\n    status: active\n");
        given().auth().oauth2(ADMIN).multiPart("file", dir.toFile()).queryParam("scope", scope)
                .post("/api/v1/uploads/people").then().statusCode(201);
        String at = "?asOf=2026-11-02";
        for (String token : List.of(ADMIN, token(Role.AUDITOR))) {
            given().auth().oauth2(token).get("/api/v1/people/" + id + at).then().statusCode(200)
                    .body("name", equalTo("Mia Mail")).body("email", equalTo("mia@example.com"))
                    .body("source.file", equalTo("people.yaml"));
            given().auth().oauth2(token).get("/api/v1/people" + at + "&team=t-" + scope).then().statusCode(200)
                    .body("items[0].email", equalTo("mia@example.com")).body("total", equalTo(1));
        }
        String viewer = token(Role.VIEWER);
        given().auth().oauth2(viewer).get("/api/v1/people/" + id + at).then().statusCode(200)
                .body("name", equalTo("Mia Mail")).body("email", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(viewer).get("/api/v1/people" + at + "&team=t-" + scope).then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].email", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void listingsSayHowManyMatchOverAllPages() {
        String env = "tally-" + scope;
        StringBuilder yaml = new StringBuilder("apiVersion: steward/v1\nkind: Inventory\nasOf: 2026-11-01\nsource: test\nagents:\n");
        for (int i = 0; i < 3; i++) {
            yaml.append("  - {id: t").append(i).append('-').append(scope).append(", environment: ").append(env)
                    .append(", team: payments, owner: p-ana, status: active}\n");
        }
        yaml.append("credentials:\n");
        for (int i = 0; i < 5; i++) {
            yaml.append("  - {id: k").append(i).append('-').append(scope).append(", environment: ").append(env)
                    .append(", holders: [t").append(i % 2).append('-').append(scope).append("]}\n");
        }
        // a holder whose id has the database's wildcard characters, among others
        yaml.append("  - {id: k9-").append(scope).append(", environment: ").append(env).append(", holders: [\"t0-")
                .append(scope).append("\", \"w_%!-").append(scope).append("\"]}\n");
        Path inv = files.write("inventory.yaml", yaml.toString());
        given().auth().oauth2(ADMIN).multiPart("file", inv.toFile()).queryParam("scope", scope)
                .post("/api/v1/uploads/inventory").then().statusCode(201);

        String agents = "/api/v1/agents?asOf=2026-11-02&environment=" + env;
        given().auth().oauth2(ADMIN).get(agents + "&size=2&page=1").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1)).body("total", equalTo(3)).body("page", equalTo(1));
        given().auth().oauth2(ADMIN).get(agents + "&owner=nobody").then().statusCode(200).body("total", equalTo(0));
        // counted in the database (no holder filter) and while reading (a holder filter), the same way as the items
        String creds = "/api/v1/credentials?asOf=2026-11-02&environment=" + env;
        given().auth().oauth2(ADMIN).get(creds + "&size=2&page=2").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(2)).body("total", equalTo(6));
        given().auth().oauth2(ADMIN).get(creds + "&holder=t0-" + scope + "&size=1&page=1").then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of("k2-" + scope))).body("total", equalTo(4));
        given().auth().oauth2(ADMIN).queryParam("holder", "w_%!-" + scope).get(creds).then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of("k9-" + scope))).body("total", equalTo(1));
        given().auth().oauth2(ADMIN).queryParam("holder", "w__!-" + scope).get(creds).then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(ADMIN).queryParam("holder", "t0").get(creds).then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(ADMIN).get(creds + "&holder=t2-" + scope).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(0));
        int uploads = given().auth().oauth2(ADMIN).get("/api/v1/uploads?size=1").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1)).extract().path("total");
        assertThat(uploads).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRejectedUploadIsA422ProblemListingEveryProblem() {
        Path inv = files.write("inventory.yaml", TestFiles.inventory("2026-11-01",
                "  - id: x\n    autonomy: robotic\n  - id: y\n    status: sleeping\n"));
        given().auth().oauth2(ADMIN).multiPart("file", inv.toFile()).queryParam("scope", scope)
                .post("/api/v1/uploads/inventory")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Upload rejected")).body("status", equalTo(422))
                .body("report.problems.field", hasItem("agents.autonomy"))
                .body("report.problems.value", hasItem("sleeping"))
                .body("report.problems.line", hasItem(7));
    }

    @Test
    void rawBodyUploadOfAGzippedDecisionLog() {
        Path log = files.gzip("d.jsonl.gz", TestFiles.decision(1, "raw-" + scope) + TestFiles.decision(2, "raw-" + scope));
        given().auth().oauth2(ADMIN).contentType("application/gzip").body(log.toFile())
                .post("/api/v1/uploads/decisions?filename=d.jsonl.gz")
                .then().statusCode(201).body("kind", equalTo("DECISIONS")).body("counts.decisions", equalTo(2));
        given().auth().oauth2(ADMIN).contentType("application/gzip").body(log.toFile())
                .post("/api/v1/uploads/decisions")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("?filename="));
        given().auth().oauth2(ADMIN).contentType("application/gzip").body(log.toFile())
                .post("/api/v1/uploads/inventory?filename=d.jsonl.gz")
                .then().statusCode(400).body("detail", containsString("these files are decision logs, not inventory"));
    }

    @Test
    void unknownThingsAre404ProblemsAndBadParametersAre400() {
        given().auth().oauth2(ADMIN).get("/api/v1/agents/nobody-" + scope)
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("nobody-"));
        given().auth().oauth2(ADMIN).get("/api/v1/agents?asOf=last-week")
                .then().statusCode(400).body("detail", containsString("asOf 'last-week'"));
        given().auth().oauth2(ADMIN).get("/api/v1/credentials?size=5000")
                .then().statusCode(400).body("detail", containsString("size 5000"));
        given().auth().oauth2(ADMIN).get("/api/v1/uploads/999999").then().statusCode(404).body("instance", notNullValue());
        given().get("/api/v1/people").then().statusCode(401);
        given().auth().oauth2(ADMIN).get("/api/v1/people/nobody-" + scope).then().statusCode(404)
                .body("detail", containsString("no person 'nobody-" + scope + "'"));
        given().auth().oauth2(ADMIN).get("/api/v1/people?asOf=soon").then().statusCode(400)
                .body("detail", containsString("asOf 'soon'"));
    }
}
