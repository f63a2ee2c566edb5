package dev.steward.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditEvent;
import dev.steward.audit.AuditFile;
import dev.steward.audit.AuditFilter;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import dev.steward.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit trail over REST: who may read it, that uploads (committed and rejected), assessments and report
 * downloads are recorded where they happen with the caller as actor, filters, a JSON export that re-verifies offline,
 * a formula-safe CSV export, and that exporting is itself audited.
 */
@QuarkusTest
class AuditApiTest {

    private static final String ADMIN = "test-admin-token";
    private static final String ADMIN_ACTOR = "token:bootstrap";

    @Inject
    TokenService tokens;

    @Inject
    AuditLog audit;

    final TestFiles files = new TestFiles();
    final String scope = "audit-" + UUID.randomUUID();

    private String token(Role role) {
        return tokens.create("t-" + UUID.randomUUID(), role, null, "test").token();
    }

    private AuditEvent latest(AuditAction action) {
        return audit.page(new AuditFilter(action, null, null, null), 0, 1).get(0);
    }

    @Test
    void onlyAuditorsAndAdminsReadTheTrail() {
        String manager = tokens.create("m-" + UUID.randomUUID(), Role.MANAGER, List.of("payments"), null, "test").token();
        given().get("/api/v1/audit").then().statusCode(401);
        given().get("/api/v1/audit/export").then().statusCode(401);
        for (String t : List.of(token(Role.VIEWER), manager)) {
            given().auth().oauth2(t).get("/api/v1/audit").then().statusCode(403);
            given().auth().oauth2(t).get("/api/v1/audit/verify").then().statusCode(403);
            given().auth().oauth2(t).get("/api/v1/audit/export").then().statusCode(403);
        }
        given().auth().oauth2(token(Role.AUDITOR)).get("/api/v1/audit").then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/v1/audit/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void uploadsAreRecordedCommittedOrRejectedWithCounts() {
        String id = "audited-" + scope;
        Path inv = files.write("inventory.yaml", TestFiles.inventory("2026-11-01", TestFiles.agent(id)));
        int upload = given().auth().oauth2(ADMIN).multiPart("file", inv.toFile()).queryParam("scope", scope)
                .post("/api/v1/uploads/inventory").then().statusCode(201).extract().path("uploadId");
        AuditEvent ok = latest(AuditAction.UPLOAD);
        assertThat(ok.actor()).isEqualTo(ADMIN_ACTOR);
        assertThat(ok.target()).isEqualTo("upload " + upload);
        assertThat(ok.outcome()).isEqualTo("ok");
        assertThat(ok.detail()).contains("\"agents\":1").contains("\"status\":\"COMMITTED\"").contains("\"kind\":\"INVENTORY\"");

        Path bad = files.write("inventory.yaml", TestFiles.inventory("2026-11-01", "  - id: x\n    autonomy: robotic\n"));
        given().auth().oauth2(ADMIN).multiPart("file", bad.toFile()).queryParam("scope", scope)
                .post("/api/v1/uploads/inventory").then().statusCode(422);
        AuditEvent rejected = latest(AuditAction.UPLOAD);
        assertThat(rejected.seq()).isGreaterThan(ok.seq());
        assertThat(rejected.outcome()).isEqualTo("failed");
        assertThat(rejected.detail()).contains("\"status\":\"REJECTED\"").contains("\"errors\":1");
    }

    @Test
    void assessmentsAndReportDownloadsAreRecorded() {
        String run = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"asOf\":\"2026-11-02\"}")
                .post("/api/v1/assessments").then().extract().path("id");
        AuditEvent assessed = latest(AuditAction.ASSESSMENT);
        assertThat(assessed.target()).isEqualTo(run);
        assertThat(assessed.actor()).isEqualTo(ADMIN_ACTOR);
        assertThat(assessed.detail()).contains("\"asOf\":\"2026-11-02T00:00:00Z\"");

        String viewer = token(Role.VIEWER);
        given().auth().oauth2(viewer).get("/api/v1/reports/gaps?format=csv&assessment=" + run).then().statusCode(200);
        AuditEvent download = latest(AuditAction.REPORT_DOWNLOAD);
        assertThat(download.target()).isEqualTo("gaps.csv");
        assertThat(download.actor()).startsWith("token:t-");
        assertThat(download.detail()).contains(run);
    }

