package dev.steward.ui;

import dev.steward.decisions.DecisionAggregates;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import dev.steward.inventory.InventoryQueries;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * One credential as of the latest assessment: its record (never a secret value), the agents holding it, its findings
 * with their evidence and what changed for it, the secret values ingestion found for it (where, never what), and the
 * decisions made with it in the window: by agent, by scope against its scopes, and per day. A manager sees a
 * credential when one of its holders is in their teams; any other is a 404, as if it did not exist.
 */
@Path("/credentials/{id}")
@RolesAllowed(Role.VIEWER_NAME)
public class CredentialResource {

    private final Pages pages;
    private final ReportService reports;
    private final InventoryQueries inventory;
    private final EvidenceLoader evidence;
    private final DecisionAggregates decisions;
    private final SecurityIdentity identity;

    @Context
    UriInfo uri;

    public CredentialResource(Pages pages, ReportService reports, InventoryQueries inventory, EvidenceLoader evidence,
            DecisionAggregates decisions, SecurityIdentity identity) {
        this.evidence = evidence;
        this.pages = pages;
        this.reports = reports;
        this.inventory = inventory;
        this.decisions = decisions;
        this.identity = identity;
    }

    @GET
    public Response credential(@PathParam("id") String id, @QueryParam("download") String download,
            @QueryParam("table") String table) {
        Viewer me = Viewer.of(identity);
        Optional<ReportModel> model = OverviewResource.model(reports, me, ReportFilter.NONE);
        if (model.isEmpty()) {
            return pages.message(404, me, "No assessment yet", OverviewResource.NO_RUN);
        }
        ReportModel m = model.get();
        Instant asOf = m.meta().asOf();
        // the run's inventory, kept for the pages: the credential, its holders and the people
        Evidence ev = evidence.inventory(asOf, m.meta().windowStart());
        Optional<CredentialRecord> record = ev.credential(id);
        Map<String, AgentRecord> holders = new HashMap<>();
        record.ifPresent(c -> c.holders().forEach(h -> ev.agent(h).ifPresent(a -> holders.put(h, a))));
        if (record.isEmpty() || me.restricted() && holders.values().stream().noneMatch(a -> me.scope().allows(a.team()))) {
            return pages.message(404, me, "Credential not found", "There is no credential '" + id + "' in the assessment as of "
                    + new View().time(asOf) + (me.restricted() ? " held by an agent of your teams." : "."));
        }
        CredentialRecord c = record.get();
        Map<String, PersonRecord> people = ev.people();
        List<GapReport.FindingRow> findings = StreamSupport.stream(m.gaps().findingsOf(Set.of(id)).spliterator(), false)
                .filter(f -> "credential".equals(f.subjectType())).toList();
        GapReport.Changes changed = m.gaps().changes();
        List<GapReport.ChangeRow> mineChanged = changed == null ? List.of() : changed.findings().stream()
                .filter(x -> "credential".equals(x.subjectType()) && id.equals(x.subjectId())).toList();
        List<DecisionAggregate> used = decisions.windowOf(m.meta().windowStart(), asOf, null, id);
        List<AgentResource.Day> days = AgentResource.timeline(used);
        List<Table> tables = List.of(holderTable(c, holders, people, me), AgentTables.findings(findings),
                OverviewResource.changes(changed, mineChanged, Words.count(mineChanged.size(), "finding") + " changed"),
                secretTable(inventory.secretsOf(id, asOf)), AgentTables.usedBy(used),
                AgentTables.scopes(new LinkedHashSet<>(c.scopes()), used), AgentTables.timeline(days));
        if (download != null) {
            return TableDownloads.download(tables, table, download);
        }
        Map<String, Object> values = new HashMap<>();
        values.put("title", "Credential " + id);
        values.put("m", m);
        values.put("c", c);
        values.put("status", AgentTables.status(c, asOf));
        values.put("tables", tables);
        values.put("days", days);
        values.put("maxDay", days.stream().mapToLong(d -> d.allowed() + d.denied()).max().orElse(1));
        values.put("here", Here.of(uri));
        return pages.page("credential", me, values);
    }

    /** The holders with their team and owner by name; an agent of another team is named but not linked for a manager. */
    private static Table holderTable(CredentialRecord c, Map<String, AgentRecord> holders, Map<String, PersonRecord> people,
            Viewer me) {
        Table.Builder t = new Table.Builder("holders", "Held by", "Agent", "Name", "Team", "Owner", "Status");
        for (String h : c.holders()) {
            AgentRecord a = holders.get(h);
            if (a == null) {
                t.row(h, "", "", "", Table.Cell.styled("not in the inventory", "fail"));
                continue;
            }
            boolean visible = me.scope().allows(a.team());
            PersonRecord owner = a.owner() == null ? null : people.get(a.owner());
            t.row(visible ? Table.Cell.link(h, "/agents/" + View.enc(h)) : h, a.name(), a.team(),
                    owner == null ? a.owner() : owner.name(), a.status());
        }
        return t.build();
    }

    private static Table secretTable(List<SecretFinding> secrets) {
        Table.Builder t = new Table.Builder("secrets", "Secret values found by ingestion (redacted, never stored)", "Found",
                "Kind", "Field", "Where");
        View v = new View();
        secrets.forEach(s -> t.row(v.time(s.foundAt()), s.kind(), s.field(), s.source() == null ? "" : s.source().toString()));
        return t.build();
    }
}
