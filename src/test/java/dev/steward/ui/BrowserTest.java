package dev.steward.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentService;
import dev.steward.export.ExportService;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.SourceAdapters;
import dev.steward.security.Role;
import dev.steward.security.UserService;
import dev.steward.testing.SampleData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in a real headless Chromium against the sample data, asserting what a person sees: sign-in, the
 * ownership filter, an agent drill-down, downloads read back, a manager's scope, and a screenshot of every page
 * (target/screenshots).
 */
@QuarkusTest
@TestProfile(WebProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {

    static final String PASSWORD = "correct horse battery";
    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    IngestService ingest;
    @Inject
    IngestConfig limits;
    @Inject
    SourceAdapters sources;
    @Inject
    AssessmentService assessments;
    @Inject
    UserService users;
    @Inject
    ExportService exports;
    @Inject
    dev.steward.mapping.MappingRegistry mappings;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private String runId;

    @BeforeEach
    void data() {
        runId = SampleData.ensure(ingest, limits, sources, assessments);
        QuarkusTransaction.requiringNew().run(() -> {
            if (users.byName("grc").isEmpty()) {
                users.add("grc", "Gina GRC", PASSWORD, Role.AUDITOR, List.of(), null);
                users.add("paymgr", "Ingrid Manager", PASSWORD, Role.MANAGER, List.of("payments"), "p-ingrid");
                users.add("admin2", "Second Admin", PASSWORD, Role.ADMIN, List.of(), null);
            }
        });
        browser.driver.manage().deleteAllCookies();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void signIn(String user, String password) {
        browser.driver.get(url("/login"));
        browser.driver.findElement(By.id("username")).clear();
        browser.driver.findElement(By.id("username")).sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.id("sign-in")).click();
        // the form's POST is in flight: wait until it lands (the overview, or the sign-in page with its error)
        wait10().until(d -> !d.getCurrentUrl().contains("/login") || !d.findElements(By.id("login-error")).isEmpty());
    }

    private org.openqa.selenium.support.ui.WebDriverWait wait10() {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10));
    }

    /** An element, waiting up to 10 s for it to appear (a click only starts the next page's load). */
    private org.openqa.selenium.WebElement find(By by) {
        return wait10().until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(by));
    }

    /**
     * The text of an element, waiting up to 10 s for it to appear (a click only starts the next page's load) and
     * reading it again when the page was replaced meanwhile (a filter form that submits itself on change).
     */
    private String text(String css) {
        return wait10().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    @Test
    @Order(1)
    void signInRejectsAWrongPasswordAndLandsOnTheOverview() {
        browser.driver.get(url("/gaps"));
        assertThat(browser.driver.getCurrentUrl()).contains("/login");
        browser.screenshot("01-login");

        signIn("grc", "not the password");
        assertThat(text("#login-error")).isEqualTo("Wrong user name or password.");
        assertThat(browser.driver.findElements(By.id("signed-in-user"))).isEmpty();
        browser.screenshot("02-login-wrong-password");

        signIn("grc", PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(text("h1")).isEqualTo("Overview");
        assertThat(text("#signed-in-user")).isEqualTo("Gina GRC");
        assertThat(text("#signed-in-role")).isEqualTo("auditor");
        assertThat(text("#table-framework-scores")).contains("OWASP").contains("NIST");
        assertThat(text("#table-recommendations")).contains("payments");
        // how quickly access is cut off: the run's revocation latency, worded as the reports word it
        dev.steward.report.GapReport.Revocation revocation = dev.steward.report.GapReport.Revocation
                .of(assessments.summary(runId).orElseThrow(), false);
        assertThat(revocation.measured()).isPositive();
        assertThat(text("#revocation-summary")).isEqualTo(revocation.summary());
        assertThat(text("#revocation")).contains("How quickly access is cut off")
                .contains(dev.steward.report.Fmt.duration(revocation.p95Seconds()));
        browser.screenshot("03-overview");

        find(By.id("sign-out")).click();
        wait10().until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login"));
        browser.driver.get(url("/"));
        assertThat(browser.driver.getCurrentUrl()).as("signed out: back to sign-in").contains("/login");
    }

    @Test
    @Order(2)
    void theOwnershipFilterShowsExactlyOneTeamsAgentsAndItsCsvMatches() throws Exception {
        signIn("grc", PASSWORD);
        browser.driver.get(url("/gaps?show=all"));
        int all = rows().size();
        new Select(find(By.id("filter-team"))).selectByValue("payments");
        if (!browser.driver.getCurrentUrl().contains("team=payments")) {
            find(By.id("apply-filters")).click();
            wait10().until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("team=payments"));
        }
        assertThat(browser.driver.getCurrentUrl()).contains("team=payments");
        List<List<String>> shown = rows();
        assertThat(shown).hasSize(11).hasSizeLessThan(all);
        assertThat(shown).allSatisfy(r -> assertThat(r.get(2)).isEqualTo("payments"));
        assertThat(shown).extracting(r -> r.get(0)).contains("settlement-recon", "invoice-bot");
        assertThat(text("#row-count")).startsWith("11 agents.");
        browser.screenshot("04-gaps-filtered-payments");

        find(By.cssSelector("#table-agents a.dl-csv")).click();
        Path csv = browser.download("agents.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFAgent,Name,Team");
        assertThat(lines).hasSize(shown.size() + 1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.split(",")[2]).isEqualTo("payments"));
    }

    @Test
    @Order(3)
    void anAgentDrillDownShowsItsOwnerChainAndFindings() {
        signIn("grc", PASSWORD);
        browser.driver.get(url("/gaps?team=payments"));
        browser.screenshot("05-gaps-payments");
        find(By.cssSelector("#table-ownership-gaps a[href='/agents/settlement-recon']")).click();
        wait10().until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/agents/settlement-recon"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/agents/settlement-recon");
        assertThat(text("#agent-id")).startsWith("settlement-recon");
        String chain = text("#owner-chain");
        assertThat(chain).contains("owner:").contains("(departed)").contains("manager:");
        assertThat(text("#gap-ids")).contains("OWN-2");
        String findings = text("#table-findings");
        assertThat(findings).contains("OWN-2").contains("departed");
        assertThat(text("#table-credentials")).contains("Lifetime");
        browser.screenshot("06-agent-settlement-recon");

        find(By.linkText("Overview")).click();
        // the first control in scope (the table lists the out-of-scope ones too, which the mappings give no rationale)
        find(By.xpath("//*[@id='table-controls']//tbody/tr[not(td[contains(@class, 'out-of-scope')])][1]//a")).click();
        wait10().until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/controls/"));
        // the control's statement and the mapping's rationale, as the mappings give them
        String[] ref = java.net.URLDecoder.decode(browser.driver.getCurrentUrl().replaceFirst(".*/controls/", "")
                .replaceFirst("[?#].*", ""), java.nio.charset.StandardCharsets.UTF_8).split("/");
        dev.steward.mapping.Control shown = mappings.current().framework(ref[0]).flatMap(f -> f.control(ref[1])).orElseThrow();
        assertThat(text("#control-statement")).contains(shown.description().strip())
                .contains("Why the checks below evidence it: " + shown.rationale().strip());
        browser.screenshot("07-control");
        // a NIST subcategory has no title of its own: the heading does not repeat its id, the panel gives NIST's text
        browser.driver.get(url("/controls/nist-csf-2.0/GV.RR-02"));
        assertThat(text("#control-title")).isEqualTo("nist-csf-2.0 GV.RR-02");
        assertThat(text("#control-statement")).startsWith("The control").contains("Roles, responsibilities, and authorities");
        assertThat(browser.driver.getCurrentUrl()).contains("/controls/");
        assertThat(text("#table-checks")).contains("Check");
        assertThat(text("#table-crosswalk")).isNotBlank();
    }

    @Test
    @Order(4)
    void aReportDownloadIsTheOwnershipWorkbook() throws Exception {
        signIn("grc", PASSWORD);
        browser.driver.get(url("/"));
        find(By.cssSelector("a.report-ownership-xlsx")).click();
        Path xlsx = browser.download("ownership.xlsx");
        List<String> sheets = new ArrayList<>();
        boolean seen = false;
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet s : wb) {
                sheets.add(s.getSheetName());
                for (Row r : s) {
                    for (var c : r) {
                        seen |= c.toString().equals("settlement-recon");
                    }
                }
            }
        }
        assertThat(sheets).isNotEmpty();
        assertThat(seen).as("the workbook lists settlement-recon; sheets " + sheets).isTrue();
    }

    @Test
    @Order(5)
    void aManagerSeesOnlyTheirTeamsInTheBrowser() {
        signIn("paymgr", PASSWORD);
        assertThat(text("#signed-in-role")).isEqualTo("manager");
        // the overview scores the manager's team in each framework
        assertThat(text("#table-team-framework-scores")).contains("Your teams' framework scores")
                .contains("payments").contains("owasp-nhi-2025").contains("nist-csf-2.0").doesNotContain("marketing");
        assertThat(text("#revocation-summary")).as("how quickly the manager's team's access is cut off")
                .contains("Measured over the credentials of team payments");
        browser.screenshot("08-manager-overview");
        browser.driver.get(url("/gaps?show=all"));
        List<List<String>> shown = rows();
        assertThat(shown).hasSize(11).allSatisfy(r -> assertThat(r.get(2)).isEqualTo("payments"));
        assertThat(shown.get(0).get(7)).as("agents whose owner reports to the signed-in manager come first")
                .isEqualTo("Ingrid Larsen");
        assertThat(browser.driver.findElements(By.cssSelector("#filter-team option")))
                .extracting(WebElement::getText).containsExactly("any", "payments");
        browser.screenshot("08-manager-gaps");
        browser.driver.get(url("/agents/faq-responder"));
        assertThat(text("h1")).isEqualTo("Agent not found");
        browser.screenshot("09-manager-other-team-agent");
        assertThat(browser.driver.findElements(By.linkText("Users"))).isEmpty();
    }

    @Test
    @Order(6)
    void everyOtherPageRendersForAnAdmin() throws Exception {
        signIn("admin2", PASSWORD);
        browser.driver.get(url("/uploads"));
        assertThat(text("#table-uploads")).contains("inventory").contains("decisions");
        browser.screenshot("10-uploads");
        find(By.cssSelector("#table-uploads tbody a")).click();
        wait10().until(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches("/uploads/\\d+"));
        assertThat(text("h1")).startsWith("Upload");
        // the stored report's one-line summary: what the upload stored
        assertThat(text("dl.facts")).contains(") committed: ").containsPattern("\\d+ (decision|agent|person|people)");
        browser.screenshot("11-upload-problems");
        deleteTree(exports.exportsDir());
        exports.export(java.time.YearMonth.of(2026, 10), "test");
        browser.driver.get(url("/exports"));
        assertThat(text("h1")).isEqualTo("Evidence exports");
        assertThat(text("#table-exports")).contains("2026-10").contains("verified").contains("bundle.zip");
        assertThat(text("p.sub")).contains("steward verify").contains("VERIFY.txt");
        // the hashes wrap in their cells: the table fits a 1300-pixel window, and bundle.zip shows without scrolling
        org.openqa.selenium.Dimension size = browser.driver.manage().window().getSize();
        try {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1300, 1800));
            browser.driver.get(url("/exports"));
            Object sideways = browser.driver.executeScript("var s = document.querySelector('#table-exports .scroll');"
                    + " return s.scrollWidth - s.clientWidth;");
            assertThat(((Number) sideways).intValue()).as("the exports table scrolls sideways").isLessThanOrEqualTo(0);
        } finally {
            browser.driver.manage().window().setSize(size);
        }
        browser.screenshot("12-exports");
        browser.driver.get(url("/admin/users"));
        assertThat(text("#users")).contains("paymgr").contains("grc");
        browser.screenshot("13-users");
        browser.driver.get(url("/admin/tokens"));
        find(By.cssSelector("#create-token input[name=name]")).sendKeys("ci-reader");
        find(By.cssSelector("#create-token button")).click();
        assertThat(text("#token-value")).startsWith("stw_");
        browser.screenshot("14-token-created");
        browser.driver.get(url("/admin/tokens"));
        assertThat(browser.driver.findElements(By.id("token-value"))).as("a token is shown once").isEmpty();
        assertThat(text("#tokens")).contains("ci-reader");
        browser.driver.get(url("/gaps"));
        browser.screenshot("15-gaps-default");
        // the scores page: owners by name, the lowest score first, each linking to that owner's agents
        browser.driver.get(url("/scores"));
        find(By.linkText("Scores"));
        assertThat(text("#table-scores-teams")).contains("Score in owasp-asi-2026").contains("Score in nist-csf-2.0");
        browser.screenshot("16-scores-teams");
        new org.openqa.selenium.support.ui.Select(find(By.id("filter-by"))).selectByValue("owners");
        new org.openqa.selenium.support.ui.Select(find(By.id("filter-sort"))).selectByValue("score");
        find(By.id("apply-filters")).click();
        wait10().until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("sort=score"));
        assertThat(text("#table-scores-owners")).contains("Scores by owner").contains("Ana Silva").contains("p-ana");
        browser.screenshot("16-scores-owners");
        find(By.linkText("Ana Silva")).click();
        // wait for the gaps page itself: until it loads, the scores page's h1 is still there to be read
        wait10().until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/gaps"));
        assertThat(text("h1")).isEqualTo("Ownership gaps");
        assertThat(text("#table-agents")).contains("Ana Silva").doesNotContain("Bruno Costa");
    }

    @Test
    @Order(7)
    void aLongOwnerListIsATextFieldTakingANameThatATeamNarrowsToAList() {
        // WebProfile caps a filter's list at 20 values; sample-data's agents have 39 owners
        signIn("grc", PASSWORD);
        browser.driver.get(url("/gaps?show=all"));
        WebElement owner = find(By.id("filter-owner"));
        assertThat(owner.getTagName()).isEqualTo("input");
        assertThat(text("#hint-owner")).isEqualTo("39 owners: type one, or choose a team first");
        owner.sendKeys("priya natarajan", org.openqa.selenium.Keys.ENTER);
        wait10().until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("owner=priya"));
        List<List<String>> hers = rows();
        assertThat(hers).isNotEmpty().allSatisfy(r -> assertThat(r.get(5)).isEqualTo("Priya Natarajan"));
        assertThat(find(By.id("filter-owner")).getAttribute("value")).as("the name read as her id").isNotEqualTo("priya natarajan")
                .doesNotContain(" ");
        assertThat(text("#hint-owner")).isEqualTo("Priya Natarajan");
        browser.screenshot("16-gaps-owner-typed");

        new Select(find(By.id("filter-team"))).selectByValue("payments");
        if (!browser.driver.getCurrentUrl().contains("team=payments")) {
            find(By.id("apply-filters")).click();
        }
        wait10().until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("team=payments"));
        // the team's five owners fit a list, with her chosen
        Select owners = new Select(find(By.id("filter-owner")));
        assertThat(owners.getOptions()).hasSize(6);
        assertThat(owners.getFirstSelectedOption().getText()).isEqualTo("Priya Natarajan");
        assertThat(rows()).isNotEmpty().hasSizeLessThanOrEqualTo(hers.size())
                .allSatisfy(r -> assertThat(List.of(r.get(2), r.get(5))).containsExactly("payments", "Priya Natarajan"));
        browser.screenshot("17-gaps-owner-in-team");
    }

    private List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement tr : browser.driver.findElements(By.cssSelector("section.tbl table tbody tr"))) {
            rows.add(tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }
        return rows;
    }

    /** This class's data dir outlives the in-memory database; a bundle of an earlier run would block the export. */
    /**
     * Words a page's table cells break in the middle ("paymen" / "ts"): every run of letters and digits in a cell (a
     * cell marked "any" excepted, where hashes and evidence ids may break) must lie on one line, and so must every
     * check id ("OWN-1", not "OWN-" and "1"). Returns each broken word with its cell's text.
     */
    private List<String> brokenWords() {
        Object found = browser.driver.executeScript("""
                const out = [];
                const oneLine = r => new Set(Array.from(r.getClientRects()).filter(x => x.width > 0)
                    .map(x => Math.round(x.top))).size <= 1;
                document.querySelectorAll('td:not(.any)').forEach(td => {
                  // a cell of check ids ("OWN-2, LIF-1") keeps each whole; any other cell its words
                  const codes = /^([A-Z]{2,4}-[0-9]+( [(][^)]*[)])?(, )?)+$/.test(td.textContent.trim());
                  const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
                  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                    for (const m of n.data.matchAll(codes ? /[A-Z]{2,4}-[0-9]+/g : /[\\p{L}\\p{N}]+/gu)) {
                      const r = document.createRange();
                      r.setStart(n, m.index);
                      r.setEnd(n, m.index + m[0].length);
                      if (!oneLine(r)) out.push(m[0] + ' in ' + td.textContent.trim().slice(0, 60));
                    }
                  }
                });
                document.querySelectorAll('span.code').forEach(c => {
                  const r = document.createRange();
                  r.selectNodeContents(c);
                  if (!oneLine(r)) out.push(c.textContent + ' (a check id)');
                });
                return out;""");
        List<String> words = new ArrayList<>();
        ((List<?>) found).forEach(w -> words.add(w.toString()));
        return words;
    }

    @Test
    @Order(8)
    void noTableBreaksAWordOrACheckIdInTheReportsOrThePages() throws Exception {
        signIn("grc", PASSWORD);
        // the HTML reports as a user gets them: downloaded from the overview's links, then opened
        List<String> pages = new ArrayList<>();
        for (String report : List.of("ownership", "gaps")) {
            browser.driver.get(url("/"));
            find(By.cssSelector("a.report-" + report + "-html")).click();
            pages.add(browser.download(report + ".html").toUri().toString());
        }
        org.openqa.selenium.Dimension size = browser.driver.manage().window().getSize();
        try {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1300, 1800));
            for (String page : List.of(pages.get(0), pages.get(1), url("/gaps"), url("/agents/settlement-recon"),
                    url("/controls/owasp-nhi-2025/NHI1"), url("/"))) {
                browser.driver.get(page);
                find(By.cssSelector("table td"));
                browser.screenshot("17-words-" + page.replaceAll(".*/", "").replaceAll("[^a-z]+", "-"));
                assertThat(brokenWords()).as("words broken in a table of " + page).isEmpty();
            }
            // narrower than the reports' tables: cells may then break anywhere, and the page still fits its window
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(900, 1800));
            for (String page : pages) {
                browser.driver.get(page);
                find(By.cssSelector("table td"));
                List<?> w = (List<?>) browser.driver.executeScript("return [document.documentElement.scrollWidth,"
                        + " document.documentElement.clientWidth];");
                assertThat(((Number) w.get(0)).intValue()).as("no sideways scrolling in " + page)
                        .isLessThanOrEqualTo(((Number) w.get(1)).intValue());
            }
        } finally {
            browser.driver.manage().window().setSize(size);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
