package dev.steward.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.steward.assessment.AssessmentService;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import dev.steward.work.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/assessments} with {@code Prefer: respond-async}: 202 at once with a job, followed at
 * {@code /api/v1/jobs/{id}} until it names the run it made; a failed job says why; only admins see jobs.
 */
@QuarkusTest
class JobApiTest {

    private static final String ADMIN = "test-admin-token";

    @Inject
    Jobs jobs;
    @Inject
    TokenService tokens;
    @Inject
    AssessmentService assessments;
    @Inject
    dev.steward.upload.UploadRepository uploads;

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void letGo() {
        release.countDown();
    }

    private static JsonPath job(String location) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            JsonPath j = given().auth().oauth2(ADMIN).get(location).then().statusCode(200).extract().jsonPath();
            String state = j.getString("state");
            if ("DONE".equals(state) || "FAILED".equals(state) || System.nanoTime() > deadline) {
                return j;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void anAsyncAssessmentAnswers202AtOnceAndItsJobNamesTheRunOnceDone() throws Exception {
        // a job asked before holds the runner, so that the answer cannot have waited for the assessment
        Jobs.Job before = jobs.submit("Something slow", "token:bootstrap", () -> {
            release.await(1, TimeUnit.MINUTES);
            return URI.create("/api/v1/assessments/none");
        });
        var accepted = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .header("Prefer", "respond-async, wait=5").body("{\"asOf\":\"2021-08-01\",\"window\":\"30d\"}")
                .post("/api/v1/assessments").then().statusCode(202)
                .header("Preference-Applied", "respond-async")
                .body("state", equalTo("QUEUED")).body("ahead", equalTo(1))
                .body("what", equalTo("Assessment as of 2021-08-01T00:00:00Z over 30d"))
                .body("askedBy", equalTo("token:bootstrap")).extract();
        String location = URI.create(accepted.header("Location")).getPath();
        assertThat(location).isEqualTo("/api/v1/jobs/" + accepted.jsonPath().getString("id"));
        given().auth().oauth2(ADMIN).get("/api/v1/jobs/" + before.id()).then().statusCode(200)
                .body("state", equalTo("RUNNING")).body("result", equalTo(null));
        // the list: newest first, this one before the one it waits for
        java.util.List<String> ids = given().auth().oauth2(ADMIN).get("/api/v1/jobs").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertThat(ids.indexOf(accepted.jsonPath().getString("id"))).isLessThan(ids.indexOf(before.id()));

        release.countDown();
        JsonPath done = job(location);
        assertThat(done.getString("state")).isEqualTo("DONE");
        assertThat(done.getString("error")).isNull();
        String result = done.getString("result");
        assertThat(result).matches("/api/v1/assessments/[0-9a-f]{32}");
        given().auth().oauth2(ADMIN).get(result).then().statusCode(200)
                .body("summary.asOf", equalTo("2021-08-01T00:00:00Z"))
                .body("summary.windowStart", equalTo("2021-07-02T00:00:00Z"));
        assertThat(Instant.parse(done.getString("finishedAt")))
                .isAfterOrEqualTo(Instant.parse(done.getString("startedAt")));

        // without the preference the same request is answered with the run itself, stored then
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"asOf\":\"2021-08-01\",\"window\":\"30d\"}")
                .post("/api/v1/assessments").then().statusCode(200)
                .body("id", equalTo(result.substring("/api/v1/assessments/".length())));
    }

    @Test
    void anAsyncUploadKeepsItsFileUntilItsTurnAndItsJobNamesTheUpload() throws Exception {
        Jobs.Job before = jobs.submit("Something slow", "token:bootstrap", () -> {
            release.await(1, TimeUnit.MINUTES);
            return URI.create("/api/v1/uploads/0");
        });
        String s = UUID.randomUUID().toString().substring(0, 8);
        String people = "id,name,email,team,manager,status,departedAt\np-async-" + s + ",Ann Async,ann@example.com,"
                + "async-" + s + ",,active,\n";
        long stored = uploads.count();
        // a raw body: the request's own copy is deleted when it ends, long before the job's turn
        var accepted = given().auth().oauth2(ADMIN).contentType("text/csv").header("Prefer", "respond-async")
                .body(people).post("/api/v1/uploads/people?filename=people.csv&asOf=2300-03-01").then()
                .statusCode(202).header("Preference-Applied", "respond-async")
                .body("what", equalTo("Upload of people.csv (people)")).body("state", equalTo("QUEUED")).extract();
        assertThat(uploads.count()).as("nothing is stored before the job's turn").isEqualTo(stored);
        assertThat(before.state()).isEqualTo(Jobs.State.RUNNING);

        release.countDown();
        JsonPath done = job(URI.create(accepted.header("Location")).getPath());
        assertThat(done.getString("state")).isEqualTo("DONE");
        String result = done.getString("result");
        assertThat(result).matches("/api/v1/uploads/\\d+");
        given().auth().oauth2(ADMIN).get(result).then().statusCode(200).body("upload.status", equalTo("COMMITTED"))
                .body("upload.people", equalTo(1)).body("upload.files", equalTo(java.util.List.of("people.csv")))
                .body("upload.kind", equalTo("PEOPLE"));
        assertThat(uploads.count()).isEqualTo(stored + 1);
    }

    @Test
    void aFailedJobSaysWhyAndOnlyAdminsSeeJobs() throws Exception {
        Jobs.Job failing = jobs.submit("Something refused", "token:bootstrap", () -> {
            throw new IllegalArgumentException("field 'x' value 'y': refused for the test");
        });
        JsonPath failed = job("/api/v1/jobs/" + failing.id());
        assertThat(failed.getString("state")).isEqualTo("FAILED");
        assertThat(failed.getString("error")).isEqualTo("field 'x' value 'y': refused for the test");
        assertThat(failed.getString("result")).isNull();

        String viewer = tokens.create("t-" + UUID.randomUUID(), Role.VIEWER, null, "test").token();
        given().auth().oauth2(viewer).get("/api/v1/jobs/" + failing.id()).then().statusCode(403);
        given().auth().oauth2(viewer).get("/api/v1/jobs").then().statusCode(403);
        long runs = assessments.countRuns();
        given().auth().oauth2(viewer).contentType(ContentType.JSON).header("Prefer", "respond-async")
                .body("{\"asOf\":\"2021-08-02\"}").post("/api/v1/assessments").then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/api/v1/jobs/0123456789abcdef0123456789abcdef").then().statusCode(404)
                .body("detail", containsString("no job 0123456789abcdef0123456789abcdef is kept"));
        // a bad value is refused at once, before any job
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Prefer", "respond-async")
                .body("{\"window\":\"3 months\"}").post("/api/v1/assessments").then().statusCode(400);
        assertThat(assessments.countRuns()).isEqualTo(runs);
    }
}
