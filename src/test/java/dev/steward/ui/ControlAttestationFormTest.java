package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentService;
import dev.steward.attestation.Attestation;
import dev.steward.attestation.AttestationService;
import dev.steward.audit.AuditFilter;
import dev.steward.audit.AuditLog;
import dev.steward.security.Role;
import dev.steward.security.UserService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Manual evidence attached and withdrawn from a control's page, as an administrator does in the browser: the form
 * stores what the API would (file hash, who, validity) and the audit trail says so, the page lists it and says whether
 * the assessment shown counts it, a refused form keeps what was typed (but never a secret) and stores nothing, and only
 * an administrator with the page's CSRF token can do either. Validity periods are in 2043, so that no other test's
 * assessment counts them, and every attestation made here is withdrawn after each test.
 */
@QuarkusTest
class ControlAttestationFormTest {

    private static final String FRAMEWORK = "nist-ai-rmf-1.0";
    private static final String CONTROL = "GOVERN 1.4";
    private static final String EVIDENCE = "airmf-gv14-agent-governance-policy";
    /** The page's address as links and redirects spell it; requests give RestAssured the space, which it encodes. */
    private static final String PAGE = "/controls/nist-ai-rmf-1.0/GOVERN%201.4";
    private static final String GET = "/controls/nist-ai-rmf-1.0/GOVERN 1.4";
    private static final String FORM = GET + "/attestations";
    private static final Instant AS_OF = Instant.parse("2043-03-15T00:00:00Z");

    @Inject
    UserService users;
    @Inject
    AttestationService attestations;
    @Inject
    AssessmentService assessments;
    @Inject
    AuditLog audit;

    /** The control page shows the latest run: there is one, whichever test runs first. */
    @BeforeEach
    void aRunToShow() {
        assessments.assess(AS_OF, Duration.ofDays(90), "test");
    }

    /** Whatever this class attached (valid from 2043 on), a form a test expected to refuse included. */
    @AfterEach
    void withdrawWhatThisClassAttached() {
        onRecord().stream().filter(a -> a.withdrawnAt() == null && a.validFrom().isAfter(Instant.parse("2043-01-01T00:00:00Z")
                .minusSeconds(1))).forEach(a -> attestations.withdraw(a.id(), "test cleanup", "test"));
    }

    private WebSession session(Role role) {
        return WebSession.newUser(users, role);
    }

    private static RequestSpecification as(WebSession s) {
        return given().cookie("steward_session", s.cookie()).redirects().follow(false);
    }

    private static RequestSpecification attestForm(WebSession s, String statement, String from, String until) {
        return as(s).multiPart("_csrf", s.csrf()).multiPart("evidence", EVIDENCE).multiPart("statement", statement)
                .multiPart("validFrom", from).multiPart("validUntil", until);
    }

    private List<Attestation> onRecord() {
        return attestations.list(FRAMEWORK, CONTROL);
    }

    private static Element row(Document page, Attestation a) {
        return page.select("#table-attestations tbody tr").stream()
                .filter(r -> r.child(0).text().equals(a.ref())).findFirst().orElseThrow(() -> new AssertionError(
                        a.ref() + " is not listed: " + page.select("#table-attestations").text()));
    }

