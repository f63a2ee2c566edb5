package dev.steward.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.steward.export.ExportRuns;
import dev.steward.export.ExportService;
import dev.steward.export.SigningKeys;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The export endpoints: 401 without a token, auditors read, only admins trigger, bad periods are 400 problems. */
@QuarkusTest
class ExportApiTest {

    private static final String ADMIN = "test-admin-token";

    @Inject
    TokenService tokens;

    @Inject
    ExportRuns runs;

    @Inject
    ExportService exports;

    private String token(Role role) {
        return tokens.create("t-" + UUID.randomUUID(), role, null, "test").token();
    }

    @Test
    void auditorsGetTheSigningPublicKeyWithItsFingerprintAndThePageShowsIt() throws Exception {
        given().get("/api/v1/exports/public-key").then().statusCode(401);
        given().auth().oauth2(token(Role.VIEWER)).get("/api/v1/exports/public-key").then().statusCode(403);
        String auditor = token(Role.AUDITOR);
        var answer = given().auth().oauth2(auditor).get("/api/v1/exports/public-key").then().statusCode(200)
                .header("Content-Disposition", containsString("steward-public-key.pem")).extract();
        String expected = SigningKeys.fingerprint(exports.keys().getPublic());
        assertThat(answer.header("X-Key-Fingerprint")).isEqualTo(expected);
        // the PEM is the key that verifies bundles: read back, it has the same fingerprint
        Path pem = Files.createTempFile("key", ".pem");
        try {
            Files.writeString(pem, answer.asString());
            assertThat(SigningKeys.fingerprint(SigningKeys.readPublic(pem))).isEqualTo(expected);
        } finally {
            Files.deleteIfExists(pem);
        }
        given().auth().oauth2(auditor).get("/exports").then().statusCode(200)
                .body(containsString("<code>" + expected + "</code>"))
                .body(containsString("href=\"/api/v1/exports/public-key\""));
    }

    @Test
    void withoutATokenEverythingIs401() {
        given().get("/api/v1/exports").then().statusCode(401);
        given().get("/api/v1/exports/2026-10/manifest").then().statusCode(401);
        given().get("/api/v1/exports/2026-10/bundle").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"period\":\"2026-10\"}").post("/api/v1/exports").then().statusCode(401);
    }

    @Test
    void viewersMayNotReadExportsAndAuditorsMayNotTriggerThem() {
        String viewer = token(Role.VIEWER);
        String auditor = token(Role.AUDITOR);
        given().auth().oauth2(viewer).get("/api/v1/exports").then().statusCode(403);
        given().auth().oauth2(viewer).get("/api/v1/exports/2026-10/manifest").then().statusCode(403);
        given().auth().oauth2(viewer).get("/api/v1/exports/2026-10/bundle").then().statusCode(403);
        given().auth().oauth2(auditor).get("/api/v1/exports").then().statusCode(200);
        given().auth().oauth2(auditor).contentType(ContentType.JSON).body("{\"period\":\"2026-10\"}").post("/api/v1/exports")
                .then().statusCode(403);
    }

    @Test
    void auditorsSeeTheRecordAndUnpublishedManifestsAre404() {
        Instant now = Instant.parse("2030-12-01T00:00:00Z");
        runs.claim("2030-11", now, now.minusSeconds(60));
        runs.failed("2030-11", now, "IOException: disk full");
        String auditor = token(Role.AUDITOR);
        given().auth().oauth2(auditor).get("/api/v1/exports").then().statusCode(200)
                .body("find { it.period == '2030-11' }.status", org.hamcrest.Matchers.equalTo("FAILED"))
                .body("find { it.period == '2030-11' }.error", containsString("disk full"));
        given().auth().oauth2(auditor).get("/api/v1/exports/2030-11/manifest").then().statusCode(404);
        given().auth().oauth2(auditor).get("/api/v1/exports/1999-01").then().statusCode(404);
    }

    @Test
    void adminsGetA400ForAnOpenOrMalformedPeriod() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"period\":\"2999-01\"}").post("/api/v1/exports")
                .then().statusCode(400).body(containsString("not closed yet"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"period\":\"October\"}").post("/api/v1/exports")
                .then().statusCode(400).body(containsString("YYYY-MM"));
    }
}
