package dev.steward.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves a session cookie to the identity of its user: the role names of {@link Role#granted()}, the user's
 * {@link AccessScope}, and the session itself as attribute {@link #SESSION} (which the CSRF check needs). A dead
 * session fails, and the mechanism then treats the request as unauthenticated.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    /** Identity attribute holding the {@link SessionService.Live} session; present only for cookie sign-ins. */
    public static final String SESSION = "steward.session";

    private final SessionService sessions;

    public SessionIdentityProvider(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            SessionService.Live live = sessions.resolve(request.sessionId())
                    .orElseThrow(() -> new AuthenticationFailedException("no live session"));
            UserEntity u = live.user();
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(u.username))
                    .addRoles(Role.parse(u.role).granted())
                    .addAttribute(SESSION, live)
                    .addAttribute(AccessScope.ATTRIBUTE, u.scope())
                    .build();
        });
    }

    /** The session of an identity signed in by cookie, or null (Bearer token, anonymous). */
    public static SessionService.Live session(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Object s = identity.getAttribute(SESSION);
        return s instanceof SessionService.Live live ? live : null;
    }
}