    @Test
    void anAdminAttachesAPolicyOnTheControlPageAndTheNextAssessmentCountsIt() {
        WebSession admin = session(Role.ADMIN);
        Document before = Jsoup.parse(as(admin).get(GET).then().statusCode(200).extract().asString());
        assertThat(before.select("#attest-form select[name=evidence] option").eachAttr("value")).containsExactly(EVIDENCE);
        assertThat(before.select("#attest-form").attr("enctype")).isEqualTo("multipart/form-data");

        byte[] policy = "Agent governance policy v4\nApproved by the CISO\n".getBytes(StandardCharsets.UTF_8);
        String location = attestForm(admin, "Policy AG-7 v4 approved by the CISO; GRC ticket 4411.", "2043-01-01",
                "2043-12-31").multiPart("file", "policy-v4.txt", policy, "text/plain")
                .post(FORM).then().statusCode(303).extract().header("Location");
        Attestation a = onRecord().get(0);
        assertThat(location).endsWith(PAGE + "?attested=" + a.id());
        assertThat(a.evidenceId()).isEqualTo(EVIDENCE);
        assertThat(a.statement()).isEqualTo("Policy AG-7 v4 approved by the CISO; GRC ticket 4411.");
        assertThat(a.attestedBy()).isEqualTo(admin.username());
        assertThat(a.validFrom()).isEqualTo(Instant.parse("2043-01-01T00:00:00Z"));
        assertThat(a.validUntil()).isEqualTo(Instant.parse("2043-12-31T00:00:00Z"));
        assertThat(a.fileName()).isEqualTo("policy-v4.txt");
        assertThat(a.fileSize()).isEqualTo(policy.length);
        assertThat(attestations.file(a.id()).orElseThrow()).isEqualTo(policy);
        assertThat(audit.page(new AuditFilter(null, admin.username(), null, null), 0, 10).stream()
                .map(e -> e.action() + " " + e.target()).toList()).contains("ATTESTED " + a.ref());

        // the redirect's page: the notice, and the attestation listed but not counted by the run made before it
        Document after = Jsoup.parse(as(admin).urlEncodingEnabled(false).get(location).then().statusCode(200).extract().asString());
        assertThat(after.select("#notice").text()).startsWith("Saved " + a.ref() + " for " + EVIDENCE
                + ", valid 2043-01-01 to 2043-12-31.").contains("assess again to count it");
        Element listed = row(after, a);
        assertThat(listed.child(3).text()).isEqualTo("no: attached after it was made");
        assertThat(listed.select("a").attr("href")).isEqualTo("/api/v1/attestations/" + a.id() + "/file");
        assertThat(after.select("#withdraw-form option").eachAttr("value")).contains(String.valueOf(a.id()));

        // assessed again as of a day in its validity, the run counts it and the control is no longer manual-only
        assessments.assess(AS_OF, Duration.ofDays(90), "test");
        Document counted = Jsoup.parse(as(admin).get(GET).then().statusCode(200).extract().asString());
        assertThat(row(counted, a).child(3).text()).isEqualTo("yes");
        assertThat(counted.select("#table-manual-evidence").text()).contains(a.ref())
                .contains("Policy AG-7 v4 approved by the CISO");
        // as of a day after it lapsed, the page says why it is not counted
        assessments.assess(Instant.parse("2044-02-01T00:00:00Z"), Duration.ofDays(90), "test");
        Document lapsed = Jsoup.parse(as(admin).get(GET).then().statusCode(200).extract().asString());
        assertThat(row(lapsed, a).child(3).text()).isEqualTo("no: not valid at its as-of, 2044-02-01 00:00 UTC");
    }

    @Test
    void aRefusedFormSaysWhyKeepsWhatWasTypedAndStoresNothing() {
        WebSession admin = session(Role.ADMIN);
        int before = onRecord().size();
        Document refused = Jsoup.parse(attestForm(admin, "The policy is approved.", "2043-06-01", "2043-05-01")
                .post(FORM).then().statusCode(400).extract().asString());
        assertThat(refused.select("#attest-error").text()).isEqualTo("field 'validUntil' value '2043-05-01T00:00:00Z'"
                + " is not after validFrom 2043-06-01T00:00:00Z");
        assertThat(refused.select("#attest-form textarea[name=statement]").text()).isEqualTo("The policy is approved.");
        assertThat(refused.select("#attest-form input[name=validUntil]").attr("value")).isEqualTo("2043-05-01");
        // the answer is the control's page, whose links point at the page, not at the form's address
        assertThat(refused.select("#table-attestations a.dl-csv").attr("href")).startsWith(PAGE + "?download=csv");

        Document notADate = Jsoup.parse(attestForm(admin, "The policy is approved.", "", "next year")
                .post(FORM).then().statusCode(400).extract().asString());
        assertThat(notADate.select("#attest-error").text()).isEqualTo("field 'validUntil' value 'next year': not a date"
                + " (YYYY-MM-DD) or an RFC 3339 date-time");

        // a statement holding a secret is refused, and not echoed back into the form
        String secret = "AKIA" + "Q3EXAMPLE7Z2KDJ4";
        String page = attestForm(admin, "key " + secret + " rotated", "2043-01-01", "2043-12-31")
                .post(FORM).then().statusCode(400).extract().asString();
        assertThat(Jsoup.parse(page).select("#attest-error").text()).startsWith("field 'statement' contains a secret value");
        assertThat(page).doesNotContain(secret);
        assertThat(onRecord()).hasSize(before);
    }

