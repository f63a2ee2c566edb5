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
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * AUT-1 (high, agent): least privilege, measured as the share of the agent's grants never used in the window.
 *
 * <p>Grants = the agent's distinct declared grants. A grant is used when an allowed decision aggregate whose principal
 * is the agent has exactly that scope (no wildcard expansion). Unused share = unused / grants. PASS when the share is
 * at most {@code passMaxUnusedShare} (exactly 20 % passes), PARTIAL with score 1 - share when at most
 * {@code partialMaxUnusedShare}, FAIL above. INSUFFICIENT_EVIDENCE when the agent declares no grants, or has no
 * decision (allowed or denied) in the window. Evidence names every unused grant. Decommissioned agents:
 * NOT_APPLICABLE. Parameters: passMaxUnusedShare (DECIMAL, 0.2), partialMaxUnusedShare (DECIMAL, 0.5), resolved for
 * the agent's environment.
 */
@ApplicationScoped
public class Aut1LeastPrivilegeCheck extends AgentCheck {

    static final String PASS_MAX = "passMaxUnusedShare";
    static final String PARTIAL_MAX = "partialMaxUnusedShare";

    @Override
    public String id() {
        return "AUT-1";
    }

    @Override
    public String title() {
        return "Least privilege: grants are used";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.of(PASS_MAX, ParameterSpec.Type.DECIMAL, "0.2", "Largest unused share of grants that passes"),
                ParameterSpec.of(PARTIAL_MAX, ParameterSpec.Type.DECIMAL, "0.5", "Largest unused share of grants that is partly met"));
    }

    @Override
    public String remediation() {
        return "Remove the grants the agent did not use in the observation window.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        Set<String> grants = new LinkedHashSet<>(agent.grants());
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.agent(agent, "grants " + Rules.list(grants)));
        if (grants.isEmpty()) {
            return insufficient(agent.id(), "agent declares no grants", refs);
        }
        List<DecisionAggregate> decisions = evidence.decisionsOfPrincipal(agent.id());
        if (decisions.isEmpty()) {
            return insufficient(agent.id(), "no decisions by the agent in the window", refs);
        }
        List<DecisionAggregate> allowed = Rules.filter(decisions, DecisionAggregate::allowed);
        List<String> used = Rules.distinct(allowed, DecisionAggregate::scope);
        List<String> unused = grants.stream().filter(g -> Collections.binarySearch(used, g) < 0).toList();
        refs.add(Rules.decisions(decisions, "scopes used " + Rules.list(used)));
        unused.forEach(g -> refs.add(Rules.grant(agent, g, "granted to " + agent.id() + ", unused in the window")));
        double share = (double) unused.size() / grants.size();
        String env = Rules.env(agent.environment());
        double passMax = parameters.decimal(PASS_MAX, env);
        double partialMax = parameters.decimal(PARTIAL_MAX, env);
        if (unused.isEmpty()) {
            return pass(agent.id(), grants.size() == 1 ? "its 1 grant used" : "all " + grants.size() + " grants used", refs);
        }
        String reason = unused.size() + " of " + Rules.count(grants.size(), "grant") + " unused (" + Formats.percent(share) + "): " + Rules.list(unused);
        if (Rules.atMost(share, passMax)) {
            return pass(agent.id(), reason, refs);
        }
        if (Rules.atMost(share, partialMax)) {
            return partial(agent.id(), 1 - share, reason, refs);
        }
        return fail(agent.id(), reason, refs);
    }
}
