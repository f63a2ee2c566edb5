package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentStore;
import dev.steward.assessment.ControlResult;
import dev.steward.assessment.Finding;
import dev.steward.check.Result;
import dev.steward.report.ReportService;
import java.util.TreeSet;
import dev.steward.ingest.IngestService;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Long page tables a page at a time. The ownership gaps page: a team of 23 agents shown 10 a page is three pages whose
 * rows, in order, are exactly the rows of the (unpaged) CSV download of the same filters, and the pager's links keep
 * the filters. A control page: its failing subjects, paged the same way, are every subject that fails one of the
 * control's checks, however many findings those checks have.
 */
@QuarkusTest
class PagingTest {

    static final String ADMIN = "test-admin-token";
    static final int AGENTS = 23;
    static AssessmentFixture f;

    @Inject
    IngestService ingest;
    @Inject
    AssessmentService assessments;
    @Inject
    ReportService reports;

    @BeforeEach
    void fixture() {
        if (f == null) {
            f = new AssessmentFixture();
            StringBuilder b = new StringBuilder("apiVersion: steward/v1\nkind: Inventory\nasOf: 2030-01-01T00:00:00Z\n"
                    + "source: paging-" + f.s + "\npeople:\n  - id: p-" + f.s + "\n    name: Pia\n    team: " + team()
                    + "\n    status: active\n");
            for (int sam = 1; sam <= 2; sam++) {
                b.append("  - id: sam").append(sam).append('-').append(f.s).append("\n    name: Sam Lee\n    team: ").append(team())
                        .append("\n    status: active\n");
            }
            b.append("agents:\n");
            for (int i = 0; i < AGENTS; i++) {
                // every third agent without an owner (a gap on OWN-1); agents 1 and 2 owned by one Sam Lee each; the rest
                // by Pia
                String owner = i % 3 == 0 ? "" : "    owner: " + (i <= 2 ? "sam" + i + "-" : "p-") + f.s + "\n";
                b.append("  - id: ").append(agent(i)).append("\n    autonomy: supervised\n    environment: dev\n    team: ")
                        .append(team()).append('\n').append(owner)
                        .append("    status: active\n    createdAt: 2029-01-01\n");
            }
            f.ingest(ingest, "paging-" + f.s + ".yaml", b.toString());
        }
        // the pages show the latest run: this fixture's, whatever other tests assessed before
        assessments.assess(Instant.parse("2030-03-05T00:00:00Z"), null, "test");
    }

    @Test
    void anOwnerIsGivenByNameAndASharedNameOffersTheIdsToChooseFrom() {
        String filters = "team=" + team() + "&show=all&sort=agent";
        Document pia = page(filters + "&owner=pia");
        assertThat(agents(pia)).as("Pia's 13 agents, by her name in any case").hasSize(13).doesNotContain(agent(0), agent(1));
        assertThat(pia.selectFirst("#filter-owner option[selected]").val()).isEqualTo("p-" + f.s);

        Document sam = page(filters + "&owner=Sam Lee");
        assertThat(agents(sam)).as("no guess between two people of one name").isEmpty();
        assertThat(sam.selectFirst("#ambiguous-owner").text()).startsWith("2 people are named \u201cSam Lee\u201d");
        List<String> links = sam.select("#ambiguous-owner a").eachAttr("href");
        assertThat(links).hasSize(2).allSatisfy(l -> assertThat(l).contains("team=" + team()).doesNotContain("Sam"));
        assertThat(agents(page(links.get(1).substring("/gaps?".length())))).containsExactly(agent(2));
    }

    @Test
    void aControlsFailingSubjectsAreAllOfThemAPageAtATime() {
        String run = reports.latest().orElseThrow();
        ControlResult nhi1 = assessments.controls(run, "owasp-nhi-2025").orElseThrow().stream()
                .filter(c -> c.controlId().equals("NHI1")).findFirst().orElseThrow();
        TreeSet<String> expected = new TreeSet<>();
        for (ControlResult.ControlCheck k : nhi1.checks()) {
            for (Finding x : assessments.findings(run, new AssessmentStore.FindingFilter(k.checkId(), k.variant(), null, null,
                    null, null, Result.FAIL), 0, 1_000_000).orElseThrow()) {
                expected.add(x.subjectType() + " " + x.subjectId());
            }
        }
        assertThat(expected).as("this fixture's agents fail OWN-1 or OWN-3").contains("agent " + agent(0), "agent " + agent(22));

        String base = "/controls/owasp-nhi-2025/NHI1?";
        List<String> csv = given().auth().oauth2(ADMIN).get(base + "page=2&rows=10&download=csv&table=failing-subjects").then()
                .statusCode(200).extract().asString().lines().skip(1).map(l -> l.split(",")[0]).toList();
        assertThat(csv).as("every failing subject, once, by type and id").isEqualTo(List.copyOf(expected));

        int size = Math.max(10, (csv.size() + 2) / 3);
        List<String> shown = new ArrayList<>();
        int pages = (csv.size() + size - 1) / size;
        for (int p = 1; p <= pages; p++) {
            Document d = Jsoup.parse(given().auth().oauth2(ADMIN).get(base + "rows=" + size + "&page=" + p).then().statusCode(200)
                    .extract().asString());
            shown.addAll(d.select("#table-failing-subjects tbody tr td:first-child").eachText());
            assertThat(d.selectFirst("#failing-count").text()).startsWith(csv.size() + " failing subjects.");
            if (pages > 1) {
                assertThat(d.selectFirst("#pager-failing-top .at").text()).isEqualTo("page " + p + " of " + pages);
            }
        }
        assertThat(shown).isEqualTo(csv);
    }

