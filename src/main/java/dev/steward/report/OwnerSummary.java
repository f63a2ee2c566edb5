package dev.steward.report;

/**
 * One owner within a manager and team: how many of the filtered agents they own and how many of those have gaps;
 * {@code ownerStatus} is active, departed or unknown (not in the directory); owner null = unowned agents.
 */
public record OwnerSummary(String manager, String managerName, String team, String owner, String ownerName,
        String ownerStatus, long agents, long agentsWithGaps, long gaps) {
}
