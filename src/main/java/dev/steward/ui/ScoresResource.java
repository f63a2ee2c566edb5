package dev.steward.ui;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.RollupEntry;
import dev.steward.assessment.RollupPages;
import dev.steward.assessment.RunDiff;
import dev.steward.assessment.Scores;
import dev.steward.assessment.TeamChanges;
import dev.steward.assessment.TeamFrameworks;
import dev.steward.evidence.PersonRecord;
import dev.steward.inventory.PeopleQueries;
import dev.steward.report.GapReport;
import dev.steward.security.AccessScope;
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
 * The latest run's roll-ups as a page: a score, coverage and result counts per team, owner, manager or environment,
 * sorted by FAILs, score or key, each linking to the ownership gaps of that team, owner, manager or environment.
 * The numbers are those of the run's summary ({@code GET /api/v1/assessments/{id}/rollups/...}); a manager sees the
 * entries of its teams, recomputed over their subjects. Owners and managers are shown by name, as the people directory
 * had them at the run's as-of instant. A team's score comes with its change since the previous run when the run's diff
 * compared teams ({@link TeamChanges}).
 */
@Path("/scores")
@RolesAllowed(Role.VIEWER_NAME)
public class ScoresResource {

    /** Each roll-up: its query value, its heading, what the gaps page filters by, and the title of its table. */
    private record By(String heading, String gapsFilter, String title) {
    }

    private static final Map<String, By> BY = new LinkedHashMap<>();

    static {
        BY.put("teams", new By("Team", "team", "Scores by team"));
        BY.put("owners", new By("Owner", "owner", "Scores by owner"));
        BY.put("managers", new By("Manager", "manager", "Scores by manager (of the owner)"));
        BY.put("environments", new By("Environment", "environment", "Scores by environment"));
    }

