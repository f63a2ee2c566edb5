package dev.steward.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Signs browsers in by the session cookie, next to the Bearer {@link TokenAuthenticationMechanism}. It is asked
 * first; a request with an {@code Authorization} header is left to the Bearer mechanism, and a dead session counts
 * as no session. Its challenge sends a person's browser to the sign-in page; for the API ({@code /api/}) and the
 * {@code /q/} endpoints it steps aside, so automation still gets 401 with {@code WWW-Authenticate: Bearer}.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String COOKIE = "steward_session";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (context.request().getHeader("Authorization") != null) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(new SessionAuthenticationRequest(cookie.getValue()))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (!pageRequest(path)) {
            return Uni.createFrom().nullItem();
        }
        String location = "/login";
        if (context.request().method() == HttpMethod.GET && !"/".equals(path)) {
            String query = context.request().query();
            location += "?next=" + URLEncoder.encode(path + (query == null ? "" : "?" + query), StandardCharsets.UTF_8);
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", location));
    }

    /** Whether a path is a page a person opens (redirect to sign-in) rather than an API or framework endpoint. */
    static boolean pageRequest(String path) {
        return path != null && !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/")
                && !path.equals("/q");
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
