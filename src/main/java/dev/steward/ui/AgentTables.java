package dev.steward.ui;

import dev.steward.check.EvidenceRef;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.report.GapReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The tables of the agent page, built from the inventory in force, the decision window and the run's findings. */
final class AgentTables {

    private static final View V = new View();

    private AgentTables() {
    }

    static Table credentials(List<CredentialRecord> creds, Instant asOf) {
        Table.Builder t = new Table.Builder("credentials", "Credentials", "Credential", "Type", "Environment", "Storage",
                "Created", "Expires", "Lifetime", "Last rotated", "Last used", "Status", "Scopes");
        for (CredentialRecord c : creds) {
            String status = status(c, asOf);
            t.row(Table.Cell.link(c.id(), "/credentials/" + View.enc(c.id())), c.type(), c.environment(), c.storage(), V.day(c.createdAt()), V.day(c.expiresAt()),
                    V.duration(c.lifetime().orElse(null)), V.day(c.lastRotatedAt()), V.day(c.lastUsedAt()),
                    Table.Cell.styled(status + (c.exposed() ? ", exposed" : ""), c.exposed() ? "fail" : V.cls(status)),
                    String.join(", ", c.scopes()));
        }
        return t.build();
    }

    /** Granted scopes (agent grants and credential scopes) against the scopes seen in allowed decisions. */
    static Table scopes(AgentRecord a, List<CredentialRecord> creds, List<DecisionAggregate> decisions) {
        Set<String> granted = new LinkedHashSet<>(a.grants());
        creds.forEach(c -> granted.addAll(c.scopes()));
        return scopes(granted, decisions);
    }

    /** {@code granted} against the scopes seen in {@code decisions}, allowed and denied. */
    static Table scopes(Set<String> granted, List<DecisionAggregate> decisions) {
        Map<String, long[]> used = new TreeMap<>();
        Map<String, Instant> last = new TreeMap<>();
        for (DecisionAggregate d : decisions) {
            if (d.scope() == null) {
                continue;
            }
            long[] c = used.computeIfAbsent(d.scope(), k -> new long[2]);
            c[d.allowed() ? 0 : 1] += d.count();
            if (d.lastAt() != null && (last.get(d.scope()) == null || d.lastAt().isAfter(last.get(d.scope())))) {
                last.put(d.scope(), d.lastAt());
            }
        }
        Set<String> all = new LinkedHashSet<>(granted);
        all.addAll(used.keySet());
        Table.Builder t = new Table.Builder("scopes", "Granted vs used scopes", "Scope", "Granted", "Used (allowed)",
                "Denied", "Last used", "Verdict");
        for (String s : all) {
            long[] c = used.getOrDefault(s, new long[2]);
            boolean g = granted.contains(s);
            String verdict = g && c[0] == 0 ? "granted, unused" : !g && c[0] > 0 ? "used without a grant" : !g ? "denied only" : "used";
            t.row(s, g ? "yes" : "no", c[0], c[1], V.time(last.get(s)),
                    Table.Cell.styled(verdict, "used".equals(verdict) ? "pass" : "partial"));
        }
        return t.build();
    }

    static Table delegations(List<DecisionAggregate> decisions) {
        Map<String, long[]> chains = new TreeMap<>();
        Map<String, Instant> last = new TreeMap<>();
        for (DecisionAggregate d : decisions) {
            if (d.onBehalfOf().isEmpty()) {
                continue;
            }
            String chain = String.join(" → ", d.onBehalfOf());
            long[] c = chains.computeIfAbsent(chain, k -> new long[2]);
            c[d.allowed() ? 0 : 1] += d.count();
            if (d.lastAt() != null && (last.get(chain) == null || d.lastAt().isAfter(last.get(chain)))) {
                last.put(chain, d.lastAt());
            }
        }
        Table.Builder t = new Table.Builder("delegations", "Delegations (acting on behalf of)", "Chain", "Depth", "Allowed",
                "Denied", "Last");
        chains.forEach((chain, c) -> t.row(chain, chain.split(" → ").length, c[0], c[1], V.time(last.get(chain))));
        return t.build();
    }

    /** Who made the decisions (agent or other principal), allowed and denied, and when last. */
    static Table usedBy(List<DecisionAggregate> decisions) {
        Map<String, long[]> by = new TreeMap<>();
        Map<String, Instant> last = new TreeMap<>();
        for (DecisionAggregate d : decisions) {
            String who = d.agent() == null ? "(no agent)" : d.agent();
            long[] c = by.computeIfAbsent(who, k -> new long[2]);
            c[d.allowed() ? 0 : 1] += d.count();
            if (d.lastAt() != null && (last.get(who) == null || d.lastAt().isAfter(last.get(who)))) {
                last.put(who, d.lastAt());
            }
        }
        Table.Builder t = new Table.Builder("used-by", "Decisions made with it, by agent", "Agent", "Allowed", "Denied",
                "Last");
        by.forEach((who, c) -> t.row(who.equals("(no agent)") ? who : Table.Cell.link(who, "/agents/" + View.enc(who)),
                c[0], c[1], V.time(last.get(who))));
        return t.build();
    }

    static Table timeline(List<AgentResource.Day> days) {
        Table.Builder t = new Table.Builder("decisions-per-day", "Decisions per day", "Day (UTC)", "Allowed", "Denied");
        days.forEach(d -> t.row(d.day(), d.allowed(), d.denied()));
        return t.build();
    }

    static Table findings(List<GapReport.FindingRow> findings) {
        Table.Builder t = new Table.Builder("findings", "Findings with evidence", "Check", "Title", "Severity", "Result",
                "Subject", "Reason", "Evidence", "Open since", "Remediation");
        for (GapReport.FindingRow f : findings) {
            List<String> ev = new ArrayList<>();
            for (EvidenceRef e : f.evidence()) {
                ev.add(e.kind() + " " + e.id() + (e.detail() == null ? "" : ": " + e.detail())
                        + (e.source() == null ? "" : " [" + e.source() + "]"));
            }
            String sev = f.severity().name().toLowerCase(Locale.ROOT);
            String res = f.result().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            t.row(Table.Cell.check(f.checkId(), f.variant()), f.title(),
                    Table.Cell.styled(sev, sev), Table.Cell.styled(res, V.cls(f.result())),
                    View.subject(f.subjectType(), f.subjectId(), f.subjectType() + " " + f.subjectId()),
                    f.reason(), String.join("; ", ev), V.day(f.since()), f.remediation());
        }
        return t.build();
    }

    /** A credential's status at {@code asOf}: revoked, active, expired (past its expiry), or as recorded. */
    static String status(CredentialRecord c, Instant asOf) {
        return c.revoked() ? "revoked" : c.active(asOf) ? "active"
                : c.status() == null || "active".equalsIgnoreCase(c.status()) ? "expired" : c.status().toLowerCase(Locale.ROOT);
    }
}
