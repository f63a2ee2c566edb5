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
 * OWN-1 (high, agent): the agent has an owner who resolves to a person in the people directory.
 *
 * <p>FAIL when no owner is set, or when the owner id is not in a loaded directory. INSUFFICIENT_EVIDENCE when an
 * owner is set but no people directory is loaded at all (nothing to resolve against). PASS when the owner resolves,
 * whatever that person's status: a departed owner is OWN-2's finding. Decommissioned agents: NOT_APPLICABLE. No
 * parameters.
 */
@ApplicationScoped
public class Own1OwnerResolvesCheck extends AgentCheck {

    @Override
    public String id() {
        return "OWN-1";
    }

    @Override
    public String title() {
        return "Agent owner resolves to a person";
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
        return "Set the agent's owner to the directory id of the person accountable for it.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        if (Rules.blank(agent.owner())) {
            return fail(agent.id(), "no owner set", List.of(Rules.agent(agent, "owner missing")));
        }
        if (evidence.people().isEmpty()) {
            return insufficient(agent.id(), "owner " + agent.owner() + " cannot be resolved: no people directory loaded",
                    List.of(Rules.agent(agent, "owner " + agent.owner())));
        }
        Optional<PersonRecord> owner = evidence.person(agent.owner());
        if (owner.isEmpty()) {
            return fail(agent.id(), "owner " + agent.owner() + " is not in the people directory",
                    List.of(Rules.agent(agent, "owner " + agent.owner())));
        }
        PersonRecord p = owner.get();
        return pass(agent.id(), "owner " + p.id() + (Rules.blank(p.name()) ? "" : " (" + p.name() + ")")
                + " is in the people directory",
                List.of(Rules.agent(agent, "owner " + p.id()), Rules.person(p, "owner of " + agent.id())));
    }
}
