package dev.steward.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.steward.audit.AuditFilter;
import dev.steward.audit.AuditLog;
import dev.steward.security.UserEntity;
import dev.steward.security.UserService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on through a real (test) OpenID Connect provider: the redirect with state, nonce and PKCE, the code
 * exchange with the client secret, the ID token check, claims mapped to role and teams, the session, and each refusal.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class OidcSignInTest {

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    /** The browser's round trip: Steward -> provider -> Steward's callback. Answers the callback's response. */
    private Response signInAs(Map<String, Object> person, boolean forge, String stateOverride) {
        FakeOidcProvider.nextPerson = person;
        FakeOidcProvider.forgeNext = forge;
        Response start = given().redirects().follow(false).get("/login/oidc");
        assertThat(start.statusCode()).isEqualTo(303);
        String authorize = start.getHeader("Location");
        assertThat(authorize).startsWith(FakeOidcProvider.issuer + "/authorize?").contains("code_challenge_method=S256")
                .contains("nonce=").contains("state=");
        String pending = start.getCookie(OidcResource.PENDING_COOKIE);
        String callback = given().urlEncodingEnabled(false).redirects().follow(false).get(authorize).then().statusCode(302).extract().header("Location");
        assertThat(callback).contains("/login/oidc/callback?code=");
        if (stateOverride != null) {
            callback = callback.replaceAll("state=[^&]+", "state=" + stateOverride);
        }
        return given().urlEncodingEnabled(false).redirects().follow(false).cookie(OidcResource.PENDING_COOKIE, pending)
                .get(callback);
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theSignInPageOffersTheProviderAndAnAdminGroupSignsInAsAdmin() {
        given().get("/login").then().statusCode(200).body(containsString("Sign in with Test IdP"));
        String who = name("ana");
        Response r = signInAs(Map.of("sub", "s-1", "preferred_username", who, "name", "Ana Admin",
                "groups", List.of("staff", "grc-admins")), false, null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("http-equiv=\"refresh\"");
        String session = r.getCookie("steward_session");
        assertThat(session).isNotBlank();
        given().cookie("steward_session", session).get("/admin/users").then().statusCode(200).body(containsString(who));
        UserEntity u = users.byName(who).orElseThrow();
        assertThat(u.role).isEqualTo("admin");
        assertThat(u.displayName).isEqualTo("Ana Admin");
        assertThat(audit.page(new AuditFilter(null, who, null, null), 0, 10)).anySatisfy(e ->
                assertThat(e.action()).isEqualTo("SIGN_IN"));
    }

    @Test
    void aManagerGetsTheTeamsOfItsClaimAndTheRoleFollowsTheProviderAtEachSignIn() {
        String who = name("mo");
        Response first = signInAs(Map.of("sub", "s-2", "preferred_username", who, "groups", List.of("manager"),
                "steward_teams", List.of("payments", "risk")), false, null);
        assertThat(first.statusCode()).isEqualTo(200);
        UserEntity u = users.byName(who).orElseThrow();
        assertThat(u.role).isEqualTo("manager");
        assertThat(u.teamList()).containsExactly("payments", "risk");
        given().cookie("steward_session", first.getCookie("steward_session")).get("/admin/users").then().statusCode(403);

        Response second = signInAs(Map.of("sub", "s-2", "preferred_username", who, "groups", List.of("grc-auditors")),
                false, null);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(users.byName(who).orElseThrow().role).isEqualTo("auditor");
    }

    @Test
    void refusalsOpenNoSession() {
        Response noRole = signInAs(Map.of("sub", "s-3", "preferred_username", name("nora"), "groups", List.of("staff")),
                false, null);
        assertThat(noRole.statusCode()).isEqualTo(403);
        assertThat(noRole.asString()).contains("has no Steward role");
        assertThat(noRole.getCookie("steward_session")).isNull();

        Response forged = signInAs(Map.of("sub", "s-4", "preferred_username", name("eve"), "groups", List.of("admin")),
                true, null);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.asString()).contains("signature does not verify");
        assertThat(forged.getCookie("steward_session")).isNull();

        Response wrongState = signInAs(Map.of("sub", "s-5", "preferred_username", name("sam"), "groups", List.of("admin")),
                false, "not-the-state");
        assertThat(wrongState.statusCode()).isEqualTo(403);
        assertThat(wrongState.asString()).contains("did not start here");

        String who = name("dee");
        assertThat(signInAs(Map.of("sub", "s-6", "preferred_username", who, "groups", List.of("viewer")), false, null)
                .statusCode()).isEqualTo(200);
        users.change(who, new UserService.Change(null, null, null, null, true));
        Response disabled = signInAs(Map.of("sub", "s-6", "preferred_username", who, "groups", List.of("viewer")), false, null);
        assertThat(disabled.statusCode()).isEqualTo(403);
        assertThat(disabled.asString()).contains("disabled");

        given().redirects().follow(false).get("/login/oidc/callback?code=x&state=y").then().statusCode(403);
    }
}
