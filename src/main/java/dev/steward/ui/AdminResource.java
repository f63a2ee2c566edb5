package dev.steward.ui;

import dev.steward.security.ApiTokenEntity;
import dev.steward.security.Role;
import dev.steward.security.SecurityEvents;
import dev.steward.security.SessionService;
import dev.steward.security.TokenService;
import dev.steward.security.UserEntity;
import dev.steward.security.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Administration (admin only): users (add, change role and teams, link to the directory, disable, enable) and API
 * tokens (list, create, revoke). A new token is shown once, on the page that answers its creation, and never again:
 * only its hash is stored. Every change goes through {@link SecurityEvents}.
 */
@Path("/admin")
@RolesAllowed(Role.ADMIN_NAME)
public class AdminResource {

    private final Pages pages;
    private final UserService users;
    private final TokenService tokens;
    private final SessionService sessions;
    private final SecurityEvents events;
    private final SecurityIdentity identity;

    @Context
    UriInfo uri;

    public AdminResource(Pages pages, UserService users, TokenService tokens, SessionService sessions, SecurityEvents events,
            SecurityIdentity identity) {
        this.pages = pages;
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.events = events;
        this.identity = identity;
    }

    @GET
    @Path("/users")
    public Response users(@QueryParam("done") String done, @QueryParam("download") String download,
            @QueryParam("table") String table) {
        if (download != null) {
            return TableDownloads.download(List.of(userTable()), table, download);
        }
        return usersPage(200, done == null ? null : "Saved: " + done + ".", null);
    }

    @POST
    @Path("/users")
    public Response addUser(@RestForm String username, @RestForm String displayName, @RestForm String password,
            @RestForm String role, @RestForm String teams, @RestForm String personId) {
        try {
            Role r = Role.parse(role);
            users.add(username, displayName, password, r, UserService.parseTeams(teams), personId);
            events.userChanged(me().username(), username, "added role=" + r.wire());
            return see("/admin/users?done=" + View.enc("user " + username + " added"));
        } catch (IllegalArgumentException e) {
            return usersPage(400, null, e.getMessage());
        }
    }

    @POST
    @Path("/users/{name}")
    public Response changeUser(@PathParam("name") String name, @RestForm String role, @RestForm String teams,
            @RestForm String personId, @RestForm String action) {
        try {
            UserService.Change change;
            String what;
            if ("disable".equals(action) || "enable".equals(action)) {
                if ("disable".equals(action) && name.equals(me().username())) {
                    throw new IllegalArgumentException("you cannot disable yourself");
                }
                change = new UserService.Change(null, null, null, null, "disable".equals(action));
                what = action + "d";
            } else {
                Role r = Role.parse(role);
                change = new UserService.Change(r, UserService.parseTeams(teams), null, personId == null ? "" : personId, null);
                what = "role=" + r.wire() + (r.teamScoped() ? " teams=" + String.join(",", UserService.parseTeams(teams)) : "");
            }
            QuarkusTransaction.requiringNew().run(() -> {
                UserEntity u = users.change(name, change);
                sessions.closeAll(u.id);
            });
            events.userChanged(me().username(), name, what);
            return see("/admin/users?done=" + View.enc("user " + name + " " + what));
        } catch (IllegalArgumentException e) {
            return usersPage(400, null, e.getMessage());
        }
    }

    @GET
    @Path("/tokens")
    public Response tokens(@QueryParam("done") String done, @QueryParam("download") String download,
            @QueryParam("table") String table) {
        if (download != null) {
            return TableDownloads.download(List.of(tokenTable()), table, download);
        }
        return tokensPage(200, done == null ? null : "Saved: " + done + ".", null, null);
    }

    @POST
    @Path("/tokens")
    public Response createToken(@RestForm String name, @RestForm String role, @RestForm String teams,
            @RestForm String expires) {
        try {
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("a token needs a name of at most 200 characters");
            }
            Role r = Role.parse(role);
            Instant expiry = expires == null || expires.isBlank() ? null
                    : LocalDate.parse(expires.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (expiry != null && !expiry.isAfter(Instant.now())) {
                throw new IllegalArgumentException("the expiry date " + expires + " is not in the future");
            }
            TokenService.Created created = tokens.issue(name.trim(), r, UserService.parseTeams(teams), expiry,
                    me().username());
            events.tokenCreated(me().username(), name.trim(), r.wire());
            return tokensPage(201, null, null, created);
        } catch (java.time.format.DateTimeParseException e) {
            return tokensPage(400, null, "the expiry '" + expires + "' is not a date (YYYY-MM-DD)", null);
        } catch (IllegalArgumentException e) {
            return tokensPage(400, null, e.getMessage(), null);
        }
    }

    @POST
    @Path("/tokens/{id: \\d+}/revoke")
    public Response revoke(@PathParam("id") long id) {
        ApiTokenEntity t = QuarkusTransaction.requiringNew().call(() -> tokens.findById(id));
        if (t == null) {
            return tokensPage(404, null, "there is no token " + id, null);
        }
        tokens.revoke(id, me().username());
        events.tokenRevoked(me().username(), t.name);
        return see("/admin/tokens?done=" + View.enc("token " + t.name + " revoked"));
    }

    private Response usersPage(int status, String notice, String error) {
        Map<String, Object> values = new HashMap<>();
        values.put("title", "Users");
        values.put("users", QuarkusTransaction.requiringNew().call(users::all));
        values.put("table", userTable());
        values.put("roles", roles());
        values.put("here", Here.of(uri));
        put(values, "notice", notice);
        put(values, "error", error);
        return pages.page(status, "users", me(), values);
    }

    private Response tokensPage(int status, String notice, String error, TokenService.Created created) {
        Map<String, Object> values = new HashMap<>();
        values.put("title", "API tokens");
        values.put("tokens", QuarkusTransaction.requiringNew().call(() -> tokens.list("order by id desc")));
        values.put("table", tokenTable());
        values.put("roles", roles());
        values.put("here", Here.of(uri));
        values.put("now", Instant.now());
        put(values, "notice", notice);
        put(values, "error", error);
        put(values, "created", created);
        return pages.page(status, "tokens", me(), values);
    }

    private Table userTable() {
        View v = new View();
        Table.Builder t = new Table.Builder("users", "Users", "User", "Name", "Role", "Teams", "Person id", "Status", "Created",
                "Last sign-in");
        for (UserEntity u : QuarkusTransaction.requiringNew().call(users::all)) {
            t.row(u.username, u.displayName, u.role, u.teams, u.personId, u.disabled ? "disabled" : "enabled",
                    v.time(u.createdAt), v.time(u.lastSignInAt));
        }
        return t.build();
    }

    private Table tokenTable() {
        View v = new View();
        Instant now = Instant.now();
        Table.Builder t = new Table.Builder("api-tokens", "API tokens", "Id", "Name", "Role", "Teams", "Created", "Created by",
                "Expires", "Last used", "State");
        for (ApiTokenEntity e : QuarkusTransaction.requiringNew().call(() -> tokens.list("order by id desc"))) {
            t.row(e.id, e.name, e.role, e.teams, v.time(e.createdAt), e.createdBy, v.time(e.expiresAt), v.time(e.lastUsedAt),
                    state(e, now));
        }
        return t.build();
    }

    /** "revoked", "expired" or "active". */
    public static String state(ApiTokenEntity e, Instant now) {
        return e.revokedAt != null ? "revoked" : e.usableAt(now) ? "active" : "expired";
    }

    private static List<String> roles() {
        return java.util.Arrays.stream(Role.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).toList();
    }

    private Viewer me() {
        return Viewer.of(identity);
    }

    private static Response see(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
