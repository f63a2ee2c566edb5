package dev.steward.assessment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A stored run split by team in one read of its results, so that narrowing it to any set of teams ({@link
 * ScopedReads}) is a merge instead of another read: each team's roll-ups over its default-variant results, and for
 * each subject the run's diff lists (the only subjects a narrowed diff asks about), the teams it had in this run or
 * the previous one. A subject without a team is in no team's slice, as it is in no manager's run.
 */
final class TeamSlices {

    private final Map<String, RollupBuilder> rollups = new HashMap<>();
    private final Set<String> listed;
    private final Map<String, Set<String>> teamsOfListed = new HashMap<>();

    /** @param listed the subjects of the run's diff lists, as {@code subjectType(json)|subjectId} */
    TeamSlices(Set<String> listed) {
        this.listed = listed;
    }

    /** A result of the run. */
    void add(StoredResult r) {
        String team = r.result().team();
        if (team == null) {
            return;
        }
        if (Evaluation.DEFAULT.equals(r.result().variant())) {
            rollups.computeIfAbsent(team, t -> new RollupBuilder()).add(r.result());
        }
        listed(r, team);
    }

    /** A result of the previous run: only which team a listed subject had. */
    void addPrevious(StoredResult r) {
        String team = r.result().team();
        if (team != null) {
            listed(r, team);
        }
    }

    private void listed(StoredResult r, String team) {
        if (!listed.isEmpty()) {
            String subject = subject(r);
            if (listed.contains(subject)) {
                teamsOfListed.computeIfAbsent(subject, s -> new HashSet<>(2)).add(team);
            }
        }
    }

    /** The roll-ups of {@code teams}' results together. */
    Rollups rollups(Set<String> teams) {
        RollupBuilder merged = new RollupBuilder();
        teams.stream().sorted().map(rollups::get).filter(b -> b != null).forEach(merged::add);
        return merged.build();
    }

    /** The listed subjects that belonged to one of {@code teams} in this run or the previous one. */
    Set<String> visible(Set<String> teams) {
        Set<String> out = new HashSet<>();
        teamsOfListed.forEach((subject, of) -> {
            if (of.stream().anyMatch(teams::contains)) {
                out.add(subject);
            }
        });
        return out;
    }

    /** {@code subjectType(json)|subjectId}, as a diff entry names its subject. */
    static String subject(StoredResult r) {
        return r.result().subjectType().json() + "|" + r.result().subjectId();
    }
}
