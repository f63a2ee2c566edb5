package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.PersonRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * OWN-2 (high, agent): the owner is active.
 *
 * <p>FAIL when the owner has departed by the as-of instant (departedAt at or before it, or status departed without a
 * date): the agent is orphaned; the reason names the departure date. PASS when the owner is in the directory and not
 * departed (a departure dated after the as-of instant is announced, not yet effective; the reason says so).
 * NOT_APPLICABLE when there is no owner or the owner is not in the directory (OWN-1 reports that). Decommissioned
 * agents: NOT_APPLICABLE. No parameters.
 */
@ApplicationScoped
public class Own2OwnerActiveCheck extends AgentCheck {

    @Override
    public String id() {
        return "OWN-2";
    }

    @Override
    public String title() {
        return "Agent owner is active (no orphaned agent)";
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
        return "Assign an active owner to the orphaned agent, or decommission it and revoke its credentials.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        if (Rules.blank(agent.owner())) {
            return notApplicable(agent.id(), "no owner set (OWN-1 reports it)", List.of(Rules.agent(agent, "owner missing")));
        }
        Optional<PersonRecord> owner = evidence.person(agent.owner());
        if (owner.isEmpty()) {
            return notApplicable(agent.id(), "owner " + agent.owner() + " is not in the people directory (OWN-1 reports it)",
                    List.of(Rules.agent(agent, "owner " + agent.owner())));
        }
        PersonRecord p = owner.get();
        if (p.departedBy(evidence.asOf())) {
            String when = p.departedAt() == null ? "is marked departed (no date)" : "departed " + Rules.day(p.departedAt());
            return fail(agent.id(), "owner " + p.id() + " " + when + ": agent is orphaned",
                    List.of(Rules.agent(agent, "owner " + p.id()), Rules.person(p, when)));
        }
        String note = p.departedAt() != null ? " (departure announced for " + Rules.day(p.departedAt()) + ")" : "";
        return pass(agent.id(), "owner " + p.id() + " is active" + note,
                List.of(Rules.agent(agent, "owner " + p.id()), Rules.person(p, "status " + p.status())));
    }
}
