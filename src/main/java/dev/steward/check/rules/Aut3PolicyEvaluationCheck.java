package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * AUT-3 (high, agent): decisions are made by a runtime policy.
 *
 * <p>Share = decisions that name the policy that decided them ({@code withPolicy}) / all decisions whose principal is
 * the agent in the window, allowed and denied, summed over the aggregates. PASS when the share is at least
 * {@code passMinShare} (exactly 99 % passes), PARTIAL with score = share when at least {@code partialMinShare}, FAIL
 * below. INSUFFICIENT_EVIDENCE without decisions. Decommissioned agents: NOT_APPLICABLE. Parameters: passMinShare
 * (DECIMAL, 0.99), partialMinShare (DECIMAL, 0.90), resolved for the agent's environment.
 */
@ApplicationScoped
public class Aut3PolicyEvaluationCheck extends AgentCheck {

    static final String PASS_MIN = "passMinShare";
    static final String PARTIAL_MIN = "partialMinShare";

    @Override
    public String id() {
        return "AUT-3";
    }

    @Override
    public String title() {
        return "Runtime policy evaluation";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.of(PASS_MIN, ParameterSpec.Type.DECIMAL, "0.99",
                        "Smallest share of decisions naming a policy that passes"),
                ParameterSpec.of(PARTIAL_MIN, ParameterSpec.Type.DECIMAL, "0.90",
                        "Smallest share of decisions naming a policy that is partly met"));
    }

    @Override
    public String remediation() {
        return "Route every action of the agent through the policy engine and log the deciding policy with each decision.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        return judgeShare(agent, evidence, parameters, DecisionAggregate::withPolicy, "name a policy", "name the deciding policy");
    }
}
