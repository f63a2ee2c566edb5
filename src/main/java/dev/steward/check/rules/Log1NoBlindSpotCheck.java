package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * LOG-1 (high, agent): an agent whose credentials were used in the window has decision logs in the window.
 *
 * <p>A credential the agent holds (active or not: one revoked mid-window may have been used before) counts as used in
 * the window when its lastUsedAt lies in [windowStart, asOf], or when an aggregate names it with no agent or with this
 * agent (an aggregate naming another agent is that agent's use). FAIL ("blind spot") when some credential was used
 * but no aggregate has the agent as principal; PASS when it has. NOT_APPLICABLE when none of its credentials was used
 * in the window (including when it holds none), and for decommissioned agents. No parameters.
 */
@ApplicationScoped
public class Log1NoBlindSpotCheck extends AgentCheck {

    @Override
    public String id() {
        return "LOG-1";
    }

    @Override
    public String title() {
        return "No logging blind spot";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public String remediation() {
        return "Send the authorization decisions of every system the agent's credentials reach to Steward, naming the agent.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        List<EvidenceRef> refs = new ArrayList<>();
        List<CredentialRecord> held = evidence.heldCredentials(agent.id());
        refs.add(Rules.agent(agent, "credentials " + Rules.list(CredentialRecord.ids(held))));
        List<String> used = new ArrayList<>();
        for (CredentialRecord c : held) {
            String id = c.id();
            boolean usedByDate = c.lastUsedAt() != null && !c.lastUsedAt().isBefore(evidence.windowStart())
                    && !c.lastUsedAt().isAfter(evidence.asOf());
            // the agent's own aggregates of the credential (or nobody's) only matter when its date does not show use
            long own = usedByDate ? 0 : evidence.decisionsOfCredential(id).stream()
                    .filter(d -> Rules.blank(d.agent()) || d.agent().equals(agent.id())).count();
            if (usedByDate || own > 0) {
                used.add(id + (usedByDate ? " (last used " + Rules.day(c.lastUsedAt()) + ")" : " (in " + Rules.count(own, "aggregate") + ")"));
                refs.add(Rules.credential(c, "lastUsedAt " + Formats.at(c.lastUsedAt())));
            }
        }
        if (used.isEmpty()) {
            return notApplicable(agent.id(), "none of the agent's credentials was used in the window", refs);
        }
        List<DecisionAggregate> decisions = evidence.decisionsOfPrincipal(agent.id());
        if (decisions.isEmpty()) {
            return fail(agent.id(), "blind spot: credentials used in the window (" + Rules.list(used)
                    + ") but no decision of the agent logged", refs);
        }
        refs.add(Rules.decisions(decisions, null));
        return pass(agent.id(), Rules.count(Rules.sum(decisions, DecisionAggregate::count), "decision") + " logged for credentials used in the window ("
                + Rules.list(used) + ")", refs);
    }
}