    @Test
    void listingFiltersByActionActorAndTime() {
        String actor = "token:filter-" + UUID.randomUUID();
        AuditEvent e = audit.record(actor, AuditAction.SIGN_IN, "someone", AuditOutcome.DENIED);
        String auditor = token(Role.AUDITOR);
        given().auth().oauth2(auditor).get("/api/v1/audit?action=sign_in&actor=" + actor).then().statusCode(200)
                .body("items.seq", equalTo(List.of((int) e.seq()))).body("total", equalTo(1))
                .body("items[0].outcome", equalTo("denied"))
                .body("items[0].hash", equalTo(e.hash()));
        given().auth().oauth2(auditor).get("/api/v1/audit?actor=" + actor + "&from=2999-01-01").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(auditor).get("/api/v1/audit?action=UPLOAD&size=5").then().statusCode(200)
                .body("items.action", everyItem(equalTo("UPLOAD")));
        given().auth().oauth2(auditor).get("/api/v1/audit?action=DELETE_ALL").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("action 'DELETE_ALL'"));
        given().auth().oauth2(auditor).get("/api/v1/audit?from=yesterday").then().statusCode(400)
                .body("detail", containsString("field 'from' value 'yesterday': not a date (YYYY-MM-DD)"));
    }

    @Test
    void theJsonExportReverifiesOfflineAndTheExportIsAudited() throws Exception {
        audit.record("token:x", AuditAction.UPLOAD, "u", AuditOutcome.OK);
        String auditor = token(Role.AUDITOR);
        byte[] json = given().auth().oauth2(auditor).get("/api/v1/audit/export?format=json").then().statusCode(200)
                .header("Content-Disposition", containsString("steward-audit.json")).extract().asByteArray();
        AuditFile.FileCheck check = AuditFile.verify(new ByteArrayInputStream(json));
        assertThat(check.complete()).isTrue();
        assertThat(check.verification().ok()).as(String.valueOf(check.verification().problem())).isTrue();
        assertThat(check.verification().firstSeq()).isEqualTo(1L);
        assertThat(check.verification().lastSeq()).isEqualTo(check.head().seq());
        AuditEvent exported = latest(AuditAction.AUDIT_EXPORTED);
        assertThat(exported.actor()).startsWith("token:t-");
        assertThat(exported.seq()).isEqualTo(check.head().seq() + 1);

        // a changed byte in the file is found offline
        String tampered = new String(json, StandardCharsets.UTF_8).replaceFirst("\"actor\" : \"token:x\"", "\"actor\" : \"token:y\"");
        assertThat(tampered).isNotEqualTo(new String(json, StandardCharsets.UTF_8));
        AuditFile.FileCheck broken = AuditFile.verify(new ByteArrayInputStream(tampered.getBytes(StandardCharsets.UTF_8)));
        assertThat(broken.verification().ok()).isFalse();
        assertThat(broken.verification().problem().kind().name()).isEqualTo("HASH_MISMATCH");
    }

    @Test
    void theCsvExportIsFormulaSafe() {
        audit.record("=HYPERLINK(\"http://x\")", AuditAction.SIGN_IN_FAILED, "@SUM(A1)", AuditOutcome.DENIED);
        String csv = given().auth().oauth2(ADMIN).get("/api/v1/audit/export?format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).startsWith("seq,occurred_at,actor,action,target,outcome,detail,prev_hash,hash\r\n");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\",SIGN_IN_FAILED,'@SUM(A1),denied");
        given().auth().oauth2(ADMIN).get("/api/v1/audit/export?format=xml").then().statusCode(400);
    }

    @Test
    void verifyReportsTheHead() {
        AuditLog.Head head = audit.head();
        given().auth().oauth2(ADMIN).get("/api/v1/audit/verify").then().statusCode(200).body("ok", equalTo(true))
                .body("problem", org.hamcrest.Matchers.nullValue()).body("head.seq", org.hamcrest.Matchers.greaterThanOrEqualTo((int) head.seq()));
        given().auth().oauth2(ADMIN).get("/api/v1/audit?size=1000").then().body("items.action", hasItem("UPLOAD"));
    }
}
