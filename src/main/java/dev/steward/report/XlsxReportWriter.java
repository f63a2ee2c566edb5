package dev.steward.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX with POI SXSSF: rows are flushed to a temporary file every {@value #WINDOW} rows, so a report of any size needs
 * the memory of one window. The temporary files are not compressed: gzipping them cost about a quarter of the
 * writer's CPU, for a file that is deflated again into the workbook; they take about as much temporary disk as the
 * sheets' XML (some 180 MB for the ownership workbook of 100,000 agents), freed when the workbook is written. Ownership workbook: Summary, Owners, Gaps, Agents, Evidence; gap workbook: Summary, Controls,
 * Findings, Changes, Evidence; a sheet that reaches the format's 1,048,576 rows continues on "Owners (2)", ... with its header
 * ({@link XlsxSheet}). Table sheets have a frozen header, an autofilter and fixed widths; statuses, severities and
 * results are coloured; each control links to its first finding. Text that would start a formula is written as a
 * quote-prefixed string cell, so it is never evaluated.
 */
public final class XlsxReportWriter {

    static final int WINDOW = 200;
    static final int MAX_CELL = 32_000;
    /** Rows a sheet holds in the XLSX format. */
    static final int MAX_ROWS = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getMaxRows();

    private final int maxRows;

    public XlsxReportWriter() {
        this(MAX_ROWS);
    }

    /** A writer whose sheets continue on a new sheet after {@code maxRows} rows (tests use a small limit). */
    XlsxReportWriter(int maxRows) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("a sheet needs room for a header and a row: " + maxRows);
        }
        this.maxRows = maxRows;
    }

    /** The name of part {@code part} (from 1) of a sheet: the name itself, then "name (2)", "name (3)", ... */
    static String part(String name, int part) {
        return part == 1 ? name : name + " (" + part + ")";
    }

    /**
     * The cell (sheet and 1-based row, for a link) of data row {@code index} (from 0) of a table sheet that starts with
     * its header, each part holding a header and {@code maxRows - 1} data rows.
     */
    static String tableCell(String name, long index, int maxRows) {
        long perPart = maxRows - 1L;
        return "'" + part(name, (int) (index / perPart) + 1) + "'!A" + (index % perPart + 2);
    }

    public void write(ReportKind kind, ReportModel m, OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        try (wb) {
            XlsxStyles st = new XlsxStyles(wb);
            if (kind == ReportKind.OWNERSHIP) {
                ownershipSummary(wb, st, m);
                owners(wb, st, m);
                gaps(wb, st, m);
                agents(wb, st, m);
            } else {
                new XlsxGaps(wb, st, maxRows, m).write();
            }
            evidence(wb, st, m);
            wb.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
        }
    }

    static void heading(XlsxSheet s, String title, ReportModel m) {
        s.row().set(0, title, s.st.title);
        s.row.setHeightInPoints(24);
        ReportMeta meta = m.meta();
        s.row().set(0, "Assessment " + meta.assessmentId() + " as of " + Fmt.time(meta.asOf()) + "; window "
                + Fmt.date(meta.windowStart()) + " to " + Fmt.date(meta.windowEnd()) + "; " + meta.scope()
                + "; filter: " + meta.filter().describe() + "; generated " + Fmt.time(meta.generatedAt()), s.st.subtitle);
    }

    private void ownershipSummary(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Summary", 44, 14, 90);
        heading(s, "Agent ownership report", m);
        s.section("Headline counts", "Measure", "Count", "Definition (check results counted)");
        for (Headline h : m.ownership().headlines()) {
            s.row().text(0, h.label());
            s.num(1, h.value());
            s.wrap(2, h.definition());
        }
        XlsxSheet o = s;
        o.section("Owners by manager and team", "Manager", "Team", "Owner", "Owner status", "Agents", "With gaps", "Gaps");
        o.sheet.setColumnWidth(3, 14 * 256);
        for (OwnerSummary r : m.ownership().owners()) {
            o.row().text(0, r.managerName());
            o.text(1, r.team());
            o.text(2, r.ownerName() == null ? r.owner() : r.ownerName() + " (" + r.owner() + ")");
            o.text(3, r.ownerStatus());
            o.num(4, r.agents());
            o.num(5, r.agentsWithGaps());
            o.num(6, r.gaps());
        }
    }

    private void owners(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Owners", 22, 16, 24, 11, 24, 9, 10, 10, 11, 8, 50, 60);
        s.table("Manager", "Team", "Owner", "Owner status", "Agent", "Gap", "Severity", "Result", "Since", "Age (days)",
                "Reason", "Action");
        for (AgentRow a : m.ownership().byOwner()) {
            if (a.gaps().isEmpty()) {
                agentCells(s.row(), a);
                s.text(5, "none");
                continue;
            }
            for (Gap g : a.gaps()) {
                agentCells(s.row(), a);
                s.text(5, g.checkId());
                s.set(6, g.severity().name(), st.severity.get(g.severity()));
                s.set(7, g.result().name(), st.result.get(g.result()));
                s.date(8, g.since());
                s.optNum(9, g.ageDays());
                s.wrap(10, g.reason());
                s.wrap(11, g.action());
            }
        }
    }

    private static void agentCells(XlsxSheet s, AgentRow a) {
        s.text(0, a.managerName());
        s.text(1, a.team());
        s.text(2, a.ownerName() == null ? a.owner() : a.ownerName());
        s.text(3, a.ownerStatus());
        s.text(4, a.id());
    }

    /**
     * The gaps and their actions, by manager, team, owner and agent, as the PDF and HTML list them: one row per gap with
     * its age and how it changed since the previous run, so a manager can filter the new ones.
     */
    private void gaps(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Gaps", 22, 16, 22, 22, 9, 30, 10, 12, 10, 11, 12, 50, 50);
        s.table("Manager", "Team", "Owner", "Agent", "Gap", "Title", "Severity", "Result", "Age (days)", "Since",
                "Since previous run", "Reason", "Action");
        for (AgentRow a : m.ownership().byOwner()) {
            for (Gap g : a.gaps()) {
                s.row().text(0, a.managerName());
                s.text(1, a.team());
                s.text(2, a.ownerName() == null ? a.owner() : a.ownerName());
                s.text(3, a.id());
                s.text(4, g.checkId());
                s.text(5, g.title());
                s.set(6, g.severity().name(), st.severity.get(g.severity()));
                s.set(7, g.result().name(), st.result.get(g.result()));
                s.optNum(8, g.ageDays());
                s.date(9, g.since());
                s.text(10, g.change());
                s.wrap(11, g.reason());
                s.wrap(12, g.action());
            }
        }
    }

    private void agents(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Agents", 22, 30, 14, 11, 14, 12, 22, 11, 22, 16, 12, 16, 22, 12, 12, 10, 26);
        s.table("Agent", "Name", "Team", "Environment", "Autonomy", "Status", "Owner", "Owner status", "Manager",
                "Backup owner", "Identity", "Alert channel", "Kill switch", "Kill switch tested", "Last reviewed",
                "Active credentials", "Gaps");
        for (AgentRow a : m.ownership().agents()) {
            s.row().text(0, a.id());
            s.text(1, a.name());
            s.text(2, a.team());
            s.text(3, a.environment());
            s.text(4, a.autonomy());
            s.text(5, a.status());
            s.text(6, a.ownerName() == null ? a.owner() : a.ownerName() + " (" + a.owner() + ")");
            s.text(7, a.ownerStatus());
            s.text(8, a.managerName());
            s.text(9, a.backupOwnerName() == null ? a.backupOwner() : a.backupOwnerName() + " (" + a.backupOwner() + ")");
            s.text(10, a.identityType());
            s.text(11, a.alertChannel());
            s.text(12, a.killSwitch());
            s.date(13, a.killSwitchTestedAt());
            s.date(14, a.lastReviewedAt());
            s.num(15, a.activeCredentials());
            s.text(16, a.gapIds());
        }
    }

    private void evidence(SXSSFWorkbook wb, XlsxStyles st, ReportModel m) {
        XlsxSheet s = new XlsxSheet(wb, st, maxRows, "Evidence", 14, 14, 40, 70, 22);
        ReportMeta meta = m.meta();
        s.row().set(0, "Evidence appendix", st.title);
        List<String[]> facts = List.of(new String[] {"Assessment", meta.assessmentId()},
                new String[] {"As of", Fmt.time(meta.asOf())},
                new String[] {"Window", Fmt.time(meta.windowStart()) + " to " + Fmt.time(meta.windowEnd())},
                new String[] {"Engine version", meta.engineVersion()},
                new String[] {"Mapping version", meta.mappingVersion()},
                new String[] {"Parameters digest", meta.parametersDigest()},
                new String[] {"Scope", meta.scope()},
                new String[] {"Filter", meta.filter().describe()},
                new String[] {"Generated", Fmt.time(meta.generatedAt())});
        for (String[] f : facts) {
            s.row().set(0, f[0], st.bold);
            s.text(2, f[1]);
        }
        s.section("Inputs", "Upload", "Kind", "Files", "SHA-256", "As of");
        for (GapReport.InputRow i : m.gaps().appendix().inputs()) {
            s.row().num(0, i.uploadId());
            s.text(1, i.kind());
            s.wrap(2, i.files());
            s.text(3, i.contentHash());
            s.text(4, Fmt.time(i.asOf()));
        }
        s.section("Mapping files", "Framework or crosswalk");
        for (String f : m.gaps().appendix().mappingFiles()) {
            s.row().text(0, f);
        }
    }
}
