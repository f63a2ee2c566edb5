package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.export.ExportRuns;
import dev.steward.security.Role;
import dev.steward.security.UserService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * "Export a month now" on the Exports page: an administrator exports a closed month as {@code steward export} does,
 * the page then says what was exported (or that the month was exported already, once being the rule), bad or open
 * months are refused naming them, and nobody else can export from the browser.
 */
@QuarkusTest
class ExportFormTest {

    @Inject
    UserService users;
    @Inject
    ExportRuns runs;

    private static RequestSpecification as(WebSession w) {
        return given().cookie("steward_session", w.cookie()).redirects().follow(false);
    }

    @Test
    void anAdminExportsAClosedMonthOnceAndThePageSaysSo() {
        WebSession admin = WebSession.newUser(users, Role.ADMIN);
        String location = AssessFormTest.path(as(admin).formParam("_csrf", admin.csrf()).formParam("period", "2018-03")
                .post("/exports").then().statusCode(303).extract().header("Location"));
        assertThat(location).isEqualTo("/exports?exported=2018-03");
        ExportRuns.ExportRun r = runs.get("2018-03").orElseThrow();
        assertThat(r.status()).isEqualTo(ExportRuns.DONE);
        assertThat(Files.isRegularFile(Path.of(r.location()).resolve("manifest.json"))).isTrue();
        Document page = Jsoup.parse(as(admin).get(location).then().statusCode(200).extract().asString());
        assertThat(page.select("#notice").text()).isEqualTo("Exported 2018-03: " + r.fileCount() + " files, "
                + String.format(java.util.Locale.ROOT, "%,d", r.sizeBytes()) + " bytes, manifest SHA-256 "
                + r.manifestSha256() + ", from assessment " + r.assessmentId() + ".");
        assertThat(page.select("#table-exports").text()).contains("2018-03");

        String again = AssessFormTest.path(as(admin).formParam("_csrf", admin.csrf()).formParam("period", "2018-03")
                .post("/exports").then().statusCode(303).extract().header("Location"));
        assertThat(again).isEqualTo("/exports?skipped=2018-03");
        assertThat(Jsoup.parse(as(admin).get(again).asString()).select("#notice").text())
                .startsWith("2018-03 was exported already (done, ");
        assertThat(runs.get("2018-03").orElseThrow().manifestSha256()).isEqualTo(r.manifestSha256());
    }

    @Test
    void badOrOpenMonthsAreRefusedAndOnlyAnAdminExports() {
        WebSession admin = WebSession.newUser(users, Role.ADMIN);
        Document bad = Jsoup.parse(as(admin).formParam("_csrf", admin.csrf()).formParam("period", "March")
                .post("/exports").then().statusCode(400).extract().asString());
        assertThat(bad.select("#export-error").text()).isEqualTo("period 'March' is not a month written YYYY-MM,"
                + " e.g. 2026-10");
        assertThat(bad.select("#export-form input[name=period]").attr("value")).isEqualTo("March");
        Document open = Jsoup.parse(as(admin).formParam("_csrf", admin.csrf()).formParam("period", "2999-12")
                .post("/exports").then().statusCode(400).extract().asString());
        assertThat(open.select("#export-error").text()).startsWith("period 2999-12 is not closed yet");
        assertThat(runs.get("2999-12")).isEmpty();

        as(admin).formParam("period", "2018-02").post("/exports").then().statusCode(403);
        WebSession auditor = WebSession.newUser(users, Role.AUDITOR);
        as(auditor).formParam("_csrf", auditor.csrf()).formParam("period", "2018-02").post("/exports").then()
                .statusCode(403);
        assertThat(Jsoup.parse(as(auditor).get("/exports").asString()).select("#export-form")).isEmpty();
        assertThat(runs.get("2018-02")).isEmpty();
    }
}
