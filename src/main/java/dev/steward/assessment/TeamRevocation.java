package dev.steward.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How quickly one team's access is cut off (CHECKS.md, LIF-4), over the credentials the run attributes to the team
 * (a credential's team is its heaviest holder's, as for its findings): {@code revoked} counts the team's credentials
 * LIF-4 judged (revoked by the as-of date), {@code late} its FAILs, and {@code latencySeconds} the measured latencies
 * (revocation to the last allowed decision, in seconds as {@link Percentiles#seconds} counts them, in run order) of
 * those that allowed a decision after their revocation. Kept as the latencies themselves so that the percentiles of
 * any set of teams (a manager's) are those of their credentials together; every team's together give the run's
 * {@link RevocationLatency}. {@code team} is {@link RollupEntry#NONE} for credentials without a team.
 */
public record TeamRevocation(String team, long revoked, long late, List<Double> latencySeconds) {

    /** The check whose results and latencies these are. */
    static final String CHECK = "LIF-4";

    public TeamRevocation {
        latencySeconds = List.copyOf(latencySeconds);
    }

    /**
     * Every team with a credential LIF-4 judged, by team.
     *
     * @param results   LIF-4's default-variant results by team ({@link Tally}), null when the run did not evaluate it
     * @param latencies the measured latencies by team, in run order
     */
    static List<TeamRevocation> of(java.util.Map<String, TeamFrameworks.Acc> results,
            java.util.Map<String, List<Double>> latencies) {
        List<TeamRevocation> out = new ArrayList<>();
        if (results != null) {
            new java.util.TreeMap<>(results).forEach((team, acc) -> {
                ResultCounts c = acc.counts();
                long revoked = c.total() - c.notApplicable();
                if (revoked > 0) {
                    out.add(new TeamRevocation(team, revoked, c.fail(), latencies.getOrDefault(team, List.of())));
                }
            });
        }
        return out;
    }

    /** The revoked count, LIF-4 FAILs and latency percentiles of some teams' entries together. */
    public static Merged merge(Collection<TeamRevocation> teams) {
        long revoked = 0;
        long late = 0;
        List<Double> seconds = new ArrayList<>();
        for (TeamRevocation t : teams) {
            revoked += t.revoked();
            late += t.late();
            seconds.addAll(t.latencySeconds());
        }
        return new Merged(revoked, late, Percentiles.latencySeconds(seconds));
    }

    /** Some teams' revocation figures together. */
    public record Merged(long revoked, long late, RevocationLatency latency) {
    }
}
