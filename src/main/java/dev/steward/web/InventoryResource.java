package dev.steward.web;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.inventory.InventoryQueries;
import dev.steward.security.Role;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The inventory in force at an instant (default now): agents and credentials, with provenance. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
@Tag(name = "inventory")
public class InventoryResource {

    private final InventoryQueries inventory;
    private final Clock clock = Clock.systemUTC();

    public InventoryResource(InventoryQueries inventory) {
        this.inventory = inventory;
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
        return new Page<>(inventory.agents(at, new InventoryQueries.Filter(team, environment, owner), p * s, s), p, s, at);
    }

    @GET
    @Path("/agents/{id}")
    @Operation(summary = "One agent as in force at asOf (default now)")
    public AgentRecord agent(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        Instant at = AsOfParam.parse(asOf, clock);
        return inventory.agent(id, at).orElseThrow(() -> new NotFoundException("no agent '" + id + "' in force at " + at));
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
        return new Page<>(inventory.credentials(at, holder, environment, p * s, s), p, s, at);
    }

    @GET
    @Path("/credentials/{id}")
    @Operation(summary = "One credential as in force at asOf (default now); never a secret value")
    public CredentialRecord credential(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        Instant at = AsOfParam.parse(asOf, clock);
        return inventory.credential(id, at).orElseThrow(() -> new NotFoundException("no credential '" + id + "' in force at " + at));
    }
}
