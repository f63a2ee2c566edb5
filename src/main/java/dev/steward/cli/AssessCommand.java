package dev.steward.cli;

import dev.steward.assessment.AssessmentJson;
import dev.steward.assessment.AssessmentRun;
import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.RunDiff;
import dev.steward.assessment.TeamRecommendation;
import dev.steward.assessment.Windows;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestService;
import dev.steward.report.GapReport;
import dev.steward.text.Words;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code steward assess}: optionally ingests a folder first (as {@code ingest} does), then assesses what is stored,
 * prints the framework scores and the recommendation per team, and writes findings.json and summary.json.
 */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"Assess the stored evidence against every check and framework; with a folder, ingest it first.",
                "Prints the score per framework and the recommendation per team; writes findings.json (one row per FAIL,"
                        + " PARTIAL, INSUFFICIENT_EVIDENCE) and summary.json (scores, roll-ups, recommendations,"
                        + " revocation latency, diff against the previous run) to --out.",
                "The same inputs give the same run id and byte-identical findings.json.",
                "Exit code: 0 when assessed, 1 when an upload of the folder was rejected (nothing is assessed then) or"
                        + " a file could not be written (the run is stored then), 2 on bad usage (a bad --out is told"
                        + " before any work)."})
public class AssessCommand implements Callable<Integer> {

    /** Teams whose recommendation is printed at most; the others are counted on one line. */
    static final int PRINTED_TEAMS = 20;

    @Parameters(arity = "0..1", paramLabel = "<folder>", description = "Files or folder to ingest before assessing.")
    Path folder;

    @Option(names = "--as-of", paramLabel = "<instant>", description = "Assess as of this instant (RFC 3339 or YYYY-MM-DD)."
            + " Default: now.")
    String asOf;

    @Option(names = "--window", paramLabel = "<duration>", description = "Observation window of the decision logs before"
            + " the as-of instant: 90d, 12h or ISO-8601 (P90D). Default: steward.assessment.default-window (90d).")
    String window;

    @Option(names = "--out", paramLabel = "<folder>", defaultValue = "reports",
            description = "Where findings.json and summary.json go. Default: ./${DEFAULT-VALUE}.")
    Path out;

    @Spec
    CommandSpec spec;

    private final AssessmentService assessments;
    private final FolderIngest folders;

    @Inject
    public AssessCommand(AssessmentService assessments, IngestService ingest, IngestConfig limits,
            dev.steward.ingest.SourceAdapters sources) {
        this.assessments = assessments;
        this.folders = new FolderIngest(ingest, limits, sources);
    }

