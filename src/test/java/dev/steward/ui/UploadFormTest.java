package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.AuditFilter;
import dev.steward.audit.AuditLog;
import dev.steward.inventory.InventoryQueries;
import dev.steward.security.Role;
import dev.steward.security.UserService;
import dev.steward.upload.UploadEntity;
import dev.steward.upload.UploadRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Files uploaded from the Uploads page, as an administrator does in the browser: they are grouped and ingested as
 * {@code steward ingest} does a folder (an inventory with its people directory is one upload), and the list then names
 * each upload made: stored, already stored, or rejected with its problems a click away, storing nothing. Only an
 * administrator with the page's CSRF token uploads. The inventories here are in a scope of their own and in force from
 * 2300 on, so that no other test's assessment reads them.
 */
@QuarkusTest
class UploadFormTest {


    @Inject
    UserService users;
    @Inject
    UploadRepository uploads;
    @Inject
    InventoryQueries inventory;
    @Inject
    AuditLog audit;

    private final String s = UUID.randomUUID().toString().substring(0, 8);

    private WebSession session(Role role) {
        return WebSession.newUser(users, role);
    }

    private static RequestSpecification form(WebSession w) {
        return given().cookie("steward_session", w.cookie()).redirects().follow(false).multiPart("_csrf", w.csrf());
    }

    private String inventory(String agentLine) {
        return "apiVersion: steward/v1\nkind: Inventory\nasOf: 2300-01-01T00:00:00Z\nsource: web-form-" + s + "\n"
                + "agents:\n  - id: web-bot-" + s + "\n    autonomy: supervised\n    environment: dev\n"
                + "    team: web-" + s + "\n    owner: p-web-" + s + "\n    status: active\n" + agentLine;
    }

