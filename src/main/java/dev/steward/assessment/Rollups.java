package dev.steward.assessment;

import java.util.List;

/** Roll-ups of one run per team, owner, manager (of the owner, from the people directory) and environment, by key. */
public record Rollups(List<RollupEntry> teams, List<RollupEntry> owners, List<RollupEntry> managers,
        List<RollupEntry> environments) {

    public Rollups {
        teams = List.copyOf(teams);
        owners = List.copyOf(owners);
        managers = List.copyOf(managers);
        environments = List.copyOf(environments);
    }
}
