package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentRun;
import dev.steward.assessment.AssessmentService;
import dev.steward.security.Role;
import dev.steward.security.UserService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The Assessments page lists every run, newest first, with what it was computed from, and its report links download
 * that run's reports, not the newest one's.
 */
@QuarkusTest
class RunsPageTest {

    @Inject
    AssessmentService assessments;
    @Inject
    UserService users;

    private static Element row(Document page, String id) {
        return page.select("#table-assessments tbody tr").stream().filter(r -> r.child(0).text().startsWith(id))
                .findFirst().orElseThrow(() -> new AssertionError(id + " is not listed"));
    }

    @Test
    void everyRunIsListedNewestFirstAndItsReportLinksAreItsOwn() {
        Duration month = Duration.ofDays(30);
        AssessmentRun older = assessments.assess(Instant.parse("2021-05-01T00:00:00Z"), month, "test").run();
        AssessmentRun newer = assessments.assess(Instant.parse("2021-06-01T00:00:00Z"), month, "test").run();
        WebSession viewer = WebSession.newUser(users, Role.VIEWER);
        Document page = Jsoup.parse(given().cookie("steward_session", viewer.cookie()).get("/assessments").then()
                .statusCode(200).extract().asString());
        List<String> ids = page.select("#table-assessments tbody tr").stream().map(r -> r.child(0).text()).toList();
        assertThat(ids.get(0)).isEqualTo(newer.id());
        assertThat(page.select("#table-assessments tbody tr").get(0).child(0).hasClass("shown")).isTrue();
        assertThat(row(page, older.id()).child(0).hasClass("shown")).isFalse();
        assertThat(ids).contains(older.id());
        assertThat(ids.indexOf(older.id())).isGreaterThan(0);

        Element o = row(page, older.id());
        assertThat(o.child(1).text()).isEqualTo("2021-05-01 00:00 UTC");
        assertThat(o.child(2).text()).isEqualTo("2021-04-01");
        assertThat(o.child(4).text()).isEqualTo("test");
        assertThat(o.child(7).text()).isEqualTo(String.valueOf(older.summary().totals().findings()));
        assertThat(row(page, newer.id()).child(8).text()).isEqualTo(older.id());
        assertThat(o.child(9).select("a").eachText()).containsExactly("PDF", "XLSX", "HTML");
        String pdf = o.child(9).selectFirst("a").attr("href");
        assertThat(pdf).isEqualTo("/api/v1/reports/gaps?assessment=" + older.id() + "&format=pdf");
        var download = given().cookie("steward_session", viewer.cookie()).urlEncodingEnabled(false).get(pdf).then()
                .statusCode(200).extract();
        assertThat(download.header("X-Assessment-Id")).isEqualTo(older.id());
        assertThat(new String(download.asByteArray(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        String xlsx = o.child(10).select("a").get(1).attr("href");
        assertThat(xlsx).isEqualTo("/api/v1/reports/ownership?assessment=" + older.id() + "&format=xlsx");
        assertThat(given().cookie("steward_session", viewer.cookie()).urlEncodingEnabled(false).get(xlsx).then()
                .statusCode(200).extract().header("X-Assessment-Id")).isEqualTo(older.id());
    }
}
