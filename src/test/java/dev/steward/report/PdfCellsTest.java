package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.ControlStatus;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdfCellsTest {

    private static GapReport.FindingRow finding(String ownerName, String title, String reason, List<EvidenceRef> evidence) {
        return new GapReport.FindingRow(1, "CRD-1", "default", title, Severity.HIGH, Result.INSUFFICIENT_EVIDENCE, null,
                "credential", "cred-7", "p-1", ownerName, "payments", null, reason, Instant.EPOCH, 12L, evidence,
                List.of("owasp-nhi-2025:NHI7"), "Rotate it.", null);
    }

    @Test
    void aFindingRowShowsItsEightCellsWithTheLinesOfEachCell() {
        List<EvidenceRef> evidence = List.of(EvidenceRef.of("credential", "cred-7", "ttl P30D"), EvidenceRef.of("agent",
                "a-1", null), EvidenceRef.of("upload", "u-1", "inventory.yaml"), EvidenceRef.of("agent", "a-2", "fourth"));
        List<String> cells = PdfCells.finding(finding("Pat Doe", "Short-lived credentials", "lifetime too long", evidence));
        assertThat(cells).containsExactly("CRD-1\nShort-lived credentials", "HIGH", "INSUFFICIENT",
                "cred-7\ncredential \u00b7 payments \u00b7 " + Fmt.NONE, "Pat Doe", "12 d",
                "lifetime too long\ncredential cred-7: ttl P30D\nagent a-1\nupload u-1: inventory.yaml", "Rotate it.");
    }

    @Test
    void missingValuesShowADashAndTheOwnerIdStandsInForAMissingName() {
        List<String> cells = PdfCells.finding(finding(null, null, " ", List.of()));
        assertThat(cells.get(0)).isEqualTo("CRD-1\n" + Fmt.NONE);
        assertThat(cells.get(4)).isEqualTo("p-1");
        assertThat(cells.get(6)).isEqualTo(Fmt.NONE);
    }

    @Test
    void aLongLineIsCutWithAnEllipsisAndEachLineOfACellIsCutOnItsOwn() {
        String longText = "x".repeat(PdfCells.MAX_TEXT + 40);
        assertThat(PdfCells.shown(longText)).hasSize(PdfCells.MAX_TEXT + 1).endsWith("x\u2026");
        String cell = PdfCells.lines("head", List.of(longText, "tail"));
        assertThat(cell.split("\n")).containsExactly("head", "x".repeat(PdfCells.MAX_TEXT) + "\u2026", "tail");
    }

    @Test
    void aControlRowShowsStatusScoreCoverageAndAtMostFiveFailingSubjects() {
        GapReport.ControlRow row = new GapReport.ControlRow("owasp-asi-2026", "ASI03", "Identity and privilege abuse", 1,
                false, ControlStatus.NOT_SATISFIED, 0.25, 1.0, List.of("OWN-1", "CRD-1"), 9, 7,
                List.of("a", "b", "c", "d", "e", "f"), 0, "Critical check CRD-1 fails for at least one subject");
        List<String> cells = PdfCells.control(row);
        assertThat(cells.get(1)).as("why, under the title").isEqualTo("Identity and privilege abuse\n"
                + "Critical check CRD-1 fails for at least one subject");
        assertThat(cells).hasSize(8);
        assertThat(cells.get(0)).isEqualTo(row.ref());
        assertThat(cells.subList(2, 8)).containsExactly(Fmt.label(ControlStatus.NOT_SATISFIED), "25.00%", "100.00%",
                "OWN-1, CRD-1", "9", "7: a, b, c, d, e, \u2026");
    }

    @Test
    void anAgentRecordShowsItsNameUnderItsIdAndEveryColumnOfTheTable() {
        AgentRow a = new AgentRow("agent-1", "Billing bot", "payments", "prod", "autonomous", "active", "p-1", null,
                "departed", "m-1", "Mia Manager", "p-2", "Bea Backup", null, "spiffe", "#alerts", null, "revoke", null, null,
                null, 3,
                List.of(new Gap("OWN-2", "Owner active", Severity.HIGH, Result.FAIL, "agent-1", "owner left", null, 40L,
                        "Reassign", null), new Gap("OWN-3", "Backup owner", Severity.MEDIUM, Result.FAIL, "agent-1",
                        "no backup owner set", null, 3L, "Name a backup owner", "new")));
        List<String> cells = PdfCells.agent(a);
        assertThat(cells).hasSize(12);
        assertThat(cells.get(0)).isEqualTo("agent-1\nBilling bot");
        assertThat(cells.get(4)).isEqualTo("p-1 (departed)");
        assertThat(cells.get(6)).as("the backup owner by name").isEqualTo("Bea Backup");
        assertThat(cells.get(7)).isEqualTo("#alerts / " + Fmt.NONE);
        assertThat(cells.get(10)).isEqualTo("3");
        assertThat(PdfCells.gap(a, a.gaps().get(0))).containsExactly("Mia Manager", "payments", "p-1", "agent-1", "OWN-2",
                "HIGH", "FAIL", "40 d", "owner left", "Reassign");
        // a gap new since the previous run says so under its check
        assertThat(PdfCells.gap(a, a.gaps().get(1)).get(4)).isEqualTo("OWN-3\nnew");
        assertThat(a.newGapIds()).isEqualTo("OWN-3");
        assertThat(a.gapIds()).isEqualTo("OWN-2, OWN-3");
    }
}