    @Override
    @ActivateRequestContext
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Instant at = FolderIngest.asOfOption(asOf);
        Duration w = window == null ? null : Windows.parse(window);
        OutFolder.check(out);
        if (!folders.ingestFirst(folder, "not assessed", o, spec.commandLine().getErr())) {
            return 1;
        }
        AssessmentService.Assessed done = assessments.assess(at, w, dev.steward.audit.Actors.cli());
        AssessmentRun run = done.run();
        print(o, run, done.created(), out.resolve("summary.json").toString());
        try {
            Files.createDirectories(out);
            Path findings = out.resolve("findings.json");
            long n;
            // buffered: a finding is two writes, 190k system calls at the benchmark scale unbuffered
            try (OutputStream f = new BufferedOutputStream(Files.newOutputStream(findings), 1 << 16)) {
                n = assessments.writeFindings(run.id(), f).orElseThrow();
            }
            Path summary = out.resolve("summary.json");
            Files.writeString(summary, AssessmentJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(run) + "\n");
            o.printf("Wrote %d findings to %s and the summary to %s%n", n, findings, summary);
        } catch (IOException | UncheckedIOException e) {
            throw CliErrors.unwritten(out, run.id(), e);
        }
        o.flush();
        return 0;
    }

    /**
     * The recommendation per team as printed, the teams to act on first ({@link TeamRecommendation#ACT_FIRST}): all of
     * them up to {@value #PRINTED_TEAMS}; beyond, the first {@value #PRINTED_TEAMS} and a line counting the others and
     * naming {@code everyTeam}, where every team's is (a large organisation has a thousand teams).
     */
    static List<String> teamLines(List<TeamRecommendation> recommendations, String everyTeam) {
        List<TeamRecommendation> recs = new ArrayList<>(recommendations);
        recs.sort(TeamRecommendation.ACT_FIRST);
        List<String> lines = new ArrayList<>();
        for (TeamRecommendation t : recs.subList(0, Math.min(PRINTED_TEAMS, recs.size()))) {
            String behind = t.checks().isEmpty() ? "" : "  " + String.join(", ", t.checks()) + " (" + t.subjectCount()
                    + " failing: " + t.subjects().stream().limit(3).map(r -> r.checkId() + " " + r.subjectId())
                    .collect(Collectors.joining(", ")) + (t.subjectCount() > 3 ? ", ..." : "") + ")";
            lines.add(String.format(Locale.ROOT, "  %-20s %-17s%s", t.team(), t.recommendation(), behind)
                    .stripTrailing());
        }
        if (recs.size() > PRINTED_TEAMS) {
            List<TeamRecommendation> rest = recs.subList(PRINTED_TEAMS, recs.size());
            lines.add("  ... and " + Words.count(rest.size(), "more team") + " (" + TeamRecommendation.counted(rest)
                    + "); every team's recommendation is in " + everyTeam);
        }
        return lines;
    }

    /**
     * The run as {@code assess} and {@code report} print it; {@code everyTeam} names where every team's recommendation
     * is when there are more than {@value #PRINTED_TEAMS} teams.
     */
    static void print(PrintWriter o, AssessmentRun run, boolean created, String everyTeam) {
        AssessmentSummary s = run.summary();
        o.printf("Assessment %s as of %s, window %s .. %s (%s)%n", s.id(), s.asOf(), s.windowStart(), s.windowEnd(),
                created ? "new" : "stored already, same inputs");
        o.printf("%s, %s, %s in the logs; %s, %s%n", Words.count(s.totals().agents(), "agent"),
                Words.count(s.totals().credentials(), "credential"), Words.count(s.totals().principals(), "principal"),
                Words.count(s.totals().results().total(), "result"), Words.count(s.totals().findings(), "finding"));
        if (s.totals().agents() == 0 && s.totals().credentials() == 0) {
            o.printf("Nothing to assess: the store holds no agent or credential in force as of %s. Ingest an inventory"
                    + " first (steward ingest <folder>, or give the folder to this command).%n", s.asOf());
        }
        o.println();
        // the change of each score since the previous run, when there is one
        Map<String, Double> change = new HashMap<>();
        if (run.diff() != null) {
            run.diff().frameworks().forEach(d -> change.put(d.ref(), d.delta()));
        }
        o.printf("%-20s %7s %8s %9s %10s %8s %8s %13s %7s %13s%n", "framework", "score", "change", "coverage", "satisfied",
                "partial", "not-sat", "not-assessed", "manual", "out-of-scope");
        for (FrameworkScore f : s.frameworks()) {
            Double d = change.get(f.framework());
            o.printf("%-20s %7s %8s %9s %10d %8d %8d %13d %7d %13d%n", f.framework(), num(f.score()),
                    d == null ? "-" : String.format(Locale.ROOT, "%+.4f", d), num(f.coverage()), f.satisfied(),
                    f.partiallySatisfied(), f.notSatisfied(), f.notAssessed(), f.manual(), f.outOfScope());
        }
        o.println();
        o.println("Recommendation per team:");
        teamLines(s.recommendations(), everyTeam).forEach(o::println);
        o.println();
        o.println("Revocation latency: " + GapReport.Revocation.of(s, false).summary());
        RunDiff d = run.diff();
        o.println(d == null ? "No earlier run to compare with." : String.format(Locale.ROOT,
                "Since %s (as of %s): %d new, %d resolved, %d regressed, %d improved findings", d.previousId(), d.previousAsOf(),
                d.counts().newFindings(), d.counts().resolved(), d.counts().regressed(), d.counts().improved()));
        if (d != null && d.basis() != null) {
            o.println(d.basis().sentence());
        }
        if (d != null && d.teams() != null) {
            o.println(teamsMoved(s, d));
        }
    }

    /**
     * How the teams' roll-up scores moved since the previous run: how many fell (the three largest falls named), rose,
     * stayed and are new. A team the diff does not list scored the same both times.
     */
    static String teamsMoved(AssessmentSummary s, RunDiff d) {
        Map<String, RunDiff.TeamDelta> listed = new HashMap<>();
        d.teams().forEach(t -> listed.put(t.team(), t));
        List<RunDiff.TeamDelta> lower = new ArrayList<>();
        long higher = 0;
        long same = 0;
        long fresh = 0;
        for (var e : s.rollups().teams()) {
            RunDiff.TeamDelta t = listed.get(e.key());
            if (t != null && t.previousScore() == null) {
                fresh++;
            } else if (t == null || t.delta() == null || t.delta() == 0) {
                same++;
            } else if (t.delta() < 0) {
                lower.add(t);
            } else {
                higher++;
            }
        }
        lower.sort(Comparator.comparingDouble(RunDiff.TeamDelta::delta).thenComparing(RunDiff.TeamDelta::team));
        String named = lower.isEmpty() ? "" : lower.stream().limit(3)
                .map(t -> t.team() + " " + GapReport.ScoreChange.points(t.delta()))
                .collect(Collectors.joining(", ", " (", lower.size() > 3 ? ", ...)" : ")"));
        return "Teams since then: " + lower.size() + " scored lower" + named + ", " + higher + " higher, " + same
                + " the same" + (fresh > 0 ? ", " + fresh + " new" : "")
                + "; each team's framework scores then and now are in the diff's teams (summary.json).";
    }

    private static String num(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.4f", d);
    }
}
