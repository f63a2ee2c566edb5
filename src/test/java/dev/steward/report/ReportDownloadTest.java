package dev.steward.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.ingest.IngestService;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The report download: type and file name per format, viewers only, bad formats, frameworks and runs named. */
@QuarkusTest
class ReportDownloadTest {

    @Inject
    IngestService ingest;

    @Inject
    AssessmentService assessments;

    @Inject
    TokenService tokens;

    private AssessmentFixture fixture;

    private AssessmentSummary run() {
        fixture = new AssessmentFixture();
        fixture.ingest(ingest, "inventory-" + fixture.s + ".yaml", fixture.inventory(true));
        fixture.ingest(ingest, "decisions-" + fixture.s + ".jsonl", fixture.decisions());
        return assessments.assess(Instant.parse("2030-03-09T00:00:00Z"), Duration.ofDays(90), "test").run().summary();
    }

    @Test
    void restStreamsTheFileWithTypeAndNameForViewersOnly() {
        AssessmentSummary s = run();
        String viewer = tokens.create("t-" + UUID.randomUUID(), Role.VIEWER, null, "test").token();
        byte[] xlsx = given().auth().oauth2(viewer).get("/api/v1/reports/ownership?format=xlsx&assessment=" + s.id())
                .then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", containsString("filename=\"ownership.xlsx\""))
                .extract().asByteArray();
        assertThat(xlsx).startsWith('P', 'K');
        given().auth().oauth2(viewer).get("/api/v1/reports/gaps?format=pdf&framework=owasp-asi-2026&team=" + fixture.team()
                + "&assessment=" + s.id()).then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("gaps.pdf"));
        given().auth().oauth2(viewer).get("/api/v1/reports/gaps?format=html&assessment=" + s.id()).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("Control gap report"));
        given().get("/api/v1/reports/gaps?format=csv").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/v1/reports/gaps?format=csv").then().statusCode(401);
        given().auth().oauth2(viewer).get("/api/v1/reports/gaps?format=docx&assessment=" + s.id()).then().statusCode(400)
                .body("detail", containsString("format 'docx'"));
        given().auth().oauth2(viewer).get("/api/v1/reports/audit?format=pdf").then().statusCode(400);
        given().auth().oauth2(viewer).get("/api/v1/reports/gaps?format=pdf&assessment=nope").then().statusCode(404);
        given().auth().oauth2(viewer).get("/api/v1/reports/gaps?format=pdf&framework=iso-42001&assessment=" + s.id())
                .then().statusCode(400).body("detail", containsString("unknown framework"));
        given().auth().oauth2(viewer).get("/api/v1/reports/gaps?format=json&assessment=" + s.id()).then().statusCode(200)
                .body("report", equalTo("gaps")).body("findingCount", equalTo((int) s.totals().findings()));
    }
}
