package dev.steward.security;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * CSRF protection for everything a browser session can change: a POST, PUT, PATCH or DELETE authenticated by the
 * session cookie, on a page or on {@code /api/v1}, must carry its session's CSRF token in the {@code X-CSRF-Token}
 * header or the {@value #FIELD} form field, or it is refused with 403. Requests authenticated by a Bearer token are
 * exempt: a browser never attaches one on its own. (The sign-in form has no session yet and checks its own token.)
 */
public class CsrfFilter {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        SessionService.Live session = routing.user() instanceof QuarkusHttpUser user
                ? SessionIdentityProvider.session(user.getSecurityIdentity()) : null;
        if (session == null) {
            return null;
        }
        String sent = request.getHeaderString(HEADER);
        if (sent == null && isForm(request.getMediaType()) && request.hasEntity()) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(FIELD, true, false);
            sent = field == null ? null : field.toString();
        }
        if (!matches(sent, session.csrfToken())) {
            return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Refused: this form or request is missing its CSRF token or the token is stale. "
                            + "Reload the page and try again.")
                    .build();
        }
        return null;
    }

    /** Constant-time comparison of a sent token with the expected one; false when either is missing. */
    public static boolean matches(String sent, String expected) {
        return sent != null && expected != null
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                && "x-www-form-urlencoded".equals(type.getSubtype())
                || "multipart".equals(type.getType()) && "form-data".equals(type.getSubtype()));
    }
}
