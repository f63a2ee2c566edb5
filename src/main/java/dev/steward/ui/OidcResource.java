package dev.steward.ui;

import dev.steward.security.OidcClient;
import dev.steward.security.Role;
import dev.steward.security.SecurityEvents;
import dev.steward.security.SessionAuthenticationMechanism;
import dev.steward.security.SessionService;
import dev.steward.security.UserEntity;
import dev.steward.security.UserService;
import dev.steward.security.WebConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestCookie;

/**
 * Single sign-on: {@code /login/oidc} sends the browser to the OpenID Connect provider with a fresh state, nonce and
 * PKCE verifier (kept in a short-lived HttpOnly, SameSite=Lax cookie so it survives the provider's redirect back);
 * {@code /login/oidc/callback} checks the state, exchanges the code, checks the ID token, maps its claims to a role and
 * teams, and opens a Steward session. The session cookie is SameSite=Strict, which a browser does not send on the rest
 * of a redirect chain that began at another site, so the callback answers with a page that moves on by itself.
 */
@Path("/login/oidc")
public class OidcResource {

    static final String PENDING_COOKIE = "steward_oidc";
    private static final Logger LOG = Logger.getLogger(OidcResource.class);

    private final OidcClient oidc;
    private final UserService users;
    private final SessionService sessions;
    private final SecurityEvents events;
    private final WebConfig config;
    private final Pages pages;

    @Context
    HttpServerRequest request;

    public OidcResource(OidcClient oidc, UserService users, SessionService sessions, SecurityEvents events,
            WebConfig config, Pages pages) {
        this.oidc = oidc;
        this.users = users;
        this.sessions = sessions;
        this.events = events;
        this.config = config;
        this.pages = pages;
    }

    @GET
    @PermitAll
    public Response start(UriInfo uri) {
        if (!oidc.enabled()) {
            return refused(404, "Single sign-on is not configured here; sign in with your user name and password.");
        }
        OidcClient.Pending p = oidc.newPending();
        try {
            return Response.seeOther(oidc.authorizationUrl(p, oidc.redirectUri(uri.getBaseUri().toString())))
                    .cookie(cookie(PENDING_COOKIE, p.encode(), 600, NewCookie.SameSite.LAX)).build();
        } catch (OidcClient.OidcException e) {
            LOG.warnf("single sign-on cannot start: %s", e.getMessage());
            return refused(502, "The identity provider cannot be reached: " + e.getMessage());
        }
    }

    @GET
    @Path("/callback")
    @PermitAll
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @RestCookie(PENDING_COOKIE) String pendingCookie, UriInfo uri) {
        String from = request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (!oidc.enabled()) {
            return refused(404, "Single sign-on is not configured here.");
        }
        OidcClient.Pending p = OidcClient.Pending.decode(pendingCookie);
        if (error != null) {
            return refused(401, "The identity provider did not sign you in (" + error + ").");
        }
        if (p == null || state == null || !dev.steward.security.CsrfFilter.matches(state, p.state()) || code == null) {
            return refused(403, "This sign-in did not start here or has expired. Please sign in again.");
        }
        OidcClient.Claims claims;
        try {
            claims = oidc.exchange(code, p, oidc.redirectUri(uri.getBaseUri().toString()));
        } catch (OidcClient.OidcException e) {
            LOG.warnf("single sign-on refused: %s", e.getMessage());
            events.signedIn("oidc", false, from);
            return refused(401, "The identity provider's answer was refused: " + e.getMessage());
        }
        Role role = oidc.role(claims);
        if (role == null) {
            events.signedIn(claims.username(), false, from);
            return refused(403, "Your account (" + claims.username() + ") has no Steward role at the identity provider.");
        }
        Optional<UserEntity> user;
        try {
            user = users.provision(claims.username(), claims.name(), role, claims.teams());
        } catch (IllegalArgumentException e) {
            events.signedIn(claims.username(), false, from);
            return refused(403, "Your account cannot sign in: " + e.getMessage());
        }
        events.signedIn(claims.username(), user.isPresent(), from);
        if (user.isEmpty()) {
            return refused(403, "Your Steward account is disabled.");
        }
        SessionService.Opened opened = sessions.open(user.get(), from);
        Map<String, Object> m = new HashMap<>();
        m.put("title", "Signed in");
        m.put("next", "/");
        return Response.ok(pages.render("signed-in", null, m), Pages.HTML)
                .cookie(cookie(SessionAuthenticationMechanism.COOKIE, opened.id(), -1, NewCookie.SameSite.STRICT),
                        cookie(PENDING_COOKIE, "", 0, NewCookie.SameSite.LAX))
                .build();
    }

    private Response refused(int status, String message) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", "Sign in");
        m.put("message", message);
        return Response.status(status).type(Pages.HTML).entity(pages.render("sso-refused", null, m))
                .cookie(cookie(PENDING_COOKIE, "", 0, NewCookie.SameSite.LAX)).build();
    }

    private NewCookie cookie(String name, String value, int maxAge, NewCookie.SameSite sameSite) {
        boolean secure = config.secureCookie() || request != null && request.isSSL();
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(secure).sameSite(sameSite)
                .maxAge(maxAge).build();
    }
}
