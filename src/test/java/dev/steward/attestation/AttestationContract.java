package dev.steward.attestation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.steward.assessment.AssessmentRun;
import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.ControlResult;
import dev.steward.assessment.ControlStatus;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import dev.steward.export.BundleVerifier;
import dev.steward.export.ExportService;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Manual evidence end to end on each database: attach through the API (file stored with its hash, secrets refused,
 * unknown ids named), an assessment made while it is in force counts it and records it as an input, withdrawing it
 * stops that for later runs. The validity period is in 2041 so no other test's assessment sees it.
 */
abstract class AttestationContract {

    private static final String ADMIN = "test-admin-token";
    private static final String FRAMEWORK = "nist-ai-rmf-1.0";
    private static final String CONTROL = "GOVERN 1.4";
    private static final String EVIDENCE = "airmf-gv14-agent-governance-policy";
    private static final Instant AS_OF = Instant.parse("2041-01-15T00:00:00Z");

    @Inject
    AssessmentService assessments;

    @Inject
    TokenService tokens;

    @Inject
    ExportService exports;

    private String token(Role role) {
        return tokens.create("t-" + UUID.randomUUID(), role, null, "test").token();
    }

    private ControlResult govern14(AssessmentRun run) {
        return assessments.controls(run.id(), FRAMEWORK).orElseThrow().stream()
                .filter(c -> c.controlId().equals(CONTROL)).findFirst().orElseThrow();
    }

