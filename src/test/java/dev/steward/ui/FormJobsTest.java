package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentService;
import dev.steward.export.ExportRuns;
import dev.steward.security.Role;
import dev.steward.security.UserService;
import dev.steward.work.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forms whose work outlasts their wait (a large store's assessment or export): the browser is sent to the page's job
 * view at once, which says what waits or runs and reloads itself, shows a failure in the refusal's own words, and once
 * the work is done sends the browser where the form would have. Here the wait is zero and a job asked before holds the
 * runner, so that what the pages say does not depend on the machine's speed.
 */
@QuarkusTest
class FormJobsTest {

    @Inject
    FormJobs jobs;
    @Inject
    UserService users;
    @Inject
    AssessmentService assessments;
    @Inject
    ExportRuns runs;
    @Inject
    dev.steward.upload.UploadRepository uploads;

    private final CountDownLatch release = new CountDownLatch(1);
    private Duration waitBefore;

    @BeforeEach
    void noWait() {
        waitBefore = jobs.waitFor(Duration.ZERO);
    }

    @AfterEach
    void restore() {
        release.countDown();
        jobs.waitFor(waitBefore);
    }

    private static RequestSpecification as(WebSession w) {
        return given().cookie("steward_session", w.cookie()).redirects().follow(false);
    }

    /** Reloads {@code path} as the page does until {@code until} holds (at most a minute). */
    private static Response follow(WebSession w, String path, Predicate<Response> until) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            Response r = as(w).get(path);
            if (until.test(r) || System.nanoTime() > deadline) {
                return r;
            }
            Thread.sleep(100);
        }
    }

    /** A job asked before, holding the runner until the test lets it go. */
    private Jobs.Job blocker(WebSession admin) {
        return jobs.submit("Something slow", admin.username(), () -> {
            release.await(1, TimeUnit.MINUTES);
            return URI.create("/?assessed=none");
        });
    }

    @Test
    void anAssessmentThatOutlastsTheFormIsFollowedOnTheOverviewUntilItsRunIsNamed() throws Exception {
        WebSession admin = WebSession.newUser(users, Role.ADMIN);
        Jobs.Job before = blocker(admin);
        String location = AssessFormTest.path(as(admin).formParam("_csrf", admin.csrf()).formParam("asOf", "2021-07-15")
                .formParam("window", "30d").post("/assess").then().statusCode(303).extract().header("Location"));
        assertThat(location).matches("/\\?job=[0-9a-f]{32}");

        Document queued = Jsoup.parse(as(admin).get(location).then().statusCode(200).extract().asString());
        assertThat(queued.select("#job").text()).matches("Assessment as of 2021-07-15 00:00 UTC over 30d, asked by "
                + admin.username() + " at .* UTC: waiting for 1 job asked before it\\. This page reloads every 5"
                + " seconds until it is done\\.");
        assertThat(queued.select("#job").hasClass("progress")).isTrue();
        assertThat(queued.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("5");
        Document running = Jsoup.parse(as(admin).get("/?job=" + before.id()).asString());
        assertThat(running.select("#job").text()).matches("Something slow, asked by " + admin.username()
                + " at .* UTC: running for \\d+ s\\. This page reloads every 5 seconds until it is done\\.");
        // the overview lists every job kept for admins, newest first
        Document listed = Jsoup.parse(as(admin).get("/").asString());
        assertThat(listed.select("#jobs li").eachText().subList(0, 2)).satisfiesExactly(
                a -> assertThat(a).startsWith("Assessment as of 2021-07-15 00:00 UTC over 30d, asked by "
                        + admin.username()).endsWith(": waiting for 1 job asked before it"),
                b -> assertThat(b).startsWith("Something slow, asked by " + admin.username())
                        .contains(": running for "));
        // only admins follow jobs; the overview of anyone else is the plain overview
        WebSession viewer = WebSession.newUser(users, Role.VIEWER);
        Document other = Jsoup.parse(as(viewer).get(location).then().statusCode(200).extract().asString());
        assertThat(other.select("#job")).isEmpty();
        assertThat(other.select("meta[http-equiv=refresh]")).isEmpty();
        assertThat(other.select("#jobs")).isEmpty();

        release.countDown();
        Response done = follow(admin, location, r -> r.statusCode() == 303);
        assertThat(done.statusCode()).isEqualTo(303);
        String named = AssessFormTest.path(done.header("Location"));
        assertThat(named).matches("/\\?assessed=[0-9a-f]{32}(&stored=1)?");
        String id = named.substring("/?assessed=".length(), "/?assessed=".length() + 32);
        assertThat(assessments.summary(id).orElseThrow().asOf()).isEqualTo(Instant.parse("2021-07-15T00:00:00Z"));
        assertThat(Jsoup.parse(as(admin).get(named).asString()).select("#notice").text())
                .startsWith("Assessment " + id + " as of 2021-07-15 00:00 UTC, decisions from 2021-06-15: ");
        Document after = Jsoup.parse(as(admin).get("/").asString());
        var mine = after.select("#jobs li").stream().filter(li -> li.text().startsWith("Assessment as of 2021-07-15"))
                .findFirst().orElseThrow();
        assertThat(mine.text()).matches(".*: done in \\d+ s result");
        assertThat(mine.hasClass("done")).isTrue();
        assertThat(mine.select("a").attr("href")).isEqualTo(named);
    }

    @Test
    void anUploadWaitingForItsTurnIsFollowedOnTheUploadsPageUntilItIsStored() throws Exception {
        WebSession admin = WebSession.newUser(users, Role.ADMIN);
        blocker(admin);
        String s = java.util.UUID.randomUUID().toString().substring(0, 8);
        String people = "id,name,email,team,manager,status,departedAt\np-job-" + s + ",Jo Job,jo@example.com,job-" + s
                + ",,active,\n";
        long stored = uploads.count();
        String location = AssessFormTest.path(as(admin).multiPart("_csrf", admin.csrf())
                .multiPart("files", "people.csv", people.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .multiPart("asOf", "2300-02-01").post("/uploads").then().statusCode(303).extract().header("Location"));
        assertThat(location).matches("/uploads\\?job=[0-9a-f]{32}");
        Document queued = Jsoup.parse(as(admin).get(location).then().statusCode(200).extract().asString());
        assertThat(queued.select("#job").text()).matches("Upload of people.csv, asked by " + admin.username()
                + " at .* UTC: waiting for 1 job asked before it\\. .*");
        assertThat(uploads.count()).as("nothing is stored while the upload waits").isEqualTo(stored);

        release.countDown();
        Response done = follow(admin, location, r -> r.statusCode() == 303);
        String listed = AssessFormTest.path(done.then().statusCode(303).extract().header("Location"));
        assertThat(listed).matches("/uploads\\?ingested=\\d+");
        Document page = Jsoup.parse(as(admin).get(listed).asString());
        assertThat(page.select("#ingested li").text()).matches("Upload \\d+ \\(people\\) committed: 1 person, .*");
        assertThat(uploads.count()).isEqualTo(stored + 1);
    }

    @Test
    void aFailedExportSaysWhyOnTheExportsPageAndStopsReloading() throws Exception {
        WebSession admin = WebSession.newUser(users, Role.ADMIN);
        // behind a job asked before: a refusal within the form's wait (zero here) is the form's own 400, and without
        // the blocker the export could fail before the form looked
        blocker(admin);
        String location = AssessFormTest.path(as(admin).formParam("_csrf", admin.csrf()).formParam("period", "2999-11")
                .post("/exports").then().statusCode(303).extract().header("Location"));
        assertThat(location).matches("/exports\\?job=[0-9a-f]{32}");
        release.countDown();
        Response failed = follow(admin, location, r -> Jsoup.parse(r.asString()).select("#job.error").size() == 1);
        Document page = Jsoup.parse(failed.then().statusCode(200).extract().asString());
        assertThat(page.select("#job").text()).matches("Export of 2999-11, asked by " + admin.username()
                + " at .* UTC, failed: period 2999-11 is not closed yet.*");
        assertThat(page.select("#job").attr("role")).isEqualTo("alert");
        assertThat(page.select("meta[http-equiv=refresh]")).isEmpty();
        assertThat(runs.get("2999-11")).isEmpty();

        Document gone = Jsoup.parse(as(admin).get("/?job=0123456789abcdef0123456789abcdef").asString());
        assertThat(gone.select("#job").text()).isEqualTo("No job 0123456789abcdef0123456789abcdef is kept here: the"
                + " service keeps the last 100 jobs asked through its forms and its API until it stops.");
    }
}
