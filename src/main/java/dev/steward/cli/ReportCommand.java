package dev.steward.cli;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.RollupEntry;
import dev.steward.assessment.Rollups;
import dev.steward.assessment.Windows;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestService;
import dev.steward.mapping.MappingRegistry;
import dev.steward.report.ReportFilter;
import dev.steward.report.ReportFormat;
import dev.steward.report.ReportKind;
import dev.steward.report.ReportModel;
import dev.steward.report.ReportService;
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
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code steward report}: like {@code assess} (ingest the folder when given, then assess or find the stored run), then
 * writes both reports in every format to --out: ownership.{xlsx,pdf,html,csv,json}, gaps.{xlsx,pdf,html,csv,json},
 * and the contract findings.json.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the ownership and gap reports in XLSX, PDF, HTML, CSV and JSON, plus findings.json.",
                "With a folder, ingest it first; the stored evidence is assessed (or the stored run with the same inputs"
                        + " reused) and every report is written to --out.",
                "Exit code: 0 when written, 1 when an upload of the folder was rejected or a file could not be written (the"
                        + " assessment is stored then), 2 on bad usage (a bad --out is told before any work)."})
public class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "<folder>", description = "Files or folder to ingest before assessing.")
    Path folder;

    @Option(names = "--as-of", paramLabel = "<instant>", description = "Assess as of this instant (RFC 3339 or YYYY-MM-DD)."
            + " Default: now.")
    String asOf;

    @Option(names = "--window", paramLabel = "<duration>", description = "Observation window: 90d, 12h or ISO-8601."
            + " Default: steward.assessment.default-window (90d).")
    String window;

    @Option(names = "--framework", paramLabel = "<id>", description = "Narrow the gap report to one framework"
            + " (e.g. owasp-asi-2026). Default: all frameworks.")
    String framework;

    @Option(names = "--team", paramLabel = "<team>", description = "Only this team's agents and findings. Each of"
            + " --team, --manager, --owner and --environment takes (none) for those without one.")
    String team;

    @Option(names = "--manager", paramLabel = "<person id>", description = "Only the agents and findings whose owner"
            + " reports to this manager (a person id of the directory).")
    String manager;

    @Option(names = "--owner", paramLabel = "<person id>", description = "Only the agents and findings of this owner.")
    String owner;

    @Option(names = "--environment", paramLabel = "<environment>", description = "Only this environment (prod, staging, ...).")
    String environment;

    @Option(names = "--format", paramLabel = "<formats>", split = ",", description = "Only these formats, e.g. xlsx,pdf"
            + " (xlsx, pdf, html, csv, json). Default: all.")
    List<String> format;

    @Option(names = "--out", paramLabel = "<folder>", defaultValue = "reports",
            description = "Where the reports go. Default: ./${DEFAULT-VALUE}.")
    Path out;

    @Spec
    CommandSpec spec;

    private final AssessmentService assessments;
    private final ReportService reports;
    private final FolderIngest folders;
    private final MappingRegistry mappings;

    @Inject
    public ReportCommand(AssessmentService assessments, ReportService reports, IngestService ingest, IngestConfig limits,
            dev.steward.ingest.SourceAdapters sources, MappingRegistry mappings) {
        this.assessments = assessments;
        this.reports = reports;
        this.folders = new FolderIngest(ingest, limits, sources);
        this.mappings = mappings;
    }

    /**
     * Refuses a filter value the run has no roll-up for, naming the ones it has ({@value RollupEntry#NONE} among them
     * when some agents have none, which the filter takes as "without one").
     */
    private static void known(String runId, String option, String value, List<RollupEntry> entries) {
        if (value == null || value.isBlank()) {
            return;
        }
        List<String> keys = entries.stream().map(RollupEntry::key).toList();
        if (!keys.contains(value.trim())) {
            throw new IllegalArgumentException(option + " '" + value + "' has no agents or credentials in assessment " + runId
                    + "; its " + option + "s: " + (keys.isEmpty() ? "none" : String.join(", ", keys)));
        }
    }

    private List<ReportFormat> formats() {
        return format == null || format.isEmpty() ? List.of(ReportFormat.values())
                : format.stream().map(ReportFormat::parse).distinct().toList();
    }

    @Override
    @ActivateRequestContext
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Instant at = FolderIngest.asOfOption(asOf);
        Duration w = window == null ? null : Windows.parse(window);
        OutFolder.check(out);
        // every option is checked before the folder is ingested and the evidence assessed, which takes most of a
        // minute at 10M decisions
        List<ReportFormat> formats = formats();
        if (framework != null && mappings.current().framework(framework).isEmpty()) {
            throw new IllegalArgumentException("unknown framework '" + framework + "'; known: "
                    + mappings.current().frameworks().keySet());
        }
        if (!folders.ingestFirst(folder, "no reports", o, spec.commandLine().getErr())) {
            return 1;
        }
        AssessmentService.Assessed done = assessments.assess(at, w, dev.steward.audit.Actors.cli(), true);
        // the gap reports of one team (--team) hold that team's recommendation only, and the CSV holds none
        boolean listed = team == null && formats.stream().anyMatch(f -> f != ReportFormat.CSV);
        AssessCommand.print(o, done.run(), done.created(), listed ? "the gaps reports in " + out
                : "summary.json, which steward assess --out <folder> writes");
        String runId = done.run().id();
        // a team, manager, owner or environment is known only once the folder is ingested and assessed; a misspelt one
        // would give empty reports
        Rollups rollups = done.run().summary().rollups();
        known(runId, "team", team, rollups.teams());
        known(runId, "manager", manager, rollups.managers());
        known(runId, "owner", owner, rollups.owners());
        known(runId, "environment", environment, rollups.environments());
        // The model takes the inventory the assessment loaded (when it did); nothing here holds it afterwards, so it
        // is not kept in memory while the reports are written.
        ReportModel model = reports.model(runId, framework, new ReportFilter(team, manager, owner, environment), done.inventory())
                .orElseThrow();
        done = null;
        try {
            Files.createDirectories(out);
            o.println();
            List<Callable<String>> jobs = new ArrayList<>();
            for (ReportKind kind : ReportKind.values()) {
                for (ReportFormat format : formats) {
                    Path file = out.resolve(kind.wire() + "." + format.extension());
                    jobs.add(() -> {
                        long started = System.nanoTime();
                        try (OutputStream f = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                            reports.write(kind, format, model, f);
                        }
                        return String.format("Wrote %-40s %,12d bytes %6d ms", file, Files.size(file),
                                (System.nanoTime() - started) / 1_000_000);
                    });
                }
            }
            jobs.add(() -> {
                Path findings = out.resolve("findings.json");
                long n;
                try (OutputStream f = new BufferedOutputStream(Files.newOutputStream(findings), 1 << 16)) {
                    n = reports.writeFindings(runId, f);
                }
                return String.format("Wrote %-40s %,12d findings", findings, n);
            });
            for (String line : ParallelWrites.run(jobs)) {
                o.println(line);
            }
        } catch (IOException | UncheckedIOException e) {
            throw CliErrors.unwritten(out, runId, e);
        }
        o.flush();
        return 0;
    }
}
