package dev.steward.ui;

import dev.steward.report.AgentRow;
import dev.steward.report.Gap;
import dev.steward.report.ReportFilter;
import dev.steward.report.ReportModel;
import dev.steward.report.ReportService;
import dev.steward.security.Role;
import dev.steward.security.WebConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ownership gaps page: every agent with an ownership gap (or every agent, with {@code show=all}; or those with a
 * gap new since the previous assessment, with {@code show=new}), filtered by
 * team, manager, owner and environment and sorted as asked. The rows are the ownership report's rows
 * ({@link AgentRow}), so the page, the CSV/XLSX download and the report agree. What is closest to the signed-in
 * person comes first: agents whose owner reports to the person the user is linked to in the directory, then the
 * agents of a manager's teams, then the rest, each group in the chosen order. The screen shows the rows a page at a
 * time ({@link Paging}: {@code page}, {@code rows}); the CSV and XLSX downloads hold every row of the filters.
 */
@Path("/gaps")
@RolesAllowed(Role.VIEWER_NAME)
public class GapsResource {

    static final List<String> SORTS = List.of("manager", "team", "owner", "agent", "gaps", "age");

    private final Pages pages;
    private final ReportService reports;
    private final SecurityIdentity identity;
    private final WebConfig web;

    @Context
    UriInfo uri;

    public GapsResource(Pages pages, ReportService reports, SecurityIdentity identity, WebConfig web) {
        this.pages = pages;
        this.reports = reports;
        this.identity = identity;
        this.web = web;
    }

    @GET
    public Response gaps(@QueryParam("team") String team, @QueryParam("manager") String manager,
            @QueryParam("owner") String owner, @QueryParam("environment") String environment,
            @QueryParam("sort") String sort, @QueryParam("show") String show,
            @QueryParam("download") String download, @QueryParam("table") String table,
            @QueryParam("page") String page, @QueryParam("rows") String size) {
        Viewer me = Viewer.of(identity);
        Optional<ReportModel> model = OverviewResource.model(reports, me, ReportFilter.NONE);
        if (model.isEmpty()) {
            return pages.page("gaps", me, Map.of("title", "Ownership gaps", "none", OverviewResource.NO_RUN));
        }
        // the rows are built on demand: once, for the choices and the table
        List<AgentRow> agents = new ArrayList<>();
        model.get().ownership().byOwner().forEach(agents::add);
        GapChoices choices = GapChoices.of(agents, web.filterListLimit(), team, manager, owner, environment);
        ReportFilter filter = choices.filter();
        boolean all = "all".equals(show);
        boolean fresh = "new".equals(show);
        String by = sort != null && SORTS.contains(sort) ? sort : "manager";
        List<AgentRow> rows = new ArrayList<>();
        for (AgentRow r : agents) {
            if (filter.matches(r) && (all || (fresh ? r.gaps().stream().anyMatch(Gap::isNew) : !r.gaps().isEmpty()))) {
                rows.add(r);
            }
        }
        rows.sort(order(me, by));
        if (download != null) {
            return TableDownloads.download(List.of(table(rows, all)), table, download);
        }
        Paging p = Paging.of(rows.size(), page, size);
        Table t = table(rows.subList(p.from(), p.to()), all);
        Map<String, Object> values = new HashMap<>();
        values.put("title", "Ownership gaps");
        values.put("m", model.get());
        values.put("t", t);
        values.put("here", Here.of(uri));
        values.put("choices", choices.values());
        values.put("names", choices.names());
        values.put("typed", choices.typed());
        values.put("ambiguous", choices.ambiguous());
        Map<String, String> pick = new HashMap<>();
        choices.ambiguous().keySet().forEach(k -> pick.put(k, Here.without(uri, "page", k)));
        values.put("pick", pick);
        values.put("sorts", SORTS);
        values.put("f", Map.of("team", nz(filter.team()), "manager", nz(filter.manager()), "owner", nz(filter.owner()),
                "environment", nz(filter.environment()),
                "sort", by, "show", all ? "all" : fresh ? "new" : "gaps"));
        values.put("count", rows.size());
        values.put("p", p);
        values.put("sizes", p.sizes());
        values.put("pageLink", Here.without(uri, "page", "rows"));
        values.put("reportQuery", reportQuery(filter));
        return pages.page("gaps", me, values);
    }

    /** Own teams first (see the class comment), then the chosen order; the agent id breaks ties. */
    static Comparator<AgentRow> order(Viewer me, String by) {
        Comparator<AgentRow> own = Comparator.comparingInt(r -> closeness(me, r));
        Comparator<AgentRow> chosen = switch (by) {
            case "team" -> Comparator.comparing((AgentRow r) -> nz(r.team()));
            case "owner" -> Comparator.comparing((AgentRow r) -> nz(r.ownerName() == null ? r.owner() : r.ownerName()));
            case "agent" -> Comparator.comparing(AgentRow::id);
            case "gaps" -> Comparator.comparingInt((AgentRow r) -> -r.gaps().size());
            case "age" -> Comparator.comparingLong((AgentRow r) -> -oldest(r));
            default -> Comparator.comparing((AgentRow r) -> nz(r.managerName() == null ? r.manager() : r.managerName()))
                    .thenComparing(r -> nz(r.team()));
        };
        return own.thenComparing(chosen).thenComparing(AgentRow::id);
    }

    /** 0: the owner reports to the signed-in person; 1: an agent of their teams; 2: anything else. */
    static int closeness(Viewer me, AgentRow r) {
        if (me.personId() != null && me.personId().equals(r.manager())) {
            return 0;
        }
        return me.restricted() && r.team() != null && me.teams().contains(r.team()) ? 1 : 2;
    }

    private static long oldest(AgentRow r) {
        return r.gaps().stream().map(Gap::ageDays).filter(Objects::nonNull).mapToLong(Long::longValue).max().orElse(-1);
    }

    private static Table table(List<AgentRow> rows, boolean all) {
        Table.Builder t = new Table.Builder(all ? "agents" : "ownership-gaps", all ? "Agents" : "Agents with ownership gaps",
                "Agent", "Name", "Team", "Environment", "Autonomy", "Owner", "Owner status", "Manager", "Backup owner", "Gaps",
                "New since previous run", "Oldest gap (days)", "Active credentials");
        for (AgentRow r : rows) {
            long age = oldest(r);
            t.row(Table.Cell.link(r.id(), "/agents/" + View.enc(r.id())), r.name(), r.team(), r.environment(), r.autonomy(),
                    r.ownerName() != null ? r.ownerName() : Objects.requireNonNullElse(r.owner(), ""),
                    Table.Cell.styled(r.ownerStatus(), r.ownerStatus()),
                    r.managerName() != null ? r.managerName() : Objects.requireNonNullElse(r.manager(), ""),
                    r.backupOwnerName() == null ? r.backupOwner() : r.backupOwnerName(),
                    Table.Cell.codes(r.gapIds()),
                    Table.Cell.styled(r.newGapIds(), "codes change-new"), age < 0 ? "" : age, r.activeCredentials());
        }
        return t.build();
    }

    private static String reportQuery(ReportFilter f) {
        StringBuilder b = new StringBuilder();
        append(b, "team", f.team());
        append(b, "manager", f.manager());
        append(b, "owner", f.owner());
        append(b, "environment", f.environment());
        return b.toString();
    }

    private static void append(StringBuilder b, String k, String v) {
        if (v != null) {
            b.append('&').append(k).append('=').append(View.enc(v));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