    private static final Map<String, String> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("failures", "most FAILs");
        SORTS.put("score", "lowest score");
        SORTS.put("key", "alphabetical (people by id)");
    }

    private final Pages pages;
    private final AssessmentService assessments;
    private final RollupPages rollups;
    private final PeopleQueries people;
    private final TeamChanges changes;
    private final SecurityIdentity identity;

    @Context
    UriInfo uri;

    public ScoresResource(Pages pages, AssessmentService assessments, RollupPages rollups, PeopleQueries people,
            TeamChanges changes, SecurityIdentity identity) {
        this.pages = pages;
        this.assessments = assessments;
        this.rollups = rollups;
        this.people = people;
        this.changes = changes;
        this.identity = identity;
    }

    @GET
    public Response scores(@QueryParam("by") String by, @QueryParam("sort") String sort,
            @QueryParam("download") String download, @QueryParam("table") String table,
            @QueryParam("page") String page, @QueryParam("rows") String size) {
        Viewer me = Viewer.of(identity);
        Optional<AssessmentSummary> run = assessments.list(0, 1).stream().findFirst()
                .flatMap(r -> assessments.summary(r.id()));
        if (run.isEmpty()) {
            return pages.page("scores", me, Map.of("title", "Scores", "none", OverviewResource.NO_RUN));
        }
        String dimension = by != null && BY.containsKey(by) ? by : "teams";
        String order = sort != null && SORTS.containsKey(sort) ? sort : "failures";
        AssessmentSummary s = run.get();
        var rollup = RollupPages.Dimension.valueOf(dimension.toUpperCase(Locale.ROOT));
        var sorted = RollupPages.Sort.valueOf(order.toUpperCase(Locale.ROOT));
        List<RollupEntry> entries = rollups.page(s.id(), rollup, sorted, null, AccessScope.of(identity), 0,
                Integer.MAX_VALUE).orElseThrow().items();
        Map<String, String> names = dimension.equals("owners") || dimension.equals("managers") ? names(s) : Map.of();
        // the teams' framework scores, looked up for the entries shown (a manager's are its teams' alone)
        Map<String, TeamFrameworks> frameworks = new HashMap<>();
        if (dimension.equals("teams") && s.teamFrameworks() != null) {
            s.teamFrameworks().forEach(f -> frameworks.put(f.team(), f));
        }
        List<String> ids = frameworks.isEmpty() ? List.of()
                : s.frameworks().stream().map(FrameworkScore::framework).toList();
        Map<String, RunDiff.TeamDelta> changed = dimension.equals("teams") ? changes.of(s.id()).orElse(null) : null;
        if (download != null) {
            return TableDownloads.download(List.of(table(entries, dimension, names, ids, frameworks, changed)), table,
                    download);
        }
        Paging p = Paging.of(entries.size(), page, size);
        Map<String, Object> values = new HashMap<>();
        values.put("title", "Scores");
        values.put("run", s);
        values.put("t", table(entries.subList(p.from(), p.to()), dimension, names, ids, frameworks, changed));
        values.put("here", Here.of(uri));
        values.put("by", dimension);
        values.put("bys", BY.keySet());
        values.put("sort", order);
        values.put("sorts", SORTS);
        values.put("count", entries.size());
        values.put("p", p);
        values.put("sizes", p.sizes());
        values.put("pageLink", Here.without(uri, "page", "rows"));
        return pages.page("scores", me, values);
    }

    /** The directory's names at the run's as-of, by person id. */
    private Map<String, String> names(AssessmentSummary run) {
        Map<String, String> names = new HashMap<>();
        var all = people.people(run.asOf(), PeopleQueries.Filter.NONE, null, 0, Integer.MAX_VALUE);
        for (PersonRecord p : all.items()) {
            if (p.name() != null) {
                names.put(p.id(), p.name());
            }
        }
        return names;
    }

    /**
     * @param frameworkIds the columns of the teams' framework scores (none for the other dimensions, or for a run
     *                     stored before teams' framework scores were)
     * @param changed      the teams whose scores changed since the previous run ({@link TeamChanges}), null for
     *                     no column of changes
     */
    static Table table(List<RollupEntry> entries, String dimension, Map<String, String> names,
            List<String> frameworkIds, Map<String, TeamFrameworks> frameworks, Map<String, RunDiff.TeamDelta> changed) {
        By by = BY.get(dimension);
        boolean people = dimension.equals("owners") || dimension.equals("managers");
        List<String> columns = new ArrayList<>(List.of(by.heading()));
        if (people) {
            columns.add(by.heading() + " id");
        }
        columns.add("Score");
        if (changed != null) {
            columns.add("Change since previous");
        }
        columns.add("Coverage");
        frameworkIds.forEach(id -> columns.add("Score in " + id));
        columns.addAll(List.of("FAIL", "Critical", "High", "Medium", "Low", "PARTIAL", "Insufficient evidence", "PASS",
                "Not applicable"));
        Table.Builder t = new Table.Builder("scores-" + dimension, by.title(), columns.toArray(String[]::new));
        for (RollupEntry e : entries) {
            String shown = people ? names.getOrDefault(e.key(), e.key()) : e.key();
            List<Object> row = new ArrayList<>();
            row.add(Table.Cell.link(shown, "/gaps?show=all&" + by.gapsFilter() + "=" + View.enc(e.key())));
            if (people) {
                row.add(e.key());
            }
            row.add(number(e.score()));
            if (changed != null) {
                // a team the diff does not list scored the same both times
                RunDiff.TeamDelta d = changed.get(e.key());
                row.add(GapReport.ScoreChange.points(d == null ? Scores.delta(e.score(), e.score()) : d.delta()));
            }
            row.add(number(e.coverage()));
            Map<String, Double> scores = new HashMap<>();
            TeamFrameworks team = frameworks.get(e.key());
            if (team != null) {
                team.frameworks().forEach(x -> scores.put(x.framework(), x.score()));
            }
            frameworkIds.forEach(id -> row.add(number(scores.get(id))));
            var r = e.results();
            var f = e.fails();
            row.addAll(List.of(r.fail(), f.critical(), f.high(), f.medium(), f.low(), r.partial(),
                    r.insufficientEvidence(), r.pass(), r.notApplicable()));
            t.row(row.toArray());
        }
        return t.build();
    }

    /** A score or coverage as the run stores it (4 decimals), "n/a" when nothing was scored. */
    private static String number(Double d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%.4f", d);
    }
}
