package dev.steward.web;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.inventory.InventoryQueries;
import dev.steward.inventory.PeopleQueries;
import dev.steward.security.AccessScope;
import dev.steward.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The inventory in force at an instant (default now): agents, credentials and people, with provenance. A manager sees
 * only the agents of their teams, the credentials those agents hold, and the people of their teams or named by their
 * agents (owners, backup owners and the owners' managers); anything else is a 404, as if it did not exist.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
@Tag(name = "inventory")
public class InventoryResource {

    private final InventoryQueries inventory;
    private final PeopleQueries people;
    private final SecurityIdentity identity;
    private final Clock clock = Clock.systemUTC();

    public InventoryResource(InventoryQueries inventory, PeopleQueries people, SecurityIdentity identity) {
        this.inventory = inventory;
        this.people = people;
        this.identity = identity;
    }

    /** The teams the caller may see, or null when every team (a manager sees only theirs; see AccessScope). */
    private Set<String> visibleTeams() {
        AccessScope scope = AccessScope.of(identity);
        return scope.unrestricted() ? null : scope.teams();
    }

    /** A credential is visible to a manager when one of its holders is an agent of their teams (null = all visible). */
    private Predicate<CredentialRecord> visibleCredential(Instant at) {
        Set<String> teams = visibleTeams();
        if (teams == null) {
            return null;
        }
        Set<String> agents = new HashSet<>();
        inventory.agents(at, InventoryQueries.Filter.NONE, teams, 0, Integer.MAX_VALUE).forEach(a -> agents.add(a.id()));
        return c -> c.holders().stream().anyMatch(agents::contains);
    }

    @GET
    @Path("/agents")
    @Operation(summary = "List agents in force at asOf (default now), filtered by team, environment, owner")
    public Page<AgentRecord> agents(@QueryParam("asOf") String asOf, @QueryParam("team") String team,
            @QueryParam("environment") String environment, @QueryParam("owner") String owner,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        Instant at = AsOfParam.parse(asOf, clock);
        int s = Page.checkedSize(size);
        int p = Page.checkedPage(page);
        var filter = new InventoryQueries.Filter(team, environment, owner);
        Set<String> teams = visibleTeams();
        return new Page<>(inventory.agents(at, filter, teams, p * s, s), p, s, inventory.countAgents(at, filter, teams), at);
    }

    @GET
    @Path("/agents/{id}")
    @Operation(summary = "One agent as in force at asOf (default now)")
    public AgentRecord agent(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        Instant at = AsOfParam.parse(asOf, clock);
        return inventory.agent(id, at).filter(a -> AccessScope.of(identity).allows(a.team()))
                .orElseThrow(() -> new NotFoundException("no agent '" + id + "' in force at " + at));
    }

    @GET
    @Path("/credentials")
    @Operation(summary = "List credentials in force at asOf (default now), filtered by holder and environment")
    public Page<CredentialRecord> credentials(@QueryParam("asOf") String asOf, @QueryParam("holder") String holder,
            @QueryParam("environment") String environment,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        Instant at = AsOfParam.parse(asOf, clock);
        int s = Page.checkedSize(size);
        int p = Page.checkedPage(page);
        var found = inventory.credentials(at, holder, environment, visibleCredential(at), p * s, s);
        return new Page<>(found.items(), p, s, found.total(), at);
    }

    @GET
    @Path("/credentials/{id}")
    @Operation(summary = "One credential as in force at asOf (default now); never a secret value")
    public CredentialRecord credential(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        Instant at = AsOfParam.parse(asOf, clock);
        Predicate<CredentialRecord> visible = visibleCredential(at);
        return inventory.credential(id, at).filter(c -> visible == null || visible.test(c)).orElseThrow(() -> new NotFoundException("no credential '" + id + "' in force at " + at));
    }

    /**
     * A person as the caller may see them: the e-mail address, personal data that no page or report shows, goes to
     * auditors and admins only (the evidence exports they receive hold the directory too).
     */
    private PersonRecord shown(PersonRecord p) {
        return p.email() == null || identity.hasRole(Role.AUDITOR_NAME) ? p
                : new PersonRecord(p.id(), p.name(), null, p.team(), p.manager(), p.status(), p.departedAt(), p.source());
    }

    @GET
    @Path("/people")
    @Operation(summary = "List the people of the directory in force at asOf (default now), in id order, filtered by"
            + " team, manager (direct reports) and status; e-mail addresses for auditors and admins only")
    public Page<PersonRecord> people(@QueryParam("asOf") String asOf, @QueryParam("team") String team,
            @QueryParam("manager") String manager, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        Instant at = AsOfParam.parse(asOf, clock);
        int s = Page.checkedSize(size);
        int p = Page.checkedPage(page);
        var found = people.people(at, new PeopleQueries.Filter(team, manager, status), visibleTeams(), p * s, s);
        return new Page<>(found.items().stream().map(this::shown).toList(), p, s, found.total(), at);
    }

    @GET
    @Path("/people/{id}")
    @Operation(summary = "One person of the directory as in force at asOf (default now)")
    public PersonRecord person(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        Instant at = AsOfParam.parse(asOf, clock);
        return people.person(id, at, visibleTeams()).map(this::shown)
                .orElseThrow(() -> new NotFoundException("no person '" + id + "' in force at " + at));
    }
}
