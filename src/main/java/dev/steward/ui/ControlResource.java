package dev.steward.ui;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.attestation.Attestation;
import dev.steward.attestation.AttestationService;
import dev.steward.assessment.ControlResult;
import dev.steward.assessment.Explanation;
import dev.steward.assessment.Finding;
import dev.steward.check.EvidenceRef;
import dev.steward.inventory.InventoryQueries;
import dev.steward.mapping.CrosswalkTarget;
import dev.steward.mapping.ManualEvidence;
import dev.steward.mapping.MappingRegistry;
import dev.steward.report.ReportService;
import dev.steward.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * One control of the latest assessment: status, score and coverage, its sub-controls, the checks behind it with
 * their numbers, the failing subjects, the findings with their evidence, and the crosswalk to the other frameworks.
 * A manager sees only the findings and subjects of their teams.
 */
@Path("/controls/{framework}/{control}")
@RolesAllowed(Role.VIEWER_NAME)
public class ControlResource {

    private static final int FINDINGS_SHOWN = 300;
    private static final View VIEW = new View();
    static final int REFS_SHOWN = 5;

    private final Pages pages;
    private final ReportService reports;
    private final AssessmentService assessments;
    private final MappingRegistry mappings;
    private final SecurityIdentity identity;
    private final AttestationService attestations;
    private final InventoryQueries inventory;

    @Context
    UriInfo uri;

    public ControlResource(Pages pages, ReportService reports, AssessmentService assessments, MappingRegistry mappings,
            SecurityIdentity identity, AttestationService attestations, InventoryQueries inventory) {
        this.pages = pages;
        this.inventory = inventory;
        this.attestations = attestations;
        this.reports = reports;
        this.assessments = assessments;
        this.mappings = mappings;
        this.identity = identity;
    }

    @GET
    public Response control(@PathParam("framework") String framework, @PathParam("control") String control,
            @QueryParam("download") String download, @QueryParam("table") String table,
            @QueryParam("page") String page, @QueryParam("rows") String size,
            @QueryParam("attested") String attested, @QueryParam("withdrawn") String withdrawn) {
        Map<String, Object> extra = new HashMap<>();
        ControlAttestations.notice(attestations, framework, control, attested, withdrawn)
                .ifPresent(n -> extra.put("notice", n));
        return render(200, framework, control, new Request(download, table, page, size,
                Here.without(uri, "attested", "withdrawn"), Here.without(uri, "page", "rows", "attested", "withdrawn")),
                extra);
    }

    /** What a rendering of the page takes from its request: the download and paging asked for, and its own links. */
    record Request(String download, String table, String page, String size, String here, String pageLink) {
        /** The page as a form's answer renders it: its first page, links to the page itself. */
        static Request of(String framework, String control) {
            String path = "/controls/" + View.enc(framework) + "/" + View.enc(control) + "?";
            return new Request(null, null, null, null, path, path);
        }
    }

