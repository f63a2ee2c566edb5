package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.Parameters;
import dev.steward.check.SubjectType;
import dev.steward.evidence.AgentRecord;
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
        for (AgentRecord agent : evidence.agents().values()) {
            if (agent.decommissioned(evidence.asOf())) {
                results.add(notApplicable(agent.id(), Rules.decommissionedReason(agent),
                        List.of(Rules.agent(agent, "status " + agent.status()))));
            } else {
                results.add(judge(agent, evidence, parameters));
            }
        }
        return List.copyOf(results);
    }

    /** The verdict on one agent that is not decommissioned. */
    protected abstract CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters);
}
