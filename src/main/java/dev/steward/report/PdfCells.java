package dev.steward.report;

import dev.steward.assessment.ControlStatus;
import dev.steward.check.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of every cell of the PDF reports' large tables, one list per table row, exactly as the page shows it: each
 * line clipped, a missing value shown as {@link Fmt#NONE}, the lines of a cell joined by {@code '\n'} (the first line
 * is the cell's head, set in the column's main font; the others in a muted font). The writers lay these texts out
 * with their fonts, colours and pills; the benchmark's PDF ceiling writes the very same texts as plain cells, so the
 * two are compared on the same cells.
 */
public final class PdfCells {

    /** The longest line a cell shows; a longer one is cut and ends in an ellipsis. */
    static final int MAX_TEXT = 1500;

    private PdfCells() {
    }

    /** One line as shown: blank is {@link Fmt#NONE}, a long line is cut at {@link #MAX_TEXT}. */
    static String shown(String s) {
        return s == null || s.isBlank() ? Fmt.NONE : s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "\u2026" : s;
    }

    /** A cell of several lines: each shown, joined by line breaks. */
    static String lines(String head, List<String> more) {
        StringBuilder b = new StringBuilder(shown(head));
        for (String line : more) {
            b.append('\n').append(shown(line));
        }
        return b.toString();
    }

    /** The label of a result in a pill: INSUFFICIENT_EVIDENCE is too wide for its column. */
    static String result(Result r) {
        return r == Result.INSUFFICIENT_EVIDENCE ? "INSUFFICIENT" : r.name();
    }

    /**
     * Gap report, controls table: control, title (with why it has its status, unless satisfied), status, score,
     * coverage, checks, findings, failing subjects.
     */
    public static List<String> control(GapReport.ControlRow x) {
        String title = x.why() == null || x.status() == ControlStatus.SATISFIED ? shown(x.title())
                : lines(Fmt.text(x.title()), List.of(x.why()));
        return List.of(shown(x.ref()), title, shown(Fmt.label(x.status())), Fmt.pct(x.score()),
                Fmt.pct(x.coverage()), shown(String.join(", ", x.checks())), Long.toString(x.findings()),
                shown(x.failingSubjects() == 0 ? "" : x.failingSubjects() + ": "
                        + PdfReportWriter.join(x.sampleSubjects(), 5)));
    }

    /**
     * Gap report, changes table: change, check (id, title), subject (id; type, team, environment), owner, result before,
     * result now, reason (now; for a finding resolved since, the reason it had, marked as before).
     */
    public static List<String> change(GapReport.ChangeRow x) {
        return List.of(x.change().label(), lines(x.checkId(), List.of(Fmt.text(x.title()))),
                lines(x.subjectId(), List.of(x.subjectType() + " \u00b7 " + Fmt.text(x.team()) + " \u00b7 "
                        + Fmt.text(x.environment()))),
                shown(x.ownerName() == null ? x.owner() : x.ownerName()), x.before(), x.now(), shown(x.reasonShown()));
    }

    /**
     * Gap report, findings table: check (id, title), severity, result, subject (id; type, team, environment), owner,
     * age, reason with up to three evidence references, remediation.
     */
    public static List<String> finding(GapReport.FindingRow x) {
        List<String> evidence = new ArrayList<>(3);
        x.evidence().stream().limit(3).forEach(e -> evidence.add(e.kind() + " " + e.id()
                + (e.detail() == null ? "" : ": " + e.detail())));
        return List.of(lines(x.checkId(), List.of(Fmt.text(x.title()))), x.severity().name(), result(x.result()),
                lines(x.subjectId(), List.of(x.subjectType() + " \u00b7 " + Fmt.text(x.team()) + " \u00b7 "
                        + Fmt.text(x.environment()))),
                shown(x.ownerName() == null ? x.owner() : x.ownerName()), Fmt.days(x.ageDays()),
                lines(x.reason(), evidence), shown(x.remediation()));
    }

    /** Ownership report, owners table: manager, team, owner, owner status, agents, with gaps, gaps. */
    public static List<String> owner(OwnerSummary r) {
        return List.of(shown(r.managerName()), shown(r.team()),
                shown(r.ownerName() == null ? r.owner() : r.ownerName() + " (" + r.owner() + ")"), shown(r.ownerStatus()),
                Long.toString(r.agents()), Long.toString(r.agentsWithGaps()), Long.toString(r.gaps()));
    }

    /**
     * Ownership report, gaps table: manager, team, owner, agent, gap (check; how it changed since the previous run),
     * severity, result, age, reason, action.
     */
    public static List<String> gap(AgentRow a, Gap x) {
        return List.of(shown(a.managerName()), shown(a.team()), shown(a.ownerName() == null ? a.owner() : a.ownerName()),
                shown(a.id()), lines(x.checkId(), x.change() == null ? List.of() : List.of(x.change())), x.severity().name(),
                result(x.result()), Fmt.days(x.ageDays()),
                shown(x.reason()), shown(x.action()));
    }

    /**
     * Ownership report, agent records: agent (id; name), team, environment, autonomy, owner (status), manager, backup,
     * monitoring, kill switch (tested), reviewed, active credentials, gaps.
     */
    public static List<String> agent(AgentRow a) {
        return List.of(a.name() == null ? shown(a.id()) : lines(a.id(), List.of(a.name())), shown(a.team()),
                shown(a.environment()), shown(a.autonomy()),
                shown((a.ownerName() == null ? Fmt.text(a.owner()) : a.ownerName()) + " (" + a.ownerStatus() + ")"),
                shown(a.managerName()), shown(a.backupOwnerName() == null ? a.backupOwner() : a.backupOwnerName()),
                shown(Fmt.text(a.alertChannel()) + " / " + Fmt.text(a.incidentTrigger())),
                shown(Fmt.text(a.killSwitch()) + " (tested " + Fmt.date(a.killSwitchTestedAt()) + ")"),
                Fmt.date(a.lastReviewedAt()), Integer.toString(a.activeCredentials()), shown(a.gapIds()));
    }
}