    /** The page, with {@code extra} values for its template (a notice, a form's error and the values sent). */
    Response render(int status, String framework, String control, Request req, Map<String, Object> extra) {
        String download = req.download();
        String table = req.table();
        Viewer me = Viewer.of(identity);
        Optional<String> run = reports.latest();
        if (run.isEmpty()) {
            return pages.message(404, me, "No assessment yet", OverviewResource.NO_RUN);
        }
        // the control's numbers without findings: those are read below in one pass over all of them
        Optional<Explanation> found = assessments.explain(run.get(), framework + ":" + control, 0);
        if (found.isEmpty()) {
            return pages.message(404, me, "Control not found", "There is no control " + framework + ":" + control
                    + " in assessment " + run.get() + ".");
        }
        Explanation e = found.get();
        ControlFindings read = ControlFindings.read(assessments, run.get(), e.control(), me.scope(), FINDINGS_SHOWN);
        // a control judged by no check (manual evidence only, or not assessed) has no checks, subjects or findings to list
        Map<String, List<Attestation>> counted = counted(e.control());
        List<Table> tables = new ArrayList<>();
        if (!e.checks().isEmpty()) {
            tables.add(checks(e));
        }
        List<Attestation> onRecord = attestations.list(e.control().framework(), e.control().controlId());
        if (!e.control().manualEvidence().isEmpty()) {
            tables.add(manualEvidence(e.control(), counted, me));
        }
        if (!e.control().manualEvidence().isEmpty() || !onRecord.isEmpty()) {
            tables.add(ControlAttestations.table(onRecord, e.control(), me, java.time.Instant.now(),
                    assessments.summary(run.get()).map(AssessmentSummary::asOf).orElse(null)));
        }
        int failingAt = -1;
        if (!e.checks().isEmpty()) {
            failingAt = tables.size();
            tables.add(read.failing(ownerNames(e.assessmentId(), read.hasOwners())));
            tables.add(findings(read.shown(), download == null ? REFS_SHOWN : Integer.MAX_VALUE));
        }
        tables.add(crosswalk(framework, control));
        if (download != null) {
            return TableDownloads.download(tables, table, download);
        }
        Map<String, Object> values = new HashMap<>();
        if (failingAt >= 0) {
            // the failing subjects a page at a time; the download above holds all of them
            Table failing = tables.get(failingAt);
            Paging p = Paging.of(failing.rows().size(), req.page(), req.size());
            tables.set(failingAt, failing.page(p));
            values.put("p", p);
            values.put("pageLink", req.pageLink());
        }
        values.put("title", e.control().framework() + " " + e.control().controlId());
        values.put("c", e.control());
        values.put("statement", e.statement());
        values.put("rationale", e.rationale());
        values.put("statusReason", e.statusReason());
        values.put("scoreRule", e.scoreRule());
        values.put("children", e.children().stream().filter(java.util.Objects::nonNull).toList());
        values.put("runId", run.get());
        values.put("tables", tables);
        values.put("here", req.here());
        values.put("truncated", read.count() > FINDINGS_SHOWN);
        values.put("findingCount", read.count());
        values.put("unattested", e.control().manualEvidence().stream().filter(m -> !counted.containsKey(m)).toList());
        values.put("evidenceChoices", evidenceChoices(e.control()));
        values.put("withdrawable", onRecord.stream().filter(a -> a.withdrawnAt() == null).toList());
        values.putAll(extra);
        return pages.page(status, "control", me, values);
    }

    private static Table checks(Explanation e) {
        Table.Builder t = new Table.Builder("checks", "Checks behind this control", "Check", "Title", "Severity", "Weight",
                "Score", "Coverage", "Pass", "Partial", "Fail", "Insufficient evidence", "Findings");
        for (Explanation.CheckExplanation c : e.checks()) {
            var s = c.check();
            if (s == null) {
                continue;
            }
            String sev = s.severity().name().toLowerCase(Locale.ROOT);
            t.row(Table.Cell.check(s.checkId(), s.variant()), s.title(),
                    Table.Cell.styled(sev, sev), c.weight(), OverviewResource.pct(s.score()), OverviewResource.pct(s.coverage()),
                    s.results().pass(), s.results().partial(), s.results().fail(), s.results().insufficientEvidence(),
                    c.findingCount());
        }
        return t.build();
    }

    /**
     * One row per manual evidence item of the control and attestation the run counted for it: what a person must
     * attach (the mapping's words), and who attested what until when; "not attested" where nothing answered it.
     */
    private Table manualEvidence(ControlResult c, Map<String, List<Attestation>> counted, Viewer me) {
        Map<String, String> described = new HashMap<>();
        mappings.current().control(c.framework(), c.controlId()).ifPresent(def -> def.manualEvidence()
                .forEach(m -> described.put(m.id(), m.description())));
        Table.Builder t = new Table.Builder("manual-evidence", "Manual evidence", "Evidence", "What a person attaches",
                "In this assessment", "Statement", "Attested by", "Valid from", "Valid until", "File", "File SHA-256");
        for (String id : c.manualEvidence()) {
            List<Attestation> found = counted.getOrDefault(id, List.of());
            if (found.isEmpty()) {
                t.row(id, described.getOrDefault(id, ""), Table.Cell.styled("not attested", "partial"), "", "", "", "", "", "");
            }
            for (Attestation a : found) {
                t.row(id, described.getOrDefault(id, ""), Table.Cell.styled(a.ref(), "satisfied"), a.statement(),
                        a.attestedBy(), VIEW.day(a.validFrom()), VIEW.day(a.validUntil()),
                        a.fileName() != null && me.auditor() ? Table.Cell.link(a.fileName(), "/api/v1/attestations/" + a.id()
                                + "/file") : a.fileName(), Table.Cell.styled(a.fileSha256(), "hash"));
            }
        }
        return t.build();
    }