    private String people() {
        return "id,name,email,team,manager,status,departedAt\np-web-" + s + ",Wendy Web,wendy@example.com,web-" + s
                + ",,active,\n";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anInventoryWithItsPeopleIsOneUploadAndTheListNamesIt() {
        WebSession admin = session(Role.ADMIN);
        String location = AssessFormTest.path(form(admin)
                .multiPart("files", "inventory.yaml", utf8(inventory("")), "application/yaml")
                .multiPart("files", "people.csv", utf8(people()), "text/csv")
                .multiPart("files", "README.txt", utf8("notes"), "text/plain")
                .multiPart("scope", "web-" + s).multiPart("format", "auto")
                .post("/uploads").then().statusCode(303).extract().header("Location"));
        UploadEntity u = uploads.page(0, 1).get(0);
        assertThat(u.files.split("\n")).containsExactly("inventory.yaml", "people.csv");
        assertThat(u.status).isEqualTo(UploadEntity.Status.COMMITTED);
        assertThat(u.scope).isEqualTo("web-" + s);
        assertThat(u.uploadedBy).isEqualTo(admin.username());
        assertThat(location).isEqualTo("/uploads?ingested=" + u.id + "&skipped=README.txt%3A%20"
                + location.substring(location.indexOf("%3A%20") + 6));
        assertThat(inventory.agent("web-bot-" + s, Instant.parse("2300-01-02T00:00:00Z"))).isPresent();
        assertThat(audit.page(new AuditFilter(null, admin.username(), null, null), 0, 10).stream()
                .map(e -> e.action() + " " + e.target()).toList()).contains("UPLOAD upload " + u.id);

        Document page = Jsoup.parse(given().cookie("steward_session", admin.cookie()).urlEncodingEnabled(false)
                .get(location).then().statusCode(200).extract().asString());
        assertThat(page.select("#ingested li").eachText()).containsExactly("Upload " + u.id + " (inventory) committed:"
                + " 1 person, 1 agent, 0 credentials, 0 decisions; 0 secret values redacted; 0 warnings");
        assertThat(page.select("#ingested a").attr("href")).isEqualTo("/uploads/" + u.id);
        assertThat(page.select("#skipped").text()).startsWith("Skipped: README.txt: ");
        assertThat(page.select("#assess-hint").text()).startsWith("The latest assessment was made before these");

        // the same files again: nothing new is stored, and the list says which upload holds them
        String again = AssessFormTest.path(form(admin)
                .multiPart("files", "inventory.yaml", utf8(inventory("")), "application/yaml")
                .multiPart("files", "people.csv", utf8(people()), "text/csv").multiPart("scope", "web-" + s)
                .post("/uploads").then().statusCode(303).extract().header("Location"));
        assertThat(again).isEqualTo("/uploads?duplicates=" + u.id);
        assertThat(uploads.page(0, 1).get(0).id).isEqualTo(u.id);
        Document dup = Jsoup.parse(given().cookie("steward_session", admin.cookie()).get(again).asString());
        assertThat(dup.select("#ingested li").text()).contains("Upload " + u.id)
                .contains("holds the same content, stored already");
    }

    @Test
    void aRejectedUploadStoresNothingAndItsProblemsAreAClickAway() {
        WebSession admin = session(Role.ADMIN);
        String location = AssessFormTest.path(form(admin).multiPart("files", "inventory.yaml",
                utf8(inventory("    createdAt: 2024-13-07\n")), "application/yaml").multiPart("scope", "web-" + s)
                .post("/uploads").then().statusCode(303).extract().header("Location"));
        UploadEntity u = uploads.page(0, 1).get(0);
        assertThat(u.status).isEqualTo(UploadEntity.Status.REJECTED);
        assertThat(location).isEqualTo("/uploads?ingested=" + u.id);
        assertThat(inventory.agent("web-bot-" + s, Instant.parse("2300-01-02T00:00:00Z"))).isEmpty();
        Document page = Jsoup.parse(given().cookie("steward_session", admin.cookie()).get(location).asString());
        assertThat(page.select("#ingested li").text()).startsWith("Upload " + u.id + " (inventory) rejected, nothing"
                + " stored: 1 error");
        assertThat(page.select("#ingested a").hasClass("rejected")).isTrue();
        assertThat(page.select("#assess-hint")).as("nothing new to assess").isEmpty();
        Document problems = Jsoup.parse(given().cookie("steward_session", admin.cookie()).get("/uploads/" + u.id)
                .asString());
        assertThat(problems.select("table tbody tr").eachText()).anyMatch(r -> r.contains("inventory.yaml")
                && r.contains("agents.createdAt") && r.contains("2024-13-07"));
    }

    @Test
    void aFormRefusedBeforeAnythingIsReadSaysWhyAndOnlyAnAdminUploads() {
        WebSession admin = session(Role.ADMIN);
        long before = uploads.count();
        Document none = Jsoup.parse(form(admin).multiPart("files", "", new byte[0], "application/octet-stream")
                .post("/uploads").then().statusCode(400).extract().asString());
        assertThat(none.select("#upload-error").text()).isEqualTo("choose one or more files to upload");
        Document badFormat = Jsoup.parse(form(admin).multiPart("files", "inventory.yaml", utf8(inventory("")))
                .multiPart("format", "splunk").multiPart("asOf", "2300-01-01").post("/uploads").then().statusCode(400)
                .extract().asString());
        assertThat(badFormat.select("#upload-error").text())
                .startsWith("unknown format 'splunk'; supported: auto, native");
        assertThat(badFormat.select("#upload-form input[name=asOf]").attr("value")).isEqualTo("2300-01-01");
        Document badAsOf = Jsoup.parse(form(admin).multiPart("files", "inventory.yaml", utf8(inventory("")))
                .multiPart("asOf", "soon").post("/uploads").then().statusCode(400).extract().asString());
        assertThat(badAsOf.select("#upload-error").text()).isEqualTo("field 'asOf' value 'soon': not a date"
                + " (YYYY-MM-DD) or an RFC 3339 date-time");
        Document onlyNotes = Jsoup.parse(form(admin).multiPart("files", "notes.txt", utf8("hello"))
                .post("/uploads").then().statusCode(400).extract().asString());
        assertThat(onlyNotes.select("#upload-error").text()).startsWith("nothing to ingest: notes.txt: ");

        given().cookie("steward_session", admin.cookie()).redirects().follow(false)
                .multiPart("files", "inventory.yaml", utf8(inventory(""))).multiPart("scope", "web-" + s)
                .post("/uploads").then().statusCode(403);
        WebSession viewer = session(Role.VIEWER);
        form(viewer).multiPart("files", "inventory.yaml", utf8(inventory(""))).multiPart("scope", "web-" + s)
                .post("/uploads").then().statusCode(403);
        assertThat(Jsoup.parse(given().cookie("steward_session", viewer.cookie()).get("/uploads").asString())
                .select("#upload-form")).isEmpty();
        assertThat(uploads.count()).isEqualTo(before);
    }
}
