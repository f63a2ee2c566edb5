package dev.steward.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The teams' part of a {@link RunDiff}: each team's roll-up score and its framework scores ({@link TeamFrameworks})
 * compared with the previous run's, for a manager asking whether their team got better.
 */
final class TeamDeltas {

    private TeamDeltas() {
    }

    /** What a run scored for one team: its roll-up score and coverage, and its framework scores. */
    record Team(String team, Double score, Double coverage, List<TeamFrameworks.Score> frameworks) {

        Team {
            frameworks = List.copyOf(frameworks);
        }

        /**
         * A run's teams: the roll-up entries joined with the framework scores by team, sorted by team. Null when the
         * run stored no teams' framework scores (a run stored before they were), which cannot be compared.
         */
        static List<Team> of(List<RollupEntry> rollups, List<TeamFrameworks> frameworks) {
            if (frameworks == null) {
                return null;
            }
            Map<String, Team> byTeam = new HashMap<>();
            for (RollupEntry e : rollups) {
                byTeam.put(e.key(), new Team(e.key(), e.score(), e.coverage(), List.of()));
            }
            for (TeamFrameworks f : frameworks) {
                Team rolled = byTeam.get(f.team());
                byTeam.put(f.team(), new Team(f.team(), rolled == null ? null : rolled.score(),
                        rolled == null ? null : rolled.coverage(), f.frameworks()));
            }
            return new TreeSet<>(byTeam.keySet()).stream().map(byTeam::get).toList();
        }
    }

    /**
     * The teams whose roll-up score or coverage, or any framework's score or coverage, differ between the runs (or
     * that only one run has), by team name. Null when either run's teams are.
     */
    static List<RunDiff.TeamDelta> of(List<Team> before, List<Team> now) {
        if (before == null || now == null) {
            return null;
        }
        Map<String, Team> then = new HashMap<>();
        before.forEach(t -> then.put(t.team(), t));
        Map<String, Team> current = new HashMap<>();
        now.forEach(t -> current.put(t.team(), t));
        TreeSet<String> teams = new TreeSet<>(then.keySet());
        teams.addAll(current.keySet());
        List<RunDiff.TeamDelta> out = new ArrayList<>();
        for (String team : teams) {
            Team b = then.get(team);
            Team n = current.get(team);
            RunDiff.TeamDelta d = delta(team, b, n);
            boolean same = b != null && n != null && Objects.equals(b.score(), n.score())
                    && Objects.equals(b.coverage(), n.coverage()) && b.frameworks().size() == n.frameworks().size()
                    && d.frameworks().stream().allMatch(f -> Objects.equals(f.previousScore(), f.score())
                            && Objects.equals(f.previousCoverage(), f.coverage()));
            if (!same) {
                out.add(d);
            }
        }
        return out;
    }

    /** A framework's scores then ([0]) and now ([1]). */
    private static TeamFrameworks.Score[] pair(Map<String, TeamFrameworks.Score[]> byFramework,
            TeamFrameworks.Score f) {
        return byFramework.computeIfAbsent(f.framework(), k -> new TeamFrameworks.Score[2]);
    }

    private static RunDiff.TeamDelta delta(String team, Team b, Team n) {
        // the frameworks in the current run's order, then any the team was scored in before only
        Map<String, TeamFrameworks.Score[]> byFramework = new LinkedHashMap<>();
        if (n != null) {
            n.frameworks().forEach(f -> pair(byFramework, f)[1] = f);
        }
        if (b != null) {
            b.frameworks().forEach(f -> pair(byFramework, f)[0] = f);
        }
        List<RunDiff.ScoreDelta> frameworks = new ArrayList<>();
        byFramework.forEach((framework, pair) -> {
            TeamFrameworks.Score then = pair[0];
            TeamFrameworks.Score now = pair[1];
            Double was = then == null ? null : then.score();
            Double is = now == null ? null : now.score();
            frameworks.add(new RunDiff.ScoreDelta(framework, was, is, Scores.delta(was, is),
                    then == null ? null : then.coverage(), now == null ? null : now.coverage(), null, null));
        });
        Double was = b == null ? null : b.score();
        Double is = n == null ? null : n.score();
        return new RunDiff.TeamDelta(team, was, is, Scores.delta(was, is), b == null ? null : b.coverage(),
                n == null ? null : n.coverage(), frameworks);
    }
}