    /** The control's manual evidence items for the attestation form, with the mapping's words for each. */
    private List<ManualEvidence> evidenceChoices(ControlResult c) {
        return mappings.current().control(c.framework(), c.controlId()).map(def -> def.manualEvidence().stream()
                .filter(m -> c.manualEvidence().contains(m.id())).toList()).orElse(List.of());
    }

    /** The attestations the run counted for the control, by evidence id ({@code attestation-N} references). */
    private Map<String, List<Attestation>> counted(ControlResult c) {
        Map<String, List<Attestation>> out = new LinkedHashMap<>();
        for (String ref : c.attestations()) {
            if (ref.startsWith("attestation-")) {
                attestations.get(Long.parseLong(ref.substring("attestation-".length())))
                        .ifPresent(a -> out.computeIfAbsent(a.evidenceId(), k -> new ArrayList<>()).add(a));
            }
        }
        return out;
    }

    /** The directory's names of the findings' owners, as of the run (an owner not in the directory keeps its id). */
    private Map<String, String> ownerNames(String runId, boolean any) {
        Map<String, String> names = new HashMap<>();
        if (any) {
            assessments.summary(runId).ifPresent(s -> inventory.people(s.asOf()).forEach(p -> names.put(p.id(), p.name())));
        }
        return names;
    }

    /** The findings with their evidence; on the page each shows its first {@code refs} references, downloads all. */
    static Table findings(List<Finding> findings, int refs) {
        Table.Builder t = new Table.Builder("findings", "Findings with evidence", "Check", "Result", "Severity", "Subject",
                "Team", "Reason", "Evidence");
        findings.forEach(f -> {
            List<String> ev = new ArrayList<>();
            for (EvidenceRef r : f.evidence().subList(0, Math.min(refs, f.evidence().size()))) {
                ev.add(r.kind() + " " + r.id() + (r.detail() == null ? "" : ": " + r.detail())
                        + (r.source() == null ? "" : " [" + r.source() + "]"));
            }
            int more = f.evidence().size() - ev.size();
            if (more > 0) {
                ev.add("and " + more + " more reference" + (more == 1 ? "" : "s") + " in this table's CSV and XLSX download");
            }
            String sev = f.severity().name().toLowerCase(Locale.ROOT);
            t.row(Table.Cell.codes(f.checkId()),
                    Table.Cell.styled(f.result().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    new View().cls(f.result())), Table.Cell.styled(sev, sev),
                    View.subject(f.subjectType(), f.subjectId(), f.subjectType() + " " + f.subjectId()), f.team(),
                    f.reason(), String.join("; ", ev));
        });
        return t.build();
    }

    private Table crosswalk(String framework, String control) {
        Table.Builder t = new Table.Builder("crosswalk", "Crosswalk to the other frameworks", "Framework", "Control",
                "Relationship", "Rationale", "Crosswalk");
        for (CrosswalkTarget x : mappings.current().crosswalkTargets(framework, control)) {
            t.row(x.framework(), Table.Cell.link(x.controlId(), "/controls/" + View.enc(x.framework()) + "/"
                    + View.enc(x.controlId())), x.relationship() == null ? "" : x.relationship().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + (x.inverse() ? " (inverse)" : ""), x.rationale(), x.crosswalkId());
        }
        return t.build();
    }

    static String status(ControlResult c) {
        return c.status() == null ? "" : c.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
