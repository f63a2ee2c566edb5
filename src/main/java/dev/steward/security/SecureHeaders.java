package dev.steward.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response, set just before the headers are sent so no endpoint can forget them: a strict
 * Content-Security-Policy (only this origin's scripts, styles and images; no inline script; no framing), nosniff,
 * X-Frame-Options DENY, no referrer, and {@code Cache-Control: no-store} on everything but the static assets. The
 * bundled Swagger UI needs inline script and style, so {@code /q/swagger-ui} gets a policy that allows them.
 */
@ApplicationScoped
public class SecureHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "object-src 'none'";
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; "
            + "object-src 'none'";

    void register(@Observes Filters filters) {
        filters.register(this::handle, 200);
    }

    private void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        rc.addHeadersEndHandler(v -> apply(rc.response().headers(), path));
        rc.next();
    }

    static void apply(MultiMap h, String path) {
        h.set("Content-Security-Policy", path != null && path.startsWith("/q/swagger-ui") ? SWAGGER_CSP : CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        if (path != null && path.startsWith("/static/")) {
            h.set("Cache-Control", "private, max-age=300");
        } else {
            h.set("Cache-Control", "no-store");
        }
    }
}
