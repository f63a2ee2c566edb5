package dev.steward.web;

import dev.steward.audit.Actors;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * API tokens (admin only): create one (the plain token is in the 201 response and nowhere else, ever), list them
 * (never a token or its hash), revoke one. Creation and revocation are audited by {@link TokenService}.
 */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "tokens")
public class TokenResource {

    private final TokenService tokens;
    private final SecurityIdentity identity;
    private final Clock clock = Clock.systemUTC();

    public TokenResource(TokenService tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    /**
     * Body of POST: a name, a role (viewer, manager, auditor, admin), the teams of a manager token, and when it
     * expires: {@code expiresAt} (RFC 3339) or {@code ttl} (90d, 12h, 30m, PT12H); neither = never.
     */
    public record CreateRequest(String name, String role, List<String> teams, String expiresAt, String ttl) {
    }

    /** The created token: {@code token} is shown this once. */
    public record CreatedToken(long id, String name, String role, List<String> teams, Instant expiresAt, String token) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API token; the plain token is returned once, in this response (201)")
    public Response create(CreateRequest request, UriInfo uri) {
        if (request == null) {
            throw new IllegalArgumentException("body must be {\"name\": ..., \"role\": ..., \"teams\": [...],"
                    + " \"expiresAt\" or \"ttl\": ...}");
        }
        if (request.role() == null) {
            throw new IllegalArgumentException("role is required; allowed: viewer, manager, auditor, admin");
        }
        Role role = Role.parse(request.role());
        Instant expiresAt = expiry(request);
        List<String> teams = request.teams() == null ? List.of() : request.teams();
        TokenService.Created c = tokens.issue(request.name(), role, teams, expiresAt, Actors.of(identity));
        return Response.status(201).location(uri.getBaseUriBuilder().path("api/v1/tokens/" + c.id()).build())
                .entity(new CreatedToken(c.id(), request.name().trim(), role.wire(), teams, c.expiresAt(), c.token()))
                .build();
    }

    private Instant expiry(CreateRequest r) {
        boolean at = r.expiresAt() != null && !r.expiresAt().isBlank();
        boolean ttl = r.ttl() != null && !r.ttl().isBlank();
        if (at && ttl) {
            throw new IllegalArgumentException("give expiresAt or ttl, not both");
        }
        if (at) {
            return dev.steward.ingest.Times.field("expiresAt", r.expiresAt());
        }
        return ttl ? clock.instant().plus(TokenService.ttl(r.ttl())).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                : null;
    }

    @GET
    @Operation(summary = "Every API token with its role, teams, dates and status; never the token or its hash")
    public List<TokenService.TokenView> list() {
        return tokens.views();
    }

    @DELETE
    @Path("/{id: \\d+}")
    @Operation(summary = "Revoke a token (204); it is refused from then on (401)")
    public Response revoke(@PathParam("id") long id) {
        if (!tokens.revoke(id, Actors.of(identity))) {
            throw new NotFoundException("no token " + id);
        }
        return Response.noContent().build();
    }
}
