package dev.steward.evidence;

import java.time.Instant;
import java.util.List;

/** An inventoried agent (or other non-human identity acting on its own). Lists are never null. */
public record AgentRecord(
        String id,
        String name,
        Autonomy autonomy,
        String environment,
        String team,
        String owner,
        String backupOwner,
        String status,
        Instant decommissionedAt,
        Instant createdAt,
        Instant lastReviewedAt,
        String vendor,
        String identityType,
        String identityId,
        String alertChannel,
        String incidentTrigger,
        String runbook,
        String killSwitchMethod,
        Instant killSwitchTestedAt,
        List<String> tools,
        List<String> grants,
        SourceRef source) {

    public AgentRecord {
        tools = tools == null ? List.of() : List.copyOf(tools);
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    public boolean decommissioned(Instant asOf) {
        return "decommissioned".equalsIgnoreCase(status)
                || (decommissionedAt != null && !decommissionedAt.isAfter(asOf));
    }

    public boolean prod() {
        return "prod".equalsIgnoreCase(environment) || "production".equalsIgnoreCase(environment);
    }

    /** Subject weight of CHECKS.md: autonomy weight x (prod 2, other 1). Unknown autonomy counts as supervised. */
    public int weight() {
        int a = autonomy == null ? Autonomy.SUPERVISED.weight() : autonomy.weight();
        return a * (prod() ? 2 : 1);
    }
}
