package dev.steward.report;

import dev.steward.assessment.Finding;
import dev.steward.assessment.RollupEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Narrows a report to one team, manager, owner and/or environment (null = any). {@value RollupEntry#NONE} matches a
 * missing value, as in the findings API. Agents match on their own attributes (manager = the owner's manager in the
 * people directory); findings on the attribution the assessment stored with them, so both sides agree.
 */
public record ReportFilter(String team, String manager, String owner, String environment) {

    public static final ReportFilter NONE = new ReportFilter(null, null, null, null);

    public ReportFilter {
        team = blankToNull(team);
        manager = blankToNull(manager);
        owner = blankToNull(owner);
        environment = blankToNull(environment);
    }

    public boolean matches(String team, String manager, String owner, String environment) {
        return one(this.team, team) && one(this.manager, manager) && one(this.owner, owner)
                && one(this.environment, environment);
    }

    public boolean matches(AgentRow a) {
        return matches(a.team(), a.manager(), a.owner(), a.environment());
    }

    public boolean matches(Finding f) {
        return matches(f.team(), f.manager(), f.owner(), f.environment());
    }

    public boolean any() {
        return team != null || manager != null || owner != null || environment != null;
    }

    /** "team=payments, environment=prod", or "none". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "team", team);
        add(parts, "manager", manager);
        add(parts, "owner", owner);
        add(parts, "environment", environment);
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
