package dev.steward.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.assessment.Finding;
import dev.steward.assessment.RollupEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Narrows a report to one team, manager, owner and/or environment (null = any). {@value RollupEntry#NONE} matches a
 * missing value, as in the findings API. Agents match on their own attributes (manager = the owner's manager in the
 * people directory); findings on the attribution the assessment stored with them, so both sides agree.
 * {@code teams}, when not null, is the set of teams the reader may see (a manager's scope): records of other teams,
 * and records with no team, never match.
 */
public record ReportFilter(String team, String manager, String owner, String environment,
        @JsonInclude(JsonInclude.Include.NON_NULL) Set<String> teams) {

    public static final ReportFilter NONE = new ReportFilter(null, null, null, null);

    public ReportFilter {
        team = blankToNull(team);
        manager = blankToNull(manager);
        owner = blankToNull(owner);
        environment = blankToNull(environment);
        // sorted, so that a report's JSON lists them in the same order every time
        teams = teams == null ? null : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(teams));
    }

    public ReportFilter(String team, String manager, String owner, String environment) {
        this(team, manager, owner, environment, null);
    }

    /** The same filter, restricted to the given teams (null = unrestricted). */
    public ReportFilter within(Set<String> allowedTeams) {
        return new ReportFilter(team, manager, owner, environment, allowedTeams);
    }

    public boolean matches(String team, String manager, String owner, String environment) {
        return allowsTeam(team) && one(this.manager, manager) && one(this.owner, owner)
                && one(this.environment, environment);
    }

    /** Whether a record of this team passes the team filter and the team restriction. */
    public boolean allowsTeam(String team) {
        return one(this.team, team) && (teams == null || (team != null && teams.contains(team)));
    }

    /**
     * Whether an agent of this team, owner and environment may match: {@link #matches(AgentRow)} but for the manager,
     * which takes the owner's record to know. A report skips the rows of the agents that cannot.
     */
    public boolean mayMatch(String team, String owner, String environment) {
        return allowsTeam(team) && one(this.owner, owner) && one(this.environment, environment);
    }

    /**
     * The teams outside which no record can match (null: no such bound): the team asked for, the reader's teams, or
     * the one within the other; empty when no team can match.
     */
    public Set<String> teamsOnly() {
        if (team == null) {
            return teams;
        }
        if (RollupEntry.NONE.equals(team)) {
            return teams == null ? null : Set.of();
        }
        return teams == null || teams.contains(team) ? Set.of(team) : Set.of();
    }

    public boolean matches(AgentRow a) {
        return matches(a.team(), a.manager(), a.owner(), a.environment());
    }

    public boolean matches(Finding f) {
        return matches(f.team(), f.manager(), f.owner(), f.environment());
    }

    public boolean any() {
        return team != null || manager != null || owner != null || environment != null || teams != null;
    }

    /** "team=payments, environment=prod", or "none". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "team", team);
        add(parts, "manager", manager);
        add(parts, "owner", owner);
        add(parts, "environment", environment);
        if (teams != null) {
            parts.add("teams=" + String.join("|", new TreeSet<>(teams)));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }

    private static boolean one(String wanted, String actual) {
        if (wanted == null) {
            return true;
        }
        if (RollupEntry.NONE.equals(wanted)) {
            return actual == null || actual.isBlank();
        }
        return wanted.equals(actual);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
