package dev.steward.report;

import java.time.Instant;
import java.util.List;

/**
 * The full ownership record of one agent as the ownership report prints it: who owns it (and whether that person is
 * still here), who manages the owner, the backup owner, monitoring, kill switch, last review, active credentials and
 * every ownership gap. Built on demand from the evidence, one row at a time.
 */
public record AgentRow(String id, String name, String team, String environment, String autonomy, String status,
        String owner, String ownerName, String ownerStatus, String manager, String managerName, String backupOwner,
        String backupOwnerName,
        String vendor, String identityType, String alertChannel, String incidentTrigger, String killSwitch,
        Instant killSwitchTestedAt, Instant lastReviewedAt, Instant createdAt, int activeCredentials, List<Gap> gaps) {

    public AgentRow {
        gaps = List.copyOf(gaps);
    }

    public boolean hasGap(String checkId) {
        return gaps.stream().anyMatch(g -> g.checkId().equals(checkId));
    }

    /** The gap check ids, e.g. "OWN-2, LIF-1". */
    public String gapIds() {
        return String.join(", ", gaps.stream().map(Gap::checkId).distinct().toList());
    }

    /** The check ids of the gaps that are new since the previous run, e.g. "OWN-2"; empty when none is. */
    public String newGapIds() {
        return String.join(", ", gaps.stream().filter(Gap::isNew).map(Gap::checkId).distinct().toList());
    }
}
