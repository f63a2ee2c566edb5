package dev.steward.ui;

import dev.steward.security.CsrfFilter;
import dev.steward.security.SecurityEvents;
import dev.steward.security.SessionAuthenticationMechanism;
import dev.steward.security.SessionIdentityProvider;
import dev.steward.security.SessionService;
import dev.steward.security.UserEntity;
import dev.steward.security.UserService;
import dev.steward.security.WebConfig;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Sign-in and sign-out for people. The sign-in form is protected against login CSRF by a double-submit token (a
 * random value in a SameSite=Strict cookie and in the form); a failed sign-in always says the same thing, whatever
 * went wrong. A successful one opens a server-side session ({@link SessionService}) whose id travels only in an
 * HttpOnly, SameSite=Strict cookie (Secure over HTTPS), and replaces any session the browser had.
 */
@Path("/")
public class SignInResource {

    public static final String LOGIN_COOKIE = "steward_login";
    static final String WRONG = "Wrong user name or password.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pages pages;
    private final UserService users;
    private final SessionService sessions;
    private final SecurityEvents events;
    private final WebConfig config;
    private final SecurityIdentity identity;
    private final dev.steward.security.OidcClient oidc;

    @Context
    HttpServerRequest request;

    public SignInResource(Pages pages, UserService users, SessionService sessions, SecurityEvents events, WebConfig config,
            SecurityIdentity identity, dev.steward.security.OidcClient oidc) {
        this.oidc = oidc;
        this.pages = pages;
        this.users = users;
        this.sessions = sessions;
        this.events = events;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @Path("/login")
    @PermitAll
    public Response form(@QueryParam("next") String next, @QueryParam("signedOut") String signedOut) {
        if (SessionIdentityProvider.session(identity) != null) {
            return Response.seeOther(URI.create(safeNext(next))).build();
        }
        return loginPage(200, next, null, signedOut != null ? "You are signed out." : null, "");
    }

    @POST
    @Path("/login")
    @PermitAll
    public Response signIn(@RestForm String username, @RestForm String password, @RestForm(CsrfFilter.FIELD) String csrf,
            @RestForm String next, @RestCookie(LOGIN_COOKIE) String loginCookie,
            @RestCookie(SessionAuthenticationMechanism.COOKIE) String oldSession) {
        String from = remote();
        if (loginCookie == null || !CsrfFilter.matches(csrf, loginCookie)) {
            return loginPage(403, next, "The sign-in form expired. Please sign in again.", null, username);
        }
        Optional<UserEntity> user = users.signIn(username, password);
        events.signedIn(username, user.isPresent(), from);
        if (user.isEmpty()) {
            return loginPage(401, next, WRONG, null, username);
        }
        if (oldSession != null) {
            sessionsCloseQuietly(oldSession);
        }
        SessionService.Opened opened = sessions.open(user.get(), from);
        return Response.seeOther(URI.create(safeNext(next)))
                .cookie(sessionCookie(opened.id(), -1), expired(LOGIN_COOKIE))
                .build();
    }

    @POST
    @Path("/logout")
    @Authenticated
    public Response signOut() {
        SessionService.Live live = SessionIdentityProvider.session(identity);
        if (live != null) {
            sessions.close(live.idHash());
            events.signedOut(live.user().username, remote());
        }
        return Response.seeOther(URI.create("/login?signedOut=1"))
                .cookie(expired(SessionAuthenticationMechanism.COOKIE)).build();
    }

    private Response loginPage(int status, String next, String error, String notice, String username) {
        String token = random();
        Map<String, Object> m = new HashMap<>();
        m.put("title", "Sign in");
        m.put("next", safeNext(next));
        m.put("loginToken", token);
        m.put("username", username == null ? "" : username);
        if (oidc.enabled()) {
            m.put("ssoName", "Sign in with " + oidc.displayName());
        }
        if (error != null) {
            m.put("error", error);
        }
        if (notice != null) {
            m.put("notice", notice);
        }
        return Response.status(status).type(Pages.HTML).entity(pages.render("login", null, m))
                .cookie(cookie(LOGIN_COOKIE, token, -1)).build();
    }

    private void sessionsCloseQuietly(String oldSessionId) {
        sessions.resolve(oldSessionId).ifPresent(s -> sessions.close(s.idHash()));
    }

    /** Where to go after signing in: a local path only (never another site, never a protocol-relative URL). */
    static String safeNext(String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.contains("\r") || next.contains("\n") || next.startsWith("/login") || next.startsWith("/logout")) {
            return "/";
        }
        return next;
    }

    private NewCookie sessionCookie(String value, int maxAge) {
        return cookie(SessionAuthenticationMechanism.COOKIE, value, maxAge);
    }

    private NewCookie expired(String name) {
        return cookie(name, "", 0);
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        boolean secure = config.secureCookie() || request != null && request.isSSL();
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    private String remote() {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
