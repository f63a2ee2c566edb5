package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.steward.assessment.AssessmentService;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.InputFile;
import dev.steward.security.Role;
import dev.steward.security.UserService;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The credential page: its record, holders, findings, the secret values found for it (where, never what) and the
 * decisions made with it, and only for those who may see one of its holders. The fixture's k-a is held by bot-a (team
 * pay-*) and used by it twelve times in February 2030; k-b is held by bot-b (team ops-*); a second upload adds a
 * credential of bot-a whose location was an AWS access key.
 */
@QuarkusTest
class CredentialPageTest {

    static final String PASSWORD = "a long enough password";
    static final String ADMIN = "test-admin-token";
    static final String AWS_KEY = "AKIA" + "Q3EGRVQ5XKZ7TN2P";
    static AssessmentFixture f;

    @Inject
    IngestService ingest;
    @Inject
    AssessmentService assessments;
    @Inject
    UserService users;

    @BeforeEach
    void fixture() {
        if (f == null) {
            f = new AssessmentFixture();
            f.ingestAll(ingest);
            // a scope of its own, so that it adds to the fixture's credentials instead of replacing them
            Path leak = f.files.write("leak-" + f.s + ".yaml", "apiVersion: steward/v1\nkind: Inventory\n"
                    + "asOf: 2030-01-01T00:00:00Z\nsource: leak-" + f.s + "\ncredentials:\n  - id: " + leaked()
                    + "\n    type: api-key\n    holders: [" + f.botA() + "]\n    environment: prod\n    storage: config-file\n"
                    + "    location: \"" + AWS_KEY + "\"\n    createdAt: 2030-01-01\n    status: active\n");
            IngestReport r = ingest.ingest(new IngestRequest(List.of(InputFile.of(leak)), "auto", null, null, "leak-" + f.s,
                    "test", null, null));
            assertThat(r.status()).isEqualTo(IngestReport.Status.COMMITTED);
        }
        // the pages show the latest run: this fixture's, whatever other tests assessed before
        assessments.assess(Instant.parse("2030-03-05T00:00:00Z"), null, "test");
    }

    private static String leaked() {
        return "leaked-" + f.s;
    }

    private static String csv(String auth, String id, String table) {
        return given().auth().oauth2(auth).get("/credentials/" + id + "?download=csv&table=" + table).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void aCredentialsPageShowsItsRecordHoldersAndTheDecisionsMadeWithIt() {
        String page = given().auth().oauth2(ADMIN).get("/credentials/" + f.keyA()).then().statusCode(200).extract().asString();
        assertThat(page).contains("<h1 id=\"credential-id\">" + f.keyA() + "</h1>", "secret/a", "erp:read")
                .contains("href=\"/agents/" + f.botA() + "\"");
        assertThat(page).containsPattern("id=\"credential-status\" class=\"active\">active<");
        assertThat(page).as("the chart: a bar per day with its counts").contains("<h2>Decisions made with it</h2>")
                .contains("<title>2030-02-02: 1 allowed</title>", "<title>2030-02-13: 1 allowed</title>");
        assertThat(csv(ADMIN, f.keyA(), "used-by")).contains(f.botA() + ",12,0,");
        assertThat(csv(ADMIN, f.keyA(), "scopes")).contains("erp:read,yes,12,0,");
        assertThat(csv(ADMIN, f.keyA(), "decisions-per-day").lines().filter(l -> l.startsWith("2030-02-"))).hasSize(12);
        assertThat(csv(ADMIN, f.keyA(), "holders")).contains(f.botA() + ",").contains(f.team());
        // the agent page links each of its credentials to its page, and findings about a credential to it too
        assertThat(given().auth().oauth2(ADMIN).get("/agents/" + f.botA()).then().statusCode(200).extract().asString())
                .contains("href=\"/credentials/" + f.keyA() + "\"");
        given().auth().oauth2(ADMIN).get("/credentials/nope-" + f.s).then().statusCode(404)
                .body(containsString("Credential not found"));
    }

    @Test
    void aSecretFoundForACredentialIsListedWithWhereItWasNeverWhatItWas() {
        String page = given().auth().oauth2(ADMIN).get("/credentials/" + leaked()).then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain(AWS_KEY).contains("exposed");
        String secrets = csv(ADMIN, leaked(), "secrets");
        assertThat(secrets).contains("aws-access-key", "credentials.location", "leak-" + f.s + ".yaml:").doesNotContain(AWS_KEY);
        assertThat(csv(ADMIN, f.keyA(), "secrets").lines().count()).as("a header and nothing else").isEqualTo(1);
    }

    @Test
    void aManagerSeesTheCredentialsOfTheirTeamsAgentsOnly() {
        String name = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> users.add(name, "Manager", PASSWORD, Role.MANAGER, List.of(f.team()), null));
        WebSession s = WebSession.signIn(name, PASSWORD);
        given().cookie("steward_session", s.cookie()).get("/credentials/" + f.keyA()).then().statusCode(200);
        given().cookie("steward_session", s.cookie()).get("/credentials/" + f.keyB()).then().statusCode(404)
                .body(containsString("Credential not found"));
        given().cookie("steward_session", s.cookie()).get("/credentials/" + f.keyB() + "?download=csv&table=used-by")
                .then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/credentials/" + f.keyB()).then().statusCode(200);
    }
}
