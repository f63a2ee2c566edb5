package dev.steward.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break, quotes doubled; UTF-8): the
 * ownership report is one row per agent in manager, team, owner order with the result of every ownership check; the
 * gap report one row per finding. Text that a spreadsheet would run as a formula (starting with = + - @ tab or CR)
 * gets a leading apostrophe, so a planted owner name stays inert when the file is opened.
 */
public final class CsvReportWriter {

    public void write(ReportKind kind, ReportModel model, OutputStream out) {
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (kind == ReportKind.OWNERSHIP) {
                ownership(model, w);
            } else {
                gaps(model, w);
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ownership(ReportModel m, Writer w) throws IOException {
        List<String> header = new ArrayList<>(List.of("manager", "manager_name", "team", "owner", "owner_name", "owner_status",
                "agent", "agent_name", "environment", "autonomy", "status", "backup_owner", "backup_owner_name",
                "active_credentials",
                "last_reviewed", "kill_switch_tested"));
        ReportModelBuilder.OWNERSHIP_CHECKS.forEach(header::add);
        header.addAll(List.of("oldest_gap_days", "actions"));
        row(w, header);
        for (AgentRow a : m.ownership().byOwner()) {
            List<String> r = new ArrayList<>(List.of(s(a.manager()), s(a.managerName()), s(a.team()), s(a.owner()),
                    s(a.ownerName()), a.ownerStatus(), a.id(), s(a.name()), s(a.environment()), s(a.autonomy()), s(a.status()),
                    s(a.backupOwner()), s(a.backupOwnerName()), String.valueOf(a.activeCredentials()), iso(a.lastReviewedAt()),
                    iso(a.killSwitchTestedAt())));
            for (String check : ReportModelBuilder.OWNERSHIP_CHECKS) {
                List<Gap> gaps = a.gaps().stream().filter(g -> g.checkId().equals(check)).toList();
                r.add(gaps.isEmpty() ? "" : gaps.get(0).result().name() + (gaps.size() > 1 ? " x" + gaps.size() : ""));
            }
            r.add(a.gaps().stream().map(Gap::ageDays).filter(d -> d != null).max(Long::compare).map(String::valueOf).orElse(""));
            r.add(a.gaps().stream().map(g -> g.checkId() + ": " + g.action()).distinct().collect(Collectors.joining(" | ")));
            row(w, r);
        }
    }

    private void gaps(ReportModel m, Writer w) throws IOException {
        row(w, List.of("check", "variant", "title", "severity", "result", "score", "subject_type", "subject", "owner",
                "owner_name", "team", "environment", "since", "age_days", "reason", "evidence", "controls", "remediation",
                "change_since_previous_run"));
        for (GapReport.FindingRow f : m.gaps().findings()) {
            row(w, List.of(f.checkId(), f.variant(), f.title(), f.severity().name(), f.result().name(),
                    f.score() == null ? "" : String.valueOf(f.score()), f.subjectType(), f.subjectId(), s(f.owner()),
                    s(f.ownerName()), s(f.team()), s(f.environment()), iso(f.since()),
                    f.ageDays() == null ? "" : String.valueOf(f.ageDays()), s(f.reason()),
                    f.evidence().stream().map(e -> e.kind() + " " + e.id() + (e.detail() == null ? "" : ": " + e.detail()))
                            .collect(Collectors.joining("; ")),
                    String.join(" ", f.controls()), s(f.remediation()), s(f.change())));
        }
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    private static String iso(java.time.Instant i) {
        return i == null ? "" : i.toString();
    }

    private static void row(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(field(fields.get(i)));
        }
        w.write("\r\n");
    }

    /** One field: defused when it would start a formula, quoted when RFC 4180 requires it. */
    static String field(String v) {
        String s = Inert.text(v);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
