package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * OWN-4 (medium, agent): monitoring and an incident trigger are defined.
 *
 * <p>Monitoring = a non-blank {@code monitoring.alertChannel}; incident response = a non-blank
 * {@code monitoring.incidentTrigger} or {@code monitoring.runbook}. PASS when both are defined, PARTIAL with score 0.5
 * when exactly one is (the reason names the missing one), FAIL when neither is. Decommissioned agents:
 * NOT_APPLICABLE. No parameters.
 */
@ApplicationScoped
public class Own4MonitoringDefinedCheck extends AgentCheck {

    @Override
    public String id() {
        return "OWN-4";
    }

    @Override
    public String title() {
        return "Monitoring and incident trigger defined";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public String remediation() {
        return "Record the agent's alert channel and its incident trigger or runbook in the inventory.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        boolean monitoring = !Rules.blank(agent.alertChannel());
        boolean incident = !Rules.blank(agent.incidentTrigger()) || !Rules.blank(agent.runbook());
        String detail = "alertChannel " + agent.alertChannel() + ", incidentTrigger " + agent.incidentTrigger()
                + ", runbook " + agent.runbook();
        List<EvidenceRef> refs = List.of(Rules.agent(agent, detail));
        if (monitoring && incident) {
            return pass(agent.id(), "alert channel " + agent.alertChannel() + " and incident "
                    + (Rules.blank(agent.incidentTrigger()) ? "runbook " + agent.runbook() : "trigger " + agent.incidentTrigger())
                    + " defined", refs);
        }
        if (monitoring) {
            return partial(agent.id(), 0.5, "alert channel " + agent.alertChannel()
                    + " defined but no incident trigger or runbook", refs);
        }
        if (incident) {
            return partial(agent.id(), 0.5, "incident trigger or runbook defined but no alert channel", refs);
        }
        return fail(agent.id(), "no alert channel and no incident trigger or runbook defined", refs);
    }
}