    @Test
    void onlyAnAdminWithThePagesTokenAttachesOrWithdraws() {
        WebSession admin = session(Role.ADMIN);
        int before = onRecord().size();
        as(admin).multiPart("evidence", EVIDENCE).multiPart("statement", "no token").multiPart("validUntil", "2043-12-31")
                .post(FORM).then().statusCode(403);
        WebSession auditor = session(Role.AUDITOR);
        attestForm(auditor, "an auditor's try", "2043-01-01", "2043-12-31").post(FORM).then().statusCode(403);
        assertThat(Jsoup.parse(as(auditor).get(GET).then().statusCode(200).extract().asString())
                .select("#attest-form, #withdraw-form")).isEmpty();
        assertThat(onRecord()).hasSize(before);

        attestForm(admin, "Approved policy.", "2043-01-01", "2043-12-31").post(FORM).then().statusCode(303);
        Attestation a = onRecord().get(0);
        as(auditor).formParam("_csrf", auditor.csrf()).formParam("attestation", a.id()).formParam("reason", "x")
                .post(FORM + "/withdraw").then().statusCode(403);
        assertThat(attestations.get(a.id()).orElseThrow().withdrawnAt()).isNull();
    }

    @Test
    void anAdminWithdrawsAnAttestationWithAReason() {
        WebSession admin = session(Role.ADMIN);
        attestForm(admin, "Procedure PR-3 in force.", "2043-01-01", "2043-12-31").post(FORM).then().statusCode(303);
        Attestation a = onRecord().get(0);

        Document noReason = Jsoup.parse(as(admin).formParam("_csrf", admin.csrf()).formParam("attestation", a.id())
                .formParam("reason", " ").post(FORM + "/withdraw").then().statusCode(400).extract().asString());
        assertThat(noReason.select("#withdraw-error").text()).contains("reason");
        assertThat(attestations.get(a.id()).orElseThrow().withdrawnAt()).isNull();
        // a reason holding a secret is refused, neither stored nor echoed back
        String secret = "AKIA" + "Q3EXAMPLE7Z2KDJ4";
        String refused = as(admin).formParam("_csrf", admin.csrf()).formParam("attestation", a.id())
                .formParam("reason", "rotated " + secret).post(FORM + "/withdraw").then().statusCode(400).extract()
                .asString();
        assertThat(Jsoup.parse(refused).select("#withdraw-error").text())
                .startsWith("field 'reason' contains a secret value (aws-access-key)");
        assertThat(refused).doesNotContain(secret);
        assertThat(attestations.get(a.id()).orElseThrow().withdrawnAt()).isNull();
        // an id of another control's attestation is refused, naming this control
        as(admin).formParam("_csrf", admin.csrf()).formParam("attestation", a.id())
                .formParam("reason", "wrong page").post("/controls/nist-ai-rmf-1.0/GOVERN 1.1/attestations/withdraw")
                .then().statusCode(400);
        assertThat(attestations.get(a.id()).orElseThrow().withdrawnAt()).isNull();

        String location = as(admin).formParam("_csrf", admin.csrf()).formParam("attestation", a.id())
                .formParam("reason", "superseded by policy v5").post(FORM + "/withdraw").then().statusCode(303)
                .extract().header("Location");
        Attestation gone = attestations.get(a.id()).orElseThrow();
        assertThat(gone.withdrawnBy()).isEqualTo(admin.username());
        assertThat(gone.withdrawReason()).isEqualTo("superseded by policy v5");
        Document page = Jsoup.parse(as(admin).urlEncodingEnabled(false).get(location).then().statusCode(200).extract().asString());
        assertThat(page.select("#notice").text()).startsWith("Withdrew " + a.ref());
        assertThat(row(page, a).child(2).text()).startsWith("withdrawn ").endsWith("by " + admin.username()
                + ": superseded by policy v5");
        assertThat(page.select("#withdraw-form option").eachAttr("value")).doesNotContain(String.valueOf(a.id()));
        assertThat(audit.page(new AuditFilter(null, admin.username(), null, null), 0, 10).stream()
                .map(e -> e.action() + " " + e.target()).toList()).contains("ATTESTATION_WITHDRAWN " + a.ref());
    }
}