    @Test
    void anAttestationInForceSatisfiesAManualControlAndEntersTheRunInputs() throws Exception {
        AssessmentRun before = assessments.assess(AS_OF, Duration.ofDays(90), "test").run();
        assertThat(govern14(before).status()).isEqualTo(ControlStatus.MANUAL);
        String page = "/controls/nist-ai-rmf-1.0/GOVERN 1.4"; // RestAssured encodes the space
        given().auth().oauth2(ADMIN).get(page).then().statusCode(200)
                .body(containsString("id=\"table-manual-evidence\""))
                .body(containsString("Approved policy for agent identity governance"))
                .body(containsString("not attested"))
                .body(containsString("steward attest --framework nist-ai-rmf-1.0 --control \"GOVERN 1.4\" --evidence " + EVIDENCE))
                .body(not(containsString("id=\"table-checks\"")));

        byte[] policy = ("Agent governance policy v3\nApproved by the CISO on 2040-12-01\n").getBytes(StandardCharsets.UTF_8);
        int id = given().auth().oauth2(ADMIN).multiPart("framework", FRAMEWORK).multiPart("control", CONTROL)
                .multiPart("evidence", EVIDENCE).multiPart("statement", "The policy is approved and published.")
                .multiPart("validFrom", "2041-01-01").multiPart("validUntil", "2041-02-01")
                .multiPart("file", "policy.txt", policy, "text/plain")
                .post("/api/v1/attestations").then().statusCode(201)
                .body("fileSha256", equalTo(sha256(policy))).body("fileSize", equalTo(policy.length))
                .body("attestedBy", equalTo("token:bootstrap")).extract().path("id");

        byte[] back = given().auth().oauth2(token(Role.AUDITOR)).get("/api/v1/attestations/" + id + "/file").then()
                .statusCode(200).header("X-Content-SHA256", sha256(policy)).extract().asByteArray();
        assertThat(back).isEqualTo(policy);
        given().auth().oauth2(token(Role.VIEWER)).get("/api/v1/attestations/" + id + "/file").then().statusCode(403);
        given().auth().oauth2(token(Role.VIEWER)).get("/api/v1/attestations?framework=" + FRAMEWORK).then().statusCode(200)
                .body("id", hasItem(id));

        AssessmentRun with = assessments.assess(AS_OF, Duration.ofDays(90), "test").run();
        assertThat(with.id()).isNotEqualTo(before.id());
        ControlResult c = govern14(with);
        assertThat(c.status()).isEqualTo(ControlStatus.SATISFIED);
        assertThat(c.attestations()).containsExactly("attestation-" + id);
        // a manager reads the same attestations: narrowing the FAIL counts to their teams keeps them
        String manager = tokens.create("m-" + UUID.randomUUID(), Role.MANAGER, java.util.List.of("some-team"), null, "test")
                .token();
        given().auth().oauth2(manager).get("/api/v1/assessments/" + with.id() + "/controls?framework=" + FRAMEWORK).then()
                .statusCode(200).body("find { it.controlId == 'GOVERN 1.4' }.attestations", hasItem("attestation-" + id));
        // the control page says who attested what until when, and links the file for auditors and admins only
        given().auth().oauth2(ADMIN).get(page).then().statusCode(200)
                .body(containsString(">attestation-" + id + "<"))
                .body(containsString("The policy is approved and published."))
                .body(containsString("2041-02-01"))
                .body(containsString("href=\"/api/v1/attestations/" + id + "/file\""))
                .body(not(containsString("not attested"))).body(not(containsString("id=\"attest-hint\"")));
        given().auth().oauth2(token(Role.VIEWER)).get(page).then().statusCode(200)
                .body(containsString(">policy.txt<")).body(containsString(sha256(policy)))
                .body(not(containsString("/api/v1/attestations/" + id + "/file")));
        assertThat(with.summary().inputs()).anySatisfy(i -> {
            assertThat(i.kind()).isEqualTo("attestation");
            assertThat(i.uploadId()).isEqualTo(id);
        });
        // outside its validity it does not count
        assertThat(govern14(assessments.assess(Instant.parse("2041-03-01T00:00:00Z"), Duration.ofDays(90), "test").run())
                .status()).isEqualTo(ControlStatus.MANUAL);

        given().auth().oauth2(token(Role.VIEWER)).contentType(ContentType.JSON).body("{\"reason\":\"wrong\"}")
                .post("/api/v1/attestations/" + id + "/withdraw").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"superseded by v4\"}")
                .post("/api/v1/attestations/" + id + "/withdraw").then().statusCode(200)
                .body("withdrawReason", equalTo("superseded by v4")).body("withdrawnAt", not(equalTo(null)));
        String auditor = token(Role.AUDITOR);
        given().auth().oauth2(auditor).get("/api/v1/audit?action=ATTESTED&size=100").then().statusCode(200)
                .body("items.target", hasItem("attestation-" + id));
        given().auth().oauth2(auditor).get("/api/v1/audit?action=ATTESTATION_WITHDRAWN&size=100").then().statusCode(200)
                .body("items.target", hasItem("attestation-" + id));
        AssessmentRun after = assessments.assess(AS_OF, Duration.ofDays(90), "test").run();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(govern14(after).status()).isEqualTo(ControlStatus.MANUAL);
    }

    @Test
    void badAttestationsAreRefusedNamingFieldAndValueAndStoreNothing() {
        int count = given().auth().oauth2(ADMIN).get("/api/v1/attestations").then().extract().path("size()");
        given().auth().oauth2(ADMIN).multiPart("framework", FRAMEWORK).multiPart("control", "GOVERN 9.9")
                .multiPart("evidence", EVIDENCE).multiPart("statement", "x").multiPart("validUntil", "2041-02-01")
                .post("/api/v1/attestations").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("field 'control' value 'GOVERN 9.9'"));
        given().auth().oauth2(ADMIN).multiPart("framework", FRAMEWORK).multiPart("control", CONTROL)
                .multiPart("evidence", "a-memo").multiPart("statement", "x").multiPart("validUntil", "2041-02-01")
                .post("/api/v1/attestations").then().statusCode(400)
                .body("detail", containsString("field 'evidence' value 'a-memo'"))
                .body("detail", containsString(EVIDENCE));
        given().auth().oauth2(ADMIN).multiPart("framework", FRAMEWORK).multiPart("control", CONTROL)
                .multiPart("evidence", EVIDENCE).multiPart("statement", "x").multiPart("validUntil", "soon")
                .post("/api/v1/attestations").then().statusCode(400).body("detail", containsString("field 'validUntil' value 'soon'"));
        String key = "AKIA" + "ABCDEFGHIJKLMNOP";
        String body = given().auth().oauth2(ADMIN).multiPart("framework", FRAMEWORK).multiPart("control", CONTROL)
                .multiPart("evidence", EVIDENCE).multiPart("statement", "see file").multiPart("validUntil", "2041-02-01")
                .multiPart("file", "runbook.md", ("# Runbook\n\naws_key: " + key + "\n").getBytes(StandardCharsets.UTF_8),
                        "text/markdown")
                .post("/api/v1/attestations").then().statusCode(400)
                .body("detail", containsString("file 'runbook.md' line 3 contains a secret value (aws-access-key)"))
                .extract().asString();
        assertThat(body).doesNotContain(key);
        given().auth().oauth2(token(Role.AUDITOR)).multiPart("framework", FRAMEWORK).multiPart("control", CONTROL)
                .multiPart("evidence", EVIDENCE).multiPart("statement", "x").multiPart("validUntil", "2041-02-01")
                .post("/api/v1/attestations").then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/api/v1/attestations").then().body("size()", equalTo(count));
    }

    @Test
    void theMonthlyBundleCarriesTheAttestationsItsRunReadWithTheirFiles() throws Exception {
        byte[] schedule = "Quarterly access reviews: Jan, Apr, Jul, Oct\n".getBytes(StandardCharsets.UTF_8);
        int id = given().auth().oauth2(ADMIN).multiPart("framework", FRAMEWORK).multiPart("control", "GOVERN 1.5")
                .multiPart("evidence", "airmf-gv15-review-schedule").multiPart("statement", "Review schedule in force")
                .multiPart("validFrom", "2041-01-01").multiPart("validUntil", "2041-06-01")
                .multiPart("file", "review schedule.txt", schedule, "text/plain")
                .post("/api/v1/attestations").then().statusCode(201).extract().path("id");
        Path out = Files.createTempDirectory("attest-export-");

        ExportService.Outcome done = exports.export(YearMonth.of(2041, 1), out, "test", ExportService.Step.NONE,
                Instant.parse("2041-02-02T00:00:00Z"));

        Path bundle = done.bundle();
        assertThat(Files.readAllBytes(bundle.resolve("attestations/" + id + "/review_schedule.txt"))).isEqualTo(schedule);
        String records = Files.readString(bundle.resolve("attestations/attestations.json"));
        assertThat(records).contains("\"id\":" + id + ",").contains(sha256(schedule)).contains("Review schedule in force");
        assertThat(Files.readString(bundle.resolve("manifest.json"))).contains("attestations/" + id + "/review_schedule.txt");
        assertThat(BundleVerifier.verify(bundle, null, null).problems()).isEmpty();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
