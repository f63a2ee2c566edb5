package dev.steward.ui;

import dev.steward.audit.Actors;
import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import dev.steward.web.Problems7807;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.ForbiddenException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one mapper of a role that does not allow a request (403): recorded in the audit trail as ACCESS_DENIED (who, the
 * method and path); a signed-in person who opens a page gets a page saying so (with the navigation they may use)
 * instead of a bare 403; API callers get an RFC 7807 problem.
 */
public class PageErrors {

    private final Pages pages;
    private final AuditLog audit;

    public PageErrors(Pages pages, AuditLog audit) {
        this.pages = pages;
        this.audit = audit;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, RoutingContext routing) {
        String path = uri.getPath();
        SecurityIdentity who = routing.user() instanceof QuarkusHttpUser u ? u.getSecurityIdentity() : null;
        audit.record(Actors.of(who), AuditAction.ACCESS_DENIED, routing.request().method().name() + " "
                + routing.request().path(), AuditOutcome.DENIED);
        boolean page = path != null && !path.startsWith("/api/") && !path.startsWith("/q/");
        if (page && routing.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return pages.message(403, Viewer.of(user.getSecurityIdentity()), "Not allowed",
                    "Your role does not open this page. Ask an administrator if you need it.");
        }
        return Response.status(403).type(Problems7807.MEDIA_TYPE)
                .entity(Problems7807.of(403, "Forbidden", "your role does not allow this request", path)).build();
    }
}
