package dev.steward.web;

import dev.steward.assessment.AssessmentSettings;
import dev.steward.assessment.CheckInfo;
import dev.steward.check.CheckCatalog;
import dev.steward.mapping.FrameworkViews;
import dev.steward.mapping.MappingRegistry;
import dev.steward.mapping.MappingSet;
import dev.steward.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What Steward scores against: the loaded frameworks (with their control trees) and the check catalog. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
@Tag(name = "catalog")
public class CatalogResource {

    private final MappingRegistry mappings;
    private final CheckCatalog catalog;
    private final AssessmentSettings settings;

    public CatalogResource(MappingRegistry mappings, CheckCatalog catalog, AssessmentSettings settings) {
        this.mappings = mappings;
        this.catalog = catalog;
        this.settings = settings;
    }

    @GET
    @Path("/frameworks")
    @Operation(summary = "Loaded frameworks with how many controls are in and out of scope")
    public List<FrameworkViews.Summary> frameworks() {
        return FrameworkViews.summaries(mappings.current());
    }

    @GET
    @Path("/frameworks/{id}")
    @Operation(summary = "One framework with its control tree, checks, manual evidence and crosswalks")
    public FrameworkViews.Tree framework(@PathParam("id") String id) {
        MappingSet set = mappings.current();
        return set.framework(id).map(f -> FrameworkViews.tree(set, f))
                .orElseThrow(() -> new NotFoundException("no framework '" + id + "'; known: " + set.frameworks().keySet()));
    }

    @GET
    @Path("/checks")
    @Operation(summary = "The check catalog with parameters, defaults and the values in effect")
    public List<CheckInfo> checks() {
        MappingSet set = mappings.current();
        return catalog.all().stream().map(c -> CheckInfo.of(c, settings.checks(), set)).toList();
    }
}
