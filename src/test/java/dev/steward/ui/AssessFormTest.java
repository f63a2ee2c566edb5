package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.audit.AuditFilter;
import dev.steward.audit.AuditLog;
import dev.steward.security.Role;
import dev.steward.security.UserService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * "Assess now" on the overview: an administrator assesses the stored evidence as of an instant and over a window, and
 * the overview names the run (made now, or stored before from the same inputs); bad values are refused naming them,
 * and nobody else can assess from the browser.
 */
@QuarkusTest
class AssessFormTest {


    @Inject
    UserService users;
    @Inject
    AssessmentService assessments;
    @Inject
    AuditLog audit;

    private WebSession session(Role role) {
        return WebSession.newUser(users, role);
    }

    private static RequestSpecification as(WebSession w) {
        return given().cookie("steward_session", w.cookie()).redirects().follow(false);
    }

    /** A redirect's path and query, without the scheme and host the server adds. */
    static String path(String location) {
        java.net.URI u = java.net.URI.create(location);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    @Test
    void anAdminAssessesAsOfAnInstantAndTheOverviewNamesTheRun() {
        WebSession admin = session(Role.ADMIN);
        Document overview = Jsoup.parse(as(admin).get("/").asString());
        assertThat(overview.select("#assess-form").attr("action")).isEqualTo("/assess");

        String location = path(as(admin).formParam("_csrf", admin.csrf()).formParam("asOf", "2021-04-01")
                .formParam("window", "30d").post("/assess").then().statusCode(303).extract().header("Location"));
        assertThat(location).matches("/\\?assessed=[0-9a-f]{32}");
        String id = location.substring("/?assessed=".length());
        AssessmentSummary s = assessments.summary(id).orElseThrow();
        assertThat(s.asOf()).isEqualTo(Instant.parse("2021-04-01T00:00:00Z"));
        assertThat(s.windowStart()).isEqualTo(Instant.parse("2021-03-02T00:00:00Z"));
        assertThat(audit.page(new AuditFilter(null, admin.username(), null, null), 0, 10).stream()
                .map(e -> e.action() + " " + e.target()).toList()).contains("ASSESSMENT " + id);
        Document page = Jsoup.parse(as(admin).get(location).then().statusCode(200).extract().asString());
        assertThat(page.select("#notice").text()).isEqualTo("Assessment " + id + " as of 2021-04-01 00:00 UTC,"
                + " decisions from 2021-03-02: " + s.totals().findings() + " findings. This page shows it.");
        assertThat(page.select("p.sub code").first().text()).isEqualTo(id);

        // the same inputs as of the same instant: the stored run, said so
        String again = path(as(admin).formParam("_csrf", admin.csrf()).formParam("asOf", "2021-04-01T00:00:00Z")
                .formParam("window", "P30D").post("/assess").then().statusCode(303).extract().header("Location"));
        assertThat(again).isEqualTo(location + "&stored=1");
        assertThat(Jsoup.parse(as(admin).get(again).asString()).select("#notice").text())
                .contains("the same inputs were assessed before, so this is the run stored then, unchanged.");
    }

    @Test
    void badValuesAreRefusedNamingThemAndOnlyAnAdminAssesses() {
        WebSession admin = session(Role.ADMIN);
        long runs = assessments.countRuns();
        assertThat(Jsoup.parse(as(admin).formParam("_csrf", admin.csrf()).formParam("window", "3 months")
                .post("/assess").then().statusCode(400).extract().asString()).text())
                .contains("window '3 months' is not 90d, 12h or an ISO-8601 duration such as P90D");
        assertThat(Jsoup.parse(as(admin).formParam("_csrf", admin.csrf()).formParam("asOf", "yesterday")
                .post("/assess").then().statusCode(400).extract().asString()).text())
                .contains("field 'asOf' value 'yesterday': not a date (YYYY-MM-DD) or an RFC 3339 date-time");
        assertThat(Jsoup.parse(as(admin).formParam("_csrf", admin.csrf()).formParam("asOf", "2999-01-01")
                .post("/assess").then().statusCode(400).extract().asString()).text())
                .contains("field 'asOf' value '2999-01-01': in the future");
        as(admin).formParam("asOf", "2021-04-02").post("/assess").then().statusCode(403);
        WebSession viewer = session(Role.VIEWER);
        as(viewer).formParam("_csrf", viewer.csrf()).formParam("asOf", "2021-04-02").post("/assess").then()
                .statusCode(403);
        assertThat(Jsoup.parse(as(viewer).get("/").asString()).select("#assess-form")).isEmpty();
        assertThat(assessments.countRuns()).isEqualTo(runs);
    }
}
