package dev.steward.ui;

import dev.steward.web.Problems7807;
import io.quarkus.security.ForbiddenException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A signed-in person who opens a page their role does not allow gets a page saying so (with the navigation they
 * may use) instead of a bare 403; API callers keep getting an RFC 7807 problem.
 */
public class PageErrors {

    private final Pages pages;

    public PageErrors(Pages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, RoutingContext routing) {
        String path = uri.getPath();
        boolean page = path != null && !path.startsWith("/api/") && !path.startsWith("/q/");
        if (page && routing.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return pages.message(403, Viewer.of(user.getSecurityIdentity()), "Not allowed",
                    "Your role does not open this page. Ask an administrator if you need it.");
        }
        return Response.status(403).type(Problems7807.MEDIA_TYPE)
                .entity(Problems7807.of(403, "Forbidden", "your role does not allow this", path)).build();
    }
}
