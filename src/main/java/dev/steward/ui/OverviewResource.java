package dev.steward.ui;

import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.TeamRecommendation;
import dev.steward.mapping.Control;
import dev.steward.mapping.Framework;
import dev.steward.mapping.MappingRegistry;
import dev.steward.mapping.MappingSet;
import dev.steward.report.Fmt;
import dev.steward.report.GapReport;
import dev.steward.report.Headline;
import dev.steward.report.ReportFilter;
import dev.steward.report.ReportModel;
import dev.steward.report.ReportService;
import dev.steward.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The overview page: the latest assessment's framework scores with their trend over past runs, findings by severity,
 * the ownership headline counts and the governance-first / rotation-first recommendation per team, with links to
 * both reports in every format. A manager sees the counts of their teams only (framework scores are the
 * organisation's).
 */
@Path("/")
@RolesAllowed(Role.VIEWER_NAME)
public class OverviewResource {

    static final String NO_RUN = "No assessment has been run yet. Ingest your inventories and decision logs and assess"
            + " them, for example: ./steward assess sample-data --as-of 2026-11-01T00:00:00Z (or, as an admin, upload"
            + " them on the Uploads page and assess them with the form below, or POST /api/v1/assessments), then reload"
            + " this page.";

    private final Pages pages;
    private final FormJobs jobs;
    private final ReportService reports;
    private final SecurityIdentity identity;
    private final MappingRegistry mappings;
    private final dev.steward.assessment.AssessmentService assessments;

    @Context
    UriInfo uri;

    public OverviewResource(Pages pages, ReportService reports, SecurityIdentity identity, MappingRegistry mappings,
            dev.steward.assessment.AssessmentService assessments, FormJobs jobs) {
        this.jobs = jobs;
        this.assessments = assessments;
        this.pages = pages;
        this.mappings = mappings;
        this.reports = reports;
        this.identity = identity;
    }

    /** The latest run's model as {@code me} may see it, narrowed by {@code filter}. */
    static Optional<ReportModel> model(ReportService reports, Viewer me, ReportFilter filter) {
        return reports.latestForPages(me.restricted() ? filter.within(me.teams()) : filter);
    }

    @GET
    public Response overview(@QueryParam("download") String download, @QueryParam("table") String table,
            @QueryParam("assessed") String assessed, @QueryParam("stored") String stored,
            @QueryParam("job") String job) {
        Viewer me = Viewer.of(identity);
        Map<String, Object> values = new HashMap<>();
        Optional<Response> done = jobs.follow(job, me, values);
        if (done.isPresent()) {
            return done.get();
        }
        if (me.admin()) {
            values.put("jobs", jobs.recent());
        }
        Optional<ReportModel> model = model(reports, me, ReportFilter.NONE);
        if (model.isEmpty()) {
            values.put("title", "Overview");
            values.put("none", NO_RUN);
            return pages.page("overview", me, values);
        }
        Optional<String> notice = AssessForm.notice(assessments, reports, assessed, stored != null);
        ReportModel m = model.get();
        GapReport g = m.gaps();
        List<Table> tables = new ArrayList<>(List.of(frameworks(g), severity(g), recommendations(g), changes(g),
                headlines(m.ownership().headlines()), controls(g, mappings.current())));
        if (me.restricted() && !m.gaps().teamFrameworks().isEmpty()) {
            tables.add(1, teamFrameworks(m.gaps()));
        }
        if (download != null) {
            return TableDownloads.download(tables, table, download);
        }
        values.put("title", "Overview");
        values.put("m", m);
        values.put("tables", tables);
        values.put("here", Here.without(uri, "assessed", "stored", "job"));
        notice.ifPresent(n -> values.put("notice", n));
        values.put("headlines", m.ownership().headlines());
        values.put("findings", m.gaps().findingCount());
        values.put("sparks", sparks(m.gaps()));
        if (g.changes() != null && g.changes().basis() != null) {
            values.put("basis", g.changes().basis());
        }
        return pages.page("overview", me, values);
    }

    private static Table frameworks(GapReport g) {
        Table.Builder t = new Table.Builder("framework-scores", "Framework scores", "Framework", "Score", "Change since previous",
                "Coverage", "Satisfied", "Partially", "Not satisfied", "Not assessed", "Manual", "Out of scope",
                "Trend (oldest to latest)");
        Map<String, Double> deltas = new HashMap<>();
        if (g.changes() != null) {
            g.changes().frameworks().forEach(c -> deltas.put(c.framework(), c.delta()));
        }
        for (FrameworkScore f : g.frameworks()) {
            List<String> trend = new ArrayList<>();
            for (GapReport.TrendPoint p : g.trend()) {
                Double s = p.scores().get(f.framework());
                trend.add(s == null ? "n/a" : pct(s));
            }
            t.row(f.version() == null || f.name().contains(f.version()) ? f.name() : f.name() + " " + f.version(), pct(f.score()),
                    g.changes() == null ? "n/a" : GapReport.ScoreChange.points(deltas.get(f.framework())), pct(f.coverage()),
                    f.satisfied(), f.partiallySatisfied(),
                    f.notSatisfied(), f.notAssessed(), f.manual(), f.outOfScope(), String.join(" → ", trend));
        }
        return t.build();
    }

    /** A manager's teams, each scored in each framework from its own subjects alone, and the change since then. */
    private static Table teamFrameworks(GapReport g) {
        boolean compared = g.teamsCompared();
        List<String> columns = new ArrayList<>(List.of("Team", "Framework", "Score"));
        if (compared) {
            columns.add("Change since previous");
        }
        columns.addAll(List.of("Coverage", "Satisfied", "Partially", "Not satisfied", "Not assessed"));
        Table.Builder t = new Table.Builder("team-framework-scores", "Your teams' framework scores",
                columns.toArray(String[]::new));
        for (GapReport.ScoreRow r : g.teamFrameworks()) {
            for (FrameworkScore f : r.frameworks()) {
                List<Object> row = new ArrayList<>(List.of(Table.Cell.link(r.key(), "/gaps?team=" + View.enc(r.key())),
                        f.framework(), pct(f.score())));
                if (compared) {
                    row.add(GapReport.ScoreChange.points(r.frameworkDelta(f.framework())));
                }
                row.addAll(List.of(pct(f.coverage()), f.satisfied(), f.partiallySatisfied(), f.notSatisfied(),
                        f.notAssessed()));
                t.row(row.toArray());
            }
        }
        return t.build();
    }

    private static Table severity(GapReport g) {
        Table.Builder t = new Table.Builder("findings-by-severity", "Findings by severity", "Severity", "Fail", "Partial",
                "Insufficient evidence", "Total");
        for (GapReport.SeverityRow r : g.bySeverity()) {
            t.row(Table.Cell.styled(r.severity().name().toLowerCase(Locale.ROOT), r.severity().name().toLowerCase(Locale.ROOT)),
                    r.fail(), r.partial(), r.insufficientEvidence(), r.total());
        }
        return t.build();
    }

    /**
     * The recommendation per team, the teams to act on first (governance first, then rotation first, each with the most
     * failing subjects first), and how many teams have each recommendation in the title: at 1,000 teams the page shows
     * the first hundred.
     */
    private static Table recommendations(GapReport g) {
        List<TeamRecommendation> recs = new ArrayList<>(g.recommendations());
        recs.sort(TeamRecommendation.ACT_FIRST);
        String told = TeamRecommendation.counted(recs);
        Table.Builder t = new Table.Builder("recommendations", "Recommendation per team" + (told.isEmpty() ? ""
                : ": " + told), "Team", "Recommendation", "Agents",
                "Autonomous agents with live access", "Because of", "Failing subjects");
        for (TeamRecommendation r : recs) {
            t.row(Table.Cell.link(r.team(), "/gaps?team=" + View.enc(r.team())),
                    r.recommendation().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.agents(),
                    r.autonomousAgentsWithLiveAccess(), Table.Cell.codes(String.join(", ", r.checks())),
                    r.subjectCount());
        }
        return t.build();
    }

    /**
     * The findings that changed since the previous run, as far as the viewer sees (a manager: their teams), each
     * subject linking to its agent page; the title says against which run and how many changed in all.
     */
    private static Table changes(GapReport g) {
        GapReport.Changes d = g.changes();
        return changes(d, d == null ? List.of() : d.findings(), d == null ? "" : d.inScope().newFindings() + " new, "
                + d.inScope().resolved() + " resolved, " + d.inScope().regressed() + " regressed, " + d.inScope().improved()
                + " improved, " + d.inScope().changed() + " changed");
    }

    /**
     * Changed findings as a page table named "changes": {@code rows} of the run's changes {@code d} (null: no previous
     * run), titled with the run compared with and {@code counts}.
     */
    static Table changes(GapReport.Changes d, List<GapReport.ChangeRow> rows, String counts) {
        String title = d == null ? "Changes since the previous assessment: none to compare with"
                : "Changes since the previous assessment (" + d.previousId() + ", as of " + Fmt.date(d.previousAsOf()) + "): "
                + counts + (d.truncated() ? " (the run lists at most " + d.listLimit() + " of each kind)" : "");
        Table.Builder t = new Table.Builder("changes", title, "Change", "Check", "Subject", "Owner", "Team", "Before", "Now",
                "Reason");
        for (GapReport.ChangeRow c : rows) {
            Object subject = View.subject(c.subjectType(), c.subjectId(),
                    "agent".equals(c.subjectType()) ? c.subjectId() : c.subjectType() + " " + c.subjectId());
            t.row(Table.Cell.styled(c.change().label(), "change-" + c.change().label()), c.checkId() + " " + c.title(), subject,
                    c.ownerName() == null ? c.owner() : c.ownerName(), c.team(), c.before(), c.now(), c.reasonShown());
        }
        return t.build();
    }

    /**
     * The top-level controls of every framework, each linking to its control page, in the mapping's order. A control
     * the mapping marks out of scope is listed too, so that a reader who misses (say) ASI06 finds it and, on its page,
     * why.
     */
    private static Table controls(GapReport g, MappingSet mappings) {
        Table.Builder t = new Table.Builder("controls", "Controls (top level; open one for its checks and evidence)",
                "Framework", "Control", "Title", "Status", "Score", "Coverage", "Findings", "Failing subjects");
        Map<String, GapReport.ControlRow> scored = new LinkedHashMap<>();
        g.controls().stream().filter(c -> c.depth() == 0)
                .forEach(c -> scored.put(c.framework() + ":" + c.controlId(), c));
        for (FrameworkScore f : g.frameworks()) {
            for (Control c : mappings.framework(f.framework()).map(Framework::controls).orElse(List.of())) {
                GapReport.ControlRow row = scored.remove(f.framework() + ":" + c.id());
                if (row != null) {
                    controlRow(t, row);
                } else if (c.parent() == null && !c.inScope()) {
                    t.row(f.framework(), controlLink(f.framework(), c.id()), c.title(),
                            Table.Cell.styled("out of scope", "out-of-scope"), "n/a", "n/a", "", "");
                }
            }
        }
        // a run scored under a mapping that has since changed: its controls still show, after the rest
        scored.values().forEach(row -> controlRow(t, row));
        return t.build();
    }

    private static void controlRow(Table.Builder t, GapReport.ControlRow c) {
        String status = c.status() == null ? "" : c.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        t.row(c.framework(), controlLink(c.framework(), c.controlId()), c.title(),
                Table.Cell.styled(status, status.replace(' ', '-')), pct(c.score()), pct(c.coverage()), c.findings(),
                c.failingSubjects());
    }

    private static Table.Cell controlLink(String framework, String control) {
        return Table.Cell.link(control, "/controls/" + View.enc(framework) + "/" + View.enc(control));
    }

    private static Table headlines(List<Headline> headlines) {
        Table.Builder t = new Table.Builder("ownership-headlines", "Ownership at a glance", "Measure", "Agents", "Meaning");
        headlines.forEach(h -> t.row(h.label(), h.value(), h.definition()));
        return t.build();
    }

    /** A framework's score over past runs as an SVG polyline (120 x 28), oldest left. */
    public record Spark(String framework, String name, String points, String latest, int runs) {
    }

    private static List<Spark> sparks(GapReport g) {
        List<Spark> out = new ArrayList<>();
        for (FrameworkScore f : g.frameworks()) {
            List<Double> values = new ArrayList<>();
            g.trend().forEach(p -> values.add(p.scores().get(f.framework())));
            StringBuilder pts = new StringBuilder();
            int n = values.size();
            for (int i = 0; i < n; i++) {
                Double v = values.get(i);
                if (v == null) {
                    continue;
                }
                double x = n == 1 ? 60 : 4 + i * 112.0 / (n - 1);
                double y = 26 - v * 24;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            if (n == 1) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f", 116.0, 26 - (values.get(0) == null ? 0 : values.get(0)) * 24));
            }
            out.add(new Spark(f.framework(), f.name(), pts.toString().trim(), pct(f.score()), n));
        }
        return out;
    }

    static String pct(Double d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", d * 100);
    }
}
