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
 * LOG-2 (medium, agent): decision records are complete.
 *
 * <p>Share = decisions with tool, action, resource and trigger all present ({@code complete}) / all decisions whose
 * principal is the agent in the window, summed over the aggregates. PASS when at least {@code passMinShare} (exactly
 * 99 % passes), PARTIAL with score = share when at least {@code partialMinShare}, FAIL below. INSUFFICIENT_EVIDENCE
 * without decisions. Decommissioned agents: NOT_APPLICABLE. Parameters: passMinShare (DECIMAL, 0.99),
 * partialMinShare (DECIMAL, 0.90), resolved for the agent's environment.
 */
@ApplicationScoped
public class Log2CompleteRecordsCheck extends AgentCheck {

    static final String PASS_MIN = "passMinShare";
    static final String PARTIAL_MIN = "partialMinShare";

    @Override
    public String id() {
        return "LOG-2";
    }

    @Override
    public String title() {
        return "Complete decision records";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.of(PASS_MIN, ParameterSpec.Type.DECIMAL, "0.99",
                        "Smallest share of complete decision records that passes"),
                ParameterSpec.of(PARTIAL_MIN, ParameterSpec.Type.DECIMAL, "0.90",
                        "Smallest share of complete decision records that is partly met"));
    }

    @Override
    public String remediation() {
        return "Log tool, action, resource and the triggering task or prompt reference with every decision of the agent.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        return judgeShare(agent, evidence, parameters, DecisionAggregate::complete, "complete", "have tool, action, resource and trigger");
    }
}
