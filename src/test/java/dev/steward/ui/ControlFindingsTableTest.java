package dev.steward.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.Finding;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The control page's findings table keeps a finding with many evidence references readable; its download keeps all. */
class ControlFindingsTableTest {

    static Finding finding(int refs) {
        List<EvidenceRef> evidence = new ArrayList<>();
        for (int i = 1; i <= refs; i++) {
            evidence.add(EvidenceRef.of("decisions", "agent=a;days=2026-09-" + String.format("%02d", i), i + " decisions"));
        }
        return new Finding("run", "AUT-4", "default", "agent", "a", Result.PARTIAL, 0.5, Severity.HIGH, "half approved", null,
                null, "payments", "prod", 1, evidence, List.of());
    }

    private static String evidenceCell(Table t) {
        List<Table.Cell> row = t.rows().get(0);
        return row.get(row.size() - 1).text();
    }

    @Test
    void thePageShowsTheFirstReferencesAndSaysHowManyMoreTheDownloadHas() {
        String page = evidenceCell(ControlResource.findings(List.of(finding(12)), ControlResource.REFS_SHOWN));
        assertThat(page).contains("days=2026-09-05").doesNotContain("days=2026-09-06")
                .endsWith("and 7 more references in this table's CSV and XLSX download");
        String download = evidenceCell(ControlResource.findings(List.of(finding(12)), Integer.MAX_VALUE));
        assertThat(download).contains("days=2026-09-12").doesNotContain("more reference");
        assertThat(evidenceCell(ControlResource.findings(List.of(finding(5)), ControlResource.REFS_SHOWN)))
                .as("nothing cut, nothing said").contains("days=2026-09-05").doesNotContain("more reference");
    }
}