    private static String team() {
        return "paged-" + f.s;
    }

    private static String agent(int i) {
        return String.format("pg-%s-%02d", f.s, i);
    }

    private static Document page(String query) {
        return Jsoup.parse(given().auth().oauth2(ADMIN).get("/gaps?" + query).then().statusCode(200).extract().asString());
    }

    private static List<String> agents(Document d) {
        return d.select("#table-agents tbody tr td:first-child").eachText();
    }

    @Test
    void threePagesOfTenHoldExactlyTheDownloadsRowsInItsOrder() {
        String filters = "team=" + team() + "&show=all&sort=agent";
        List<String> csv = given().auth().oauth2(ADMIN).get("/gaps?" + filters + "&rows=10&page=2&download=csv&table=agents")
                .then().statusCode(200).extract().asString().lines().skip(1).map(l -> l.split(",")[0]).toList();
        assertThat(csv).as("the download is never paged").hasSize(AGENTS).startsWith(agent(0), agent(1)).endsWith(agent(22));

        List<String> shown = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            Document d = page(filters + "&rows=10&page=" + p);
            List<String> rows = agents(d);
            assertThat(rows).hasSize(p < 3 ? 10 : 3);
            shown.addAll(rows);
            assertThat(d.selectFirst("#row-count").text()).startsWith(AGENTS + " agents. Showing " + (10 * (p - 1) + 1) + "-"
                    + Math.min(AGENTS, 10 * p) + ", 10 a page");
            assertThat(d.selectFirst("#pager-top .at").text()).isEqualTo("page " + p + " of 3");
        }
        assertThat(shown).isEqualTo(csv);

        Document first = page(filters + "&rows=10");
        assertThat(first.select("#pager-top a.prev")).as("no page before the first").isEmpty();
        assertThat(first.selectFirst("#filter-rows option[selected]").val()).as("a new filter keeps the page size").isEqualTo("10");
        Element next = first.selectFirst("#pager-bottom a.next");
        assertThat(next.attr("href")).startsWith("/gaps?").contains("team=" + team(), "show=all", "sort=agent", "rows=10&page=2")
                .doesNotContain("page=1");
        assertThat(next.attr("href").split("rows=", -1)).as("the page size once").hasSize(2);
        assertThat(agents(page(next.attr("href").substring("/gaps?".length())))).isEqualTo(csv.subList(10, 20));
        Document last = page(filters + "&rows=10&page=3");
        assertThat(last.select("#pager-top a.next")).as("no page after the last").isEmpty();
        assertThat(last.selectFirst("#pager-top a.prev").attr("href")).endsWith("rows=10&page=2");
    }

    @Test
    void aPageOutOfRangeOrNotANumberLandsOnARealPage() {
        String filters = "team=" + team() + "&show=all&sort=agent&rows=10";
        assertThat(agents(page(filters + "&page=99"))).as("past the end: the last page").containsExactly(agent(20), agent(21),
                agent(22));
        assertThat(agents(page(filters + "&page=abc"))).as("not a number: the first page").hasSize(10).startsWith(agent(0));
        assertThat(agents(page(filters + "&page=-4"))).hasSize(10).startsWith(agent(0));
        assertThat(agents(page("team=" + team() + "&show=all&sort=agent&rows=3"))).as("at least 10 a page").hasSize(10);
        Document whole = page("team=" + team() + "&show=all&sort=agent");
        assertThat(agents(whole)).as("the default page holds all 23").hasSize(AGENTS);
        assertThat(whole.select("#pager-top, #pager-bottom")).as("one page: no pager").isEmpty();
        assertThat(whole.selectFirst("#row-count").text()).startsWith(AGENTS + " agents.").doesNotContain("Showing");
        // the gaps view pages the same way (every agent here has a gap: no backup owner, no review)
        Document gaps = page("team=" + team() + "&sort=agent&rows=10&page=3");
        assertThat(gaps.select("#table-ownership-gaps tbody tr td:first-child").eachText()).containsExactly(agent(20),
                agent(21), agent(22));
    }
}
