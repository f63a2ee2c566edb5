package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.ControlResult;
import dev.steward.assessment.FrameworkScore;
import dev.steward.ingest.IngestService;
import dev.steward.mapping.Control;
import dev.steward.mapping.MappingRegistry;
import dev.steward.report.ReportService;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The overview accounts for every top-level control of every framework, the ones the mappings mark out of scope
 * included (ASI06, MAESTRO L1 and L2, CSF's RECOVER), and says per framework how many controls are manual or out of
 * scope, as the gap report does. An out-of-scope control's page says why once, in one sentence. The expectations are
 * read from whichever run the page shows (the latest of the shared test store) and from the mappings.
 */
@QuarkusTest
class OverviewControlsTest {

    @Inject
    IngestService ingest;
    @Inject
    AssessmentService assessments;
    @Inject
    ReportService reports;
    @Inject
    MappingRegistry mappings;

    @Test
    void everyTopLevelControlIsListedOutOfScopeOnesIncluded() {
        AssessmentFixture f = new AssessmentFixture();
        f.ingestAll(ingest);
        assessments.assess(Instant.parse("2030-03-11T00:00:00Z"), null, "test");
        String run = reports.latest().orElseThrow();
        Map<String, ControlResult> byRef = new HashMap<>();
        assessments.controls(run, null).orElseThrow().forEach(c -> byRef.put(c.framework() + ":" + c.controlId(), c));
        List<FrameworkScore> frameworks = assessments.get(run).orElseThrow().summary().frameworks();

        List<String> expected = new ArrayList<>();
        for (FrameworkScore fw : frameworks) {
            for (Control c : mappings.current().framework(fw.framework()).orElseThrow().controls()) {
                if (c.parent() == null) {
                    String status = byRef.get(fw.framework() + ":" + c.id()).status().name()
                            .toLowerCase(Locale.ROOT).replace('_', ' ');
                    expected.add(fw.framework() + " " + c.id() + " " + status);
                }
            }
        }
        assertThat(expected).as("the mappings have top-level controls out of scope")
                .contains("owasp-asi-2026 ASI06 out of scope", "csa-maestro L1 out of scope",
                        "nist-csf-2.0 RC out of scope");

        Document page = Jsoup.parse(given().auth().oauth2("test-admin-token").get("/").then().statusCode(200).extract()
                .asString());
        List<String> listed = page.select("#table-controls tbody tr").stream()
                .map(r -> r.child(0).text() + " " + r.child(1).text() + " " + r.child(3).text()).toList();
        assertThat(listed).as("every top-level control, in each mapping's order").isEqualTo(expected);
        Element asi06 = page.select("#table-controls tbody tr").stream().filter(r -> r.child(1).text().equals("ASI06"))
                .findFirst().orElseThrow();
        assertThat(asi06.child(4).text()).isEqualTo("n/a");
        String href = asi06.selectFirst("a").attr("href");
        assertThat(href).isEqualTo("/controls/owasp-asi-2026/ASI06");

        List<String> headers = page.select("#table-framework-scores thead th").eachText();
        int manual = headers.indexOf("Manual");
        int outOfScope = headers.indexOf("Out of scope");
        assertThat(manual).isPositive();
        List<Element> rows = page.select("#table-framework-scores tbody tr");
        assertThat(rows).hasSize(frameworks.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).child(0).text()).startsWith(frameworks.get(i).name());
            assertThat(rows.get(i).child(manual).text()).isEqualTo(Integer.toString(frameworks.get(i).manual()));
            assertThat(rows.get(i).child(outOfScope).text())
                    .isEqualTo(Integer.toString(frameworks.get(i).outOfScope()));
        }
        assertThat(frameworks.stream().mapToInt(FrameworkScore::outOfScope).sum()).isPositive();

        Document control = Jsoup.parse(given().auth().oauth2("test-admin-token").get(href).then().statusCode(200)
                .extract().asString());
        String reason = mappings.current().control("owasp-asi-2026", "ASI06").orElseThrow().outOfScopeReason();
        assertThat(control.select("#status-reason").text()).isEqualTo("Out of scope: " + reason);
        assertThat(control.text().split(java.util.regex.Pattern.quote(reason), -1)).as("the reason is said once")
                .hasSize(2);
        assertThat(control.text()).doesNotContain("..");
    }
}
