package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Parameters;
import dev.steward.check.SubjectType;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * A check whose subjects are the inventoried agents: one result per agent, in id order. A decommissioned agent gets
 * NOT_APPLICABLE ("agent decommissioned"): no agent check of the catalog is about decommissioned agents, and the
 * credentials they still hold are judged by LIF-1.
 */
public abstract class AgentCheck extends BaseCheck {

    @Override
    public SubjectType subjectType() {
        return SubjectType.AGENT;
    }

    @Override
    public List<CheckResult> evaluate(Evidence evidence, Parameters parameters) {
        List<CheckResult> results = new ArrayList<>();
        for (AgentRecord agent : evidence.subjectAgents()) {
            if (agent.decommissioned(evidence.asOf())) {
                results.add(notApplicable(agent.id(), Rules.decommissionedReason(agent),
                        List.of(Rules.agent(agent, "status " + agent.status()))));
            } else {
                results.add(judge(agent, evidence, parameters));
            }
        }
        return List.copyOf(results);
    }

    /**
     * AUT-3 and LOG-2: the share of the agent's decisions that meet a condition ({@code meeting} counts them per
     * aggregate), PASS at or above the {@code passMinShare} parameter, PARTIAL (score = the share) at or above
     * {@code partialMinShare}, else FAIL; INSUFFICIENT_EVIDENCE without decisions. The reason reads
     * "n of total decisions (p %) {@code what}".
     */
    protected CheckResult judgeShare(AgentRecord agent, Evidence evidence, Parameters parameters,
            java.util.function.ToLongFunction<DecisionAggregate> meeting, String noted, String what) {
        List<DecisionAggregate> decisions = evidence.decisionsOfPrincipal(agent.id());
        long total = Rules.sum(decisions, DecisionAggregate::count);
        if (total == 0) {
            return insufficient(agent.id(), "no decisions by the agent in the window", List.of(Rules.agent(agent, "no decisions")));
        }
        long met = Rules.sum(decisions, meeting);
        double share = (double) met / total;
        List<EvidenceRef> refs = List.of(Rules.agent(agent, "principal of the decisions"),
                Rules.decisions(decisions, met + " " + noted));
        String env = Rules.env(agent.environment());
        String reason = met + " of " + Rules.count(total, "decision") + " (" + Formats.percent(share) + ") " + what;
        if (Rules.atLeast(share, parameters.decimal("passMinShare", env))) {
            return pass(agent.id(), reason, refs);
        }
        if (Rules.atLeast(share, parameters.decimal("partialMinShare", env))) {
            return partial(agent.id(), share, reason, refs);
        }
        return fail(agent.id(), reason, refs);
    }

    /** The verdict on one agent that is not decommissioned. */
    protected abstract CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters);
}
