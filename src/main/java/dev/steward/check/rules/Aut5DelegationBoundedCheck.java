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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * AUT-5 (high, agent): delegation is bounded.
 *
 * <p>Delegated decisions = aggregates whose principal is the agent with a non-empty {@code onBehalfOf} chain.
 * Violations: (1) depth = chain size above {@code maxDelegationDepth}; (2) a cycle: the acting agent appears in its
 * own chain, or an id repeats in the chain; both judged on every delegated decision, allowed or denied, since the
 * chain existed either way; (3) scope escalation: an allowed delegated decision whose scope is not among the grants of
 * an inventoried agent in the chain (people and unknown ids in the chain are not judged). FAIL names each distinct
 * violation and its decision count; PASS otherwise; NOT_APPLICABLE without delegated decisions and for decommissioned
 * agents. Parameter maxDelegationDepth (INTEGER, 2), resolved for the agent's environment.
 */
@ApplicationScoped
public class Aut5DelegationBoundedCheck extends AgentCheck {

    static final String MAX_DEPTH = "maxDelegationDepth";

    @Override
    public String id() {
        return "AUT-5";
    }

    @Override
    public String title() {
        return "Delegation is bounded";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.of(MAX_DEPTH, ParameterSpec.Type.INTEGER, "2", "Longest allowed on-behalf-of chain"));
    }

    @Override
    public String remediation() {
        return "Limit on-behalf-of chains in the policy: cap their depth, reject cycles, and intersect scopes along the chain.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        int maxDepth = parameters.integer(MAX_DEPTH, Rules.env(agent.environment()));
        List<DecisionAggregate> delegated = Rules.filter(evidence.decisionsOfPrincipal(agent.id()),
                d -> !d.onBehalfOf().isEmpty());
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.agent(agent, "grants " + Rules.list(agent.grants())));
        if (delegated.isEmpty()) {
            return notApplicable(agent.id(), "no delegated (on-behalf-of) decisions in the window", refs);
        }
        Map<String, List<DecisionAggregate>> violations = new LinkedHashMap<>();
        Map<String, EvidenceRef> lacking = new TreeMap<>();
        for (DecisionAggregate d : delegated) {
            List<String> chain = d.onBehalfOf();
            if (chain.size() > maxDepth) {
                add(violations, "chain depth " + chain.size() + " > " + maxDepth + " (" + String.join(" > ", chain) + ")", d);
            }
            if (chain.contains(agent.id()) || repeats(chain)) {
                add(violations, "cycle in chain " + String.join(" > ", chain)
                        + (chain.contains(agent.id()) ? " (contains the actor)" : " (repeated id)"), d);
            }
            if (d.allowed() && d.scope() != null) {
                for (String member : chain) {
                    Optional<AgentRecord> delegator = evidence.agent(member);
                    if (delegator.isPresent() && !delegator.get().grants().contains(d.scope())) {
                        add(violations, "scope " + d.scope() + " used on behalf of " + member + ", which lacks it", d);
                        lacking.putIfAbsent(member + " " + d.scope(),
                                Rules.agent(delegator.get(), "chain member without grant " + d.scope()));
                    }
                }
            }
        }
        if (violations.isEmpty()) {
            refs.add(Rules.decisions(delegated, "delegated"));
            return pass(agent.id(), Rules.count(Rules.sum(delegated, DecisionAggregate::count), "delegated decision") + ": chains at most "
                    + maxDepth + " deep, no cycle, no scope beyond the chain's agents", refs);
        }
        refs.addAll(lacking.values());
        List<String> described = new ArrayList<>();
        violations.forEach((what, aggs) -> {
            described.add(what + ": " + Rules.count(Rules.sum(aggs, DecisionAggregate::count), "decision"));
            refs.add(Rules.decisions(aggs, what));
        });
        return fail(agent.id(), Rules.count(violations.size(), "delegation violation") + ": " + Rules.list(described, 5), refs);
    }

    /** Whether an id occurs twice in the chain (chains are short: a pairwise look, no set per aggregate). */
    static boolean repeats(List<String> chain) {
        for (int i = 1; i < chain.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (chain.get(i).equals(chain.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void add(Map<String, List<DecisionAggregate>> violations, String what, DecisionAggregate d) {
        violations.computeIfAbsent(what, k -> new ArrayList<>()).add(d);
    }
}
