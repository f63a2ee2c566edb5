package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * DET-1 (high, agent): no behaviour change at the end of the window.
 *
 * <p>Days are UTC days. The last day is the day of the window's last instant (the day before asOf when asOf is at
 * midnight); the recent period is the {@code recentDays} days ending on it; the earlier period runs from the day of
 * windowStart to the day before the recent period, and its length in days (a partial first day counts) is the
 * baseline length. Recent daily deny rate = recent denies / recentDays; earlier rate = earlier denies / earlier days.
 * Triggers: (1) deny spike: recent denies at least {@code minRecentDenies} and recent rate at least
 * {@code denyRateFactor} times the earlier rate (with no earlier denies any rate counts); (2) new tool: a tool of a
 * recent aggregate that no earlier aggregate of the agent names. FAIL names every trigger. Without any decision of
 * the agent before the recent period there is no baseline: the new-tool trigger does not apply (every tool would be
 * new) and, unless the deny spike fires, the result is INSUFFICIENT_EVIDENCE. INSUFFICIENT_EVIDENCE also without
 * decisions in the window. PASS otherwise. Decommissioned agents: NOT_APPLICABLE. Parameters: recentDays (INTEGER,
 * 7), minRecentDenies (INTEGER, 10), denyRateFactor (DECIMAL, 3), resolved for the agent's environment.
 */
@ApplicationScoped
public class Det1BehaviourChangeCheck extends AgentCheck {

    static final String RECENT_DAYS = "recentDays";
    static final String MIN_RECENT_DENIES = "minRecentDenies";
    static final String FACTOR = "denyRateFactor";

    @Override
    public String id() {
        return "DET-1";
    }

    @Override
    public String title() {
        return "No behaviour change (deny spike or new tool)";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.of(RECENT_DAYS, ParameterSpec.Type.INTEGER, "7",
                        "Length in days of the recent period at the end of the window"),
                ParameterSpec.of(MIN_RECENT_DENIES, ParameterSpec.Type.INTEGER, "10",
                        "Fewest recent denies that can make a deny spike"),
                ParameterSpec.of(FACTOR, ParameterSpec.Type.DECIMAL, "3",
                        "Recent daily deny rate over earlier daily deny rate that makes a spike"));
    }

    @Override
    public String remediation() {
        return "Investigate the agent's recent denies and new tools with its owner, and contain it if the change is not explained.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        List<DecisionAggregate> decisions = evidence.decisionsOfPrincipal(agent.id());
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.agent(agent, "principal of the decisions"));
        if (decisions.isEmpty()) {
            return insufficient(agent.id(), "no decisions by the agent in the window", refs);
        }
        String env = Rules.env(agent.environment());
        int recentDays = parameters.integer(RECENT_DAYS, env);
        int minDenies = parameters.integer(MIN_RECENT_DENIES, env);
        double factor = parameters.decimal(FACTOR, env);
        LocalDate lastDay = LocalDate.ofInstant(evidence.asOf().minusNanos(1), ZoneOffset.UTC);
        LocalDate recentFirst = lastDay.minusDays(recentDays - 1L);
        LocalDate firstDay = LocalDate.ofInstant(evidence.windowStart(), ZoneOffset.UTC);
        long earlierDays = Math.max(0, ChronoUnit.DAYS.between(firstDay, recentFirst));
        List<DecisionAggregate> recent = Rules.filter(decisions, d -> !d.day().isBefore(recentFirst));
        List<DecisionAggregate> earlier = Rules.filter(decisions, d -> d.day().isBefore(recentFirst));
        List<DecisionAggregate> recentDenied = Rules.filter(recent, d -> !d.allowed());
        long recentDenies = Rules.sum(recentDenied, DecisionAggregate::count);
        long earlierDenies = 0;
        for (DecisionAggregate d : earlier) {
            earlierDenies += d.allowed() ? 0 : d.count();
        }
        double recentRate = (double) recentDenies / recentDays;
        double earlierRate = earlierDays == 0 ? 0 : (double) earlierDenies / earlierDays;
        boolean baseline = earlierDays > 0 && !earlier.isEmpty();
        String period = "last " + Rules.count(recentDays, "day") + " (" + recentFirst + ".." + lastDay + ")";
        String rates = Rules.count(recentDenies, "deny", "denies") + " in the " + period + " (" + Formats.decimal(recentRate) + "/day) vs "
                + Formats.decimal(earlierRate) + "/day before";
        List<String> triggers = new ArrayList<>();
        if (recentDenies >= minDenies && Rules.atLeast(recentRate, factor * earlierRate)) {
            triggers.add("deny spike: " + rates + " (trigger: at least " + Rules.count(minDenies, "deny", "denies") + " and "
                    + Formats.decimal(factor) + "x the earlier rate)");
            refs.add(Rules.decisions(recentDenied, "recent denies"));
        }
        if (baseline) {
            List<String> earlierTools = Rules.distinct(earlier, DecisionAggregate::tool);
            List<String> newTools = Rules.distinct(recent, DecisionAggregate::tool);
            newTools.removeIf(t -> Collections.binarySearch(earlierTools, t) >= 0);
            for (String tool : newTools) {
                List<DecisionAggregate> uses = Rules.filter(recent, d -> tool.equals(d.tool()));
                triggers.add("new tool " + tool + " first used " + Rules.firstSeen(uses) + ", not seen "
                        + firstDay + ".." + recentFirst.minusDays(1));
                refs.add(Rules.decisions(uses, "new tool " + tool));
            }
        }
        if (!triggers.isEmpty()) {
            return fail(agent.id(), String.join("; ", triggers), refs);
        }
        refs.add(Rules.decisions(decisions, null));
        if (!baseline) {
            return insufficient(agent.id(), "no decisions of the agent before " + recentFirst + " to compare with; " + rates, refs);
        }
        return pass(agent.id(), rates + "; no new tool", refs);
    }
}
