package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.steward.security.Role;
import dev.steward.security.SessionEntity;
import dev.steward.security.SessionService;
import dev.steward.audit.AuditFilter;
import dev.steward.audit.AuditLog;
import dev.steward.security.TokenService;
import dev.steward.security.UserEntity;
import dev.steward.security.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sign-in, sessions, CSRF and headers over plain HTTP: what a browser (or an attacker's page) can and cannot do.
 * Each test uses its own users, so tests sharing the database do not see each other.
 */
@QuarkusTest
class WebSecurityTest {

    static final String PASSWORD = "a long enough password";

    @Inject
    UserService users;
    @Inject
    SessionService sessions;
    @Inject
    TokenService tokens;
    @Inject
    AuditLog audit;

    /** The audit entries of one actor, as "ACTION target outcome". */
    private List<String> auditOf(String actor) {
        return audit.page(new AuditFilter(null, actor, null, null), 0, 100).stream()
                .map(e -> e.action() + " " + e.target() + " " + e.outcome())
                .toList();
    }

    private String user(Role role, List<String> teams) {
        String name = role.wire() + "-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> users.add(name, "Test " + name, PASSWORD, role, teams, null));
        return name;
    }

    @Test
    void aBrowserWithoutSessionIsSentToSignInButTheApiAnswers401Bearer() {
        given().redirects().follow(false).get("/gaps?team=x").then().statusCode(302)
                .header("Location", equalTo("/login?next=%2Fgaps%3Fteam%3Dx"));
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", equalTo("/login"));
        given().get("/api/v1/agents").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().cookie("steward_session", "made-up").get("/api/v1/agents").then().statusCode(401);
        given().cookie("steward_session", "made-up").redirects().follow(false).get("/").then().statusCode(302);
        given().get("/login").then().statusCode(200).body(containsString("Sign in to Steward"));
        given().get("/static/steward.css").then().statusCode(200);
    }

    @Test
    void signInSetsAStrictHttpOnlySessionCookieAndAWrongPasswordGetsOneGenericAnswer() {
        String name = user(Role.VIEWER, List.of());
        Response ok = WebSession.attempt(name, PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(303);
        String setCookie = ok.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("steward_session="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        Response wrong = WebSession.attempt(name, "not " + PASSWORD);
        Response unknown = WebSession.attempt("nobody-" + name, PASSWORD);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.asString()).contains("Wrong user name or password.");
        assertThat(unknown.asString()).contains("Wrong user name or password.");
        assertThat(wrong.getCookie("steward_session")).isNull();
    }

    @Test
    void theSignInFormNeedsItsOwnTokenAndNeverRedirectsAway() {
        String name = user(Role.VIEWER, List.of());
        Response form = given().get("/login");
        given().cookie("steward_login", form.getCookie("steward_login")).redirects().follow(false)
                .formParam("username", name).formParam("password", PASSWORD).formParam("_csrf", "forged")
                .post("/login").then().statusCode(403);
        given().redirects().follow(false).formParam("username", name).formParam("password", PASSWORD)
                .formParam("_csrf", WebSession.loginToken(form.asString())).post("/login").then().statusCode(403);
        Response f2 = given().get("/login");
        given().cookie("steward_login", f2.getCookie("steward_login")).redirects().follow(false)
                .formParam("username", name).formParam("password", PASSWORD)
                .formParam("_csrf", WebSession.loginToken(f2.asString())).formParam("next", "//evil.example/x")
                .post("/login").then().statusCode(303).header("Location", not(containsString("evil")));
    }

    @Test
    void aSessionChangeWithoutItsCsrfTokenIsRefusedOnPagesAndOnTheApiButBearerIsExempt() {
        WebSession admin = WebSession.signIn(user(Role.ADMIN, List.of()), PASSWORD);
        assertThat(admin.csrf()).isNotBlank();
        given().cookie("steward_session", admin.cookie()).formParam("name", "no-csrf").formParam("role", "viewer")
                .post("/admin/tokens").then().statusCode(403);
        given().cookie("steward_session", admin.cookie()).formParam("name", "bad-csrf").formParam("role", "viewer")
                .formParam("_csrf", "x" + admin.csrf()).post("/admin/tokens").then().statusCode(403);
        given().cookie("steward_session", admin.cookie()).formParam("name", "with-csrf").formParam("role", "viewer")
                .formParam("_csrf", admin.csrf()).post("/admin/tokens").then().statusCode(201)
                .body(containsString("stw_"));
        given().cookie("steward_session", admin.cookie()).contentType(ContentType.JSON).body("{\"window\":\"ninety\"}")
                .post("/api/v1/assessments").then().statusCode(403);
        given().cookie("steward_session", admin.cookie()).header("X-CSRF-Token", admin.csrf()).contentType(ContentType.JSON)
                .body("{\"window\":\"ninety\"}").post("/api/v1/assessments").then().statusCode(400);
        given().auth().oauth2("test-admin-token").contentType(ContentType.JSON).body("{\"window\":\"ninety\"}")
                .post("/api/v1/assessments").then().statusCode(400);
        given().redirects().follow(false).cookie("steward_session", admin.cookie()).post("/logout").then().statusCode(403);
    }

    @Test
    void signOutEndsTheSessionForGood() {
        WebSession s = WebSession.signIn(user(Role.VIEWER, List.of()), PASSWORD);
        given().cookie("steward_session", s.cookie()).get("/api/v1/agents").then().statusCode(200);
        given().redirects().follow(false).cookie("steward_session", s.cookie()).formParam("_csrf", s.csrf()).post("/logout")
                .then().statusCode(303).header("Location", containsString("/login"));
        given().cookie("steward_session", s.cookie()).get("/api/v1/agents").then().statusCode(401);
        given().redirects().follow(false).cookie("steward_session", s.cookie()).get("/").then().statusCode(302);
        assertThat(auditOf(s.username())).contains("SIGN_IN " + s.username() + " ok", "SIGN_OUT " + s.username() + " ok");
    }

    @Test
    void idleAndAbsoluteTimeoutsEndASession() {
        WebSession idle = WebSession.signIn(user(Role.VIEWER, List.of()), PASSWORD);
        WebSession old = WebSession.signIn(user(Role.VIEWER, List.of()), PASSWORD);
        given().cookie("steward_session", idle.cookie()).get("/api/v1/agents").then().statusCode(200);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            SessionEntity i = sessions.findById(TokenService.hash(idle.cookie()));
            i.lastSeenAt = now.minus(31, ChronoUnit.MINUTES);
            SessionEntity o = sessions.findById(TokenService.hash(old.cookie()));
            o.expiresAt = now.minusSeconds(1);
        });
        given().cookie("steward_session", idle.cookie()).get("/api/v1/agents").then().statusCode(401);
        given().redirects().follow(false).cookie("steward_session", old.cookie()).get("/").then().statusCode(302)
                .header("Location", equalTo("/login"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> sessions.findById(TokenService.hash(idle.cookie()))))
                .as("a dead session is deleted").isNull();
    }

    @Test
    void aDisabledUserCannotSignInAndLosesTheirSessions() {
        String name = user(Role.VIEWER, List.of());
        WebSession s = WebSession.signIn(name, PASSWORD);
        WebSession admin = WebSession.signIn(user(Role.ADMIN, List.of()), PASSWORD);
        given().redirects().follow(false).cookie("steward_session", admin.cookie()).formParam("_csrf", admin.csrf())
                .formParam("action", "disable").post("/admin/users/" + name).then().statusCode(303);
        given().cookie("steward_session", s.cookie()).get("/api/v1/agents").then().statusCode(401);
        assertThat(WebSession.attempt(name, PASSWORD).statusCode()).isEqualTo(401);
        assertThat(WebSession.attempt(name, PASSWORD).asString()).contains("Wrong user name or password.");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        String name = user(Role.VIEWER, List.of());
        for (int i = 0; i < UserService.MAX_FAILURES; i++) {
            assertThat(WebSession.attempt(name, "wrong " + i).statusCode()).isEqualTo(401);
        }
        assertThat(WebSession.attempt(name, PASSWORD).statusCode()).isEqualTo(401);
        QuarkusTransaction.requiringNew().run(() -> users.find("username", name).firstResult().lockedUntil = null);
        assertThat(WebSession.attempt(name, PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void passwordsAreStoredOnlyAsSaltedSlowHashes() {
        String a = user(Role.VIEWER, List.of());
        String b = user(Role.VIEWER, List.of());
        UserEntity ua = QuarkusTransaction.requiringNew().call(() -> users.find("username", a).firstResult());
        UserEntity ub = QuarkusTransaction.requiringNew().call(() -> users.find("username", b).firstResult());
        assertThat(ua.passwordHash).startsWith("pbkdf2-sha256$210000$").doesNotContain(PASSWORD);
        assertThat(ua.passwordHash).as("per-user salt").isNotEqualTo(ub.passwordHash);
        assertThat(QuarkusTransaction.requiringNew().call(() -> sessions.count("idHash like ?1", "%"))).isPositive();
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        WebSession s = WebSession.signIn(user(Role.VIEWER, List.of()), PASSWORD);
        for (Response r : List.of(given().cookie("steward_session", s.cookie()).get("/"), given().get("/login"),
                given().get("/api/v1/agents"), given().cookie("steward_session", s.cookie()).get("/api/v1/agents"))) {
            assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void aTokenMadeOnTheTokensPageIsShownOnceWorksAndStopsWhenRevoked() {
        WebSession admin = WebSession.signIn(user(Role.ADMIN, List.of()), PASSWORD);
        String page = given().cookie("steward_session", admin.cookie()).formParam("_csrf", admin.csrf())
                .formParam("name", "made-in-ui").formParam("role", "manager").formParam("teams", "payments")
                .post("/admin/tokens").then().statusCode(201).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"token-value\">(stw_[A-Za-z0-9_-]+)<").matcher(page);
        assertThat(m.find()).as("the new token is on the page").isTrue();
        String token = m.group(1);
        given().auth().oauth2(token).get("/api/v1/agents").then().statusCode(200);
        String list = given().cookie("steward_session", admin.cookie()).get("/admin/tokens").asString();
        assertThat(list).contains("made-in-ui").doesNotContain(token);
        long id = QuarkusTransaction.requiringNew().call(() -> tokens.find("tokenHash", TokenService.hash(token)).firstResult().id);
        given().redirects().follow(false).cookie("steward_session", admin.cookie()).formParam("_csrf", admin.csrf())
                .post("/admin/tokens/" + id + "/revoke").then().statusCode(303);
        given().auth().oauth2(token).get("/api/v1/agents").then().statusCode(401);
        assertThat(auditOf(admin.username())).contains("TOKEN_CREATED token " + id + " ok", "TOKEN_REVOKED token " + id + " ok");
        given().cookie("steward_session", admin.cookie()).formParam("_csrf", admin.csrf()).formParam("name", "old")
                .formParam("role", "viewer").formParam("expires", "2020-01-01").post("/admin/tokens").then().statusCode(400)
                .body(containsString("not in the future"));
        WebSession viewer = WebSession.signIn(user(Role.VIEWER, List.of()), PASSWORD);
        given().cookie("steward_session", viewer.cookie()).get("/admin/tokens").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("Not allowed"));
        given().cookie("steward_session", viewer.cookie()).formParam("_csrf", viewer.csrf()).formParam("name", "x")
                .formParam("role", "admin").post("/admin/tokens").then().statusCode(403);
    }
}
