package dev.steward.ui;

import dev.steward.decisions.DecisionAggregates;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.evidence.PersonRecord;
import dev.steward.report.AgentRow;
import dev.steward.report.GapReport;
import dev.steward.report.ReportFilter;
import dev.steward.report.ReportModel;
import dev.steward.report.ReportService;
import dev.steward.security.Role;
import dev.steward.text.Words;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/**
 * One agent as of the latest assessment: its ownership record and owner chain (owner, their manager and up), its
 * credentials with lifetimes and last use, the scopes it was granted against the scopes it used, the delegations it
 * acted under, its decisions per day, and its findings with their evidence. An agent outside a manager's teams is a
 * 404, as if it did not exist.
 */
@Path("/agents/{id}")
@RolesAllowed(Role.VIEWER_NAME)
public class AgentResource {

    private static final int CHAIN_DEPTH = dev.steward.inventory.PeopleQueries.CHAIN_DEPTH;

    private final Pages pages;
    private final ReportService reports;
    private final EvidenceLoader evidence;
    private final DecisionAggregates decisions;
    private final SecurityIdentity identity;

    @Context
    UriInfo uri;

    public AgentResource(Pages pages, ReportService reports, EvidenceLoader evidence, DecisionAggregates decisions,
            SecurityIdentity identity) {
        this.pages = pages;
        this.reports = reports;
        this.evidence = evidence;
        this.decisions = decisions;
        this.identity = identity;
    }

    /** One link of the owner chain: role in the chain, the person (or the bare id when not in the directory). */
    public record ChainLink(String role, String id, String name, String status) {
    }

    /** Decisions of one day, for the timeline chart. */
    public record Day(LocalDate day, long allowed, long denied) {
    }

    @GET
    public Response agent(@PathParam("id") String id, @QueryParam("download") String download, @QueryParam("table") String table) {
        Viewer me = Viewer.of(identity);
        Optional<ReportModel> model = OverviewResource.model(reports, me, ReportFilter.NONE);
        if (model.isEmpty()) {
            return pages.message(404, me, "No assessment yet", OverviewResource.NO_RUN);
        }
        ReportModel m = model.get();
        Optional<AgentRow> row = m.ownership().agent(id);
        Instant asOf = m.meta().asOf();
        // the run's inventory, kept for the pages: the agent, the people and the agent's credentials by holder
        Evidence ev = evidence.inventory(asOf, m.meta().windowStart());
        Optional<AgentRecord> record = ev.agent(id);
        if (row.isEmpty() || record.isEmpty() || !me.scope().allows(record.get().team())) {
            return pages.message(404, me, "Agent not found", "There is no agent '" + id + "' in the assessment as of "
                    + new View().time(asOf) + (me.restricted() ? " among your teams." : "."));
        }
        AgentRecord a = record.get();
        Map<String, PersonRecord> people = ev.people();
        List<CredentialRecord> creds = ev.heldCredentials(id);
        List<DecisionAggregate> mine = decisions.windowOf(m.meta().windowStart(), asOf, id, null);
        Set<String> subjects = new HashSet<>();
        subjects.add(id);
        creds.forEach(c -> subjects.add(c.id()));
        List<GapReport.FindingRow> findings = StreamSupport.stream(m.gaps().findingsOf(subjects).spliterator(), false)
                .toList();
        List<Day> days = timeline(mine);
        // what changed for the agent and its credentials since the previous run, the resolved findings included
        GapReport.Changes changed = m.gaps().changes();
        List<GapReport.ChangeRow> mineChanged = changed == null ? List.of()
                : changed.findings().stream().filter(c -> subjects.contains(c.subjectId())).toList();
        List<Table> tables = List.of(AgentTables.findings(findings), OverviewResource.changes(changed, mineChanged,
                        Words.count(mineChanged.size(), "finding") + " changed"), AgentTables.credentials(creds, asOf),
                AgentTables.scopes(a, creds, mine), AgentTables.delegations(mine), AgentTables.timeline(days));
        if (download != null) {
            return TableDownloads.download(tables, table, download);
        }
        Map<String, Object> values = new HashMap<>();
        values.put("title", "Agent " + id);
        values.put("m", m);
        values.put("a", a);
        values.put("r", row.get());
        values.put("chain", chain(a, people));
        values.put("backup", backup(a, people));
        values.put("tables", tables);
        values.put("days", days);
        values.put("maxDay", days.stream().mapToLong(d -> d.allowed() + d.denied()).max().orElse(1));
        values.put("here", Here.of(uri));
        return pages.page("agent", me, values);
    }

    /** The backup owner as a person of the directory (the bare id when not in it), or null when none is set. */
    static ChainLink backup(AgentRecord a, Map<String, PersonRecord> people) {
        if (a.backupOwner() == null || a.backupOwner().isBlank()) {
            return null;
        }
        PersonRecord p = people.get(a.backupOwner());
        return new ChainLink("backup owner", a.backupOwner(), p == null ? a.backupOwner() : p.name(),
                p == null ? "unknown" : p.active() ? "active" : "departed");
    }

    /** Owner, the owner's manager, that manager's manager ... (stops at a loop or after {@value #CHAIN_DEPTH}). */
    static List<ChainLink> chain(AgentRecord a, Map<String, PersonRecord> people) {
        List<ChainLink> chain = new ArrayList<>();
        if (a.owner() == null || a.owner().isBlank()) {
            chain.add(new ChainLink("owner", null, "no owner", "none"));
            return chain;
        }
        Set<String> seen = new LinkedHashSet<>();
        String id = a.owner();
        String role = "owner";
        while (id != null && seen.add(id) && seen.size() <= CHAIN_DEPTH) {
            PersonRecord p = people.get(id);
            chain.add(new ChainLink(role, id, p == null ? id : p.name(), p == null ? "unknown" : p.active() ? "active" : "departed"));
            id = p == null ? null : p.manager();
            role = "manager";
        }
        return chain;
    }

    static List<Day> timeline(List<DecisionAggregate> mine) {
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (DecisionAggregate d : mine) {
            long[] c = byDay.computeIfAbsent(d.day(), k -> new long[2]);
            c[d.allowed() ? 0 : 1] += d.count();
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((day, c) -> days.add(new Day(day, c[0], c[1])));
        return days;
    }
}
