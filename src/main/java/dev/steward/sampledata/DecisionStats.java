package dev.steward.sampledata;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts over the generated curated decisions that the expected results quote (shares for PARTIAL scores, late uses,
 * first and last sightings of shadow principals). Principal of a decision: its agent, else the sole holder of its
 * credential (CHECKS.md).
 */
final class DecisionStats {

    /** Per principal. */
    static final class Principal {
        long total;
        long withPolicy;
        long complete;
        long highRiskAllowed;
        long highRiskApproved;
        long deniesRecent;
        long deniesBefore;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        final TreeSet<String> tools = new TreeSet<>();

        double policyShare() {
            return total == 0 ? 0 : (double) withPolicy / total;
        }

        double completeShare() {
            return total == 0 ? 0 : (double) complete / total;
        }

        double approvedShare() {
            return highRiskAllowed == 0 ? 0 : (double) highRiskApproved / highRiskAllowed;
        }
    }

    /** Per credential. */
    static final class Credential {
        long lastAllowed = Long.MIN_VALUE;
        long lateAllowed;
        long lastLateAllowed = Long.MIN_VALUE;
    }

    private final Map<String, Principal> principals = new HashMap<>();
    private final Map<CredentialSpec, Credential> credentials = new HashMap<>();

    DecisionStats(List<Decision> decisions, Instant asOf) {
        long recentFrom = asOf.getEpochSecond() - 7 * 86_400L;
        for (Decision d : decisions) {
            String principal = d.agent;
            if (principal == null && d.credential != null && d.credential.holders.size() == 1) {
                principal = d.credential.holders.get(0);
            }
            if (principal != null) {
                Principal p = principals.computeIfAbsent(principal, k -> new Principal());
                p.total++;
                p.withPolicy += d.policy != null ? 1 : 0;
                p.complete += d.tool != null && d.action != null && d.resource != null && d.trigger != null ? 1 : 0;
                boolean high = d.allow && "high".equals(d.risk);
                p.highRiskAllowed += high ? 1 : 0;
                p.highRiskApproved += high && d.approval != null ? 1 : 0;
                if (!d.allow) {
                    if (d.epochSecond >= recentFrom) {
                        p.deniesRecent++;
                    } else {
                        p.deniesBefore++;
                    }
                }
                p.first = Math.min(p.first, d.epochSecond);
                p.last = Math.max(p.last, d.epochSecond);
                if (d.tool != null) {
                    p.tools.add(d.tool);
                }
            }
            if (d.credential != null && d.allow) {
                Credential c = credentials.computeIfAbsent(d.credential, k -> new Credential());
                c.lastAllowed = Math.max(c.lastAllowed, d.epochSecond);
                Instant revoked = d.credential.revokedAt;
                if (revoked != null && d.epochSecond > revoked.getEpochSecond() + 300) {
                    c.lateAllowed++;
                    c.lastLateAllowed = Math.max(c.lastLateAllowed, d.epochSecond);
                }
            }
        }
    }

    Principal principal(String id) {
        return principals.getOrDefault(id, new Principal());
    }

    Credential credential(CredentialSpec c) {
        return credentials.getOrDefault(c, new Credential());
    }

    static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", share * 100);
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
