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
 * OWN-3 (low, agent): a backup owner is set, active, and not the owner.
 *
 * <p>FAIL when no backup owner is set, when it is the owner, when it is not in a loaded people directory, or when it
 * departed by the as-of instant. INSUFFICIENT_EVIDENCE when a distinct backup owner is set but no people directory is
 * loaded. PASS otherwise. Decommissioned agents: NOT_APPLICABLE. No parameters.
 */
@ApplicationScoped
public class Own3BackupOwnerCheck extends AgentCheck {

    @Override
    public String id() {
        return "OWN-3";
    }

    @Override
    public String title() {
        return "Active backup owner distinct from the owner";
    }

    @Override
    public Severity severity() {
        return Severity.LOW;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public String remediation() {
        return "Name an active person other than the owner as the agent's backup owner.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        String backup = agent.backupOwner();
        if (Rules.blank(backup)) {
            return fail(agent.id(), "no backup owner set", List.of(Rules.agent(agent, "backupOwner missing")));
        }
        if (backup.equals(agent.owner())) {
            return fail(agent.id(), "backup owner " + backup + " is also the owner",
                    List.of(Rules.agent(agent, "owner and backupOwner " + backup)));
        }
        if (evidence.people().isEmpty()) {
            return insufficient(agent.id(), "backup owner " + backup + " cannot be resolved: no people directory loaded",
                    List.of(Rules.agent(agent, "backupOwner " + backup)));
        }
        Optional<PersonRecord> person = evidence.person(backup);
        if (person.isEmpty()) {
            return fail(agent.id(), "backup owner " + backup + " is not in the people directory",
                    List.of(Rules.agent(agent, "backupOwner " + backup)));
        }
        PersonRecord p = person.get();
        if (p.departedBy(evidence.asOf())) {
            String when = p.departedAt() == null ? "is marked departed (no date)" : "departed " + Rules.day(p.departedAt());
            return fail(agent.id(), "backup owner " + p.id() + " " + when,
                    List.of(Rules.agent(agent, "backupOwner " + p.id()), Rules.person(p, when)));
        }
        return pass(agent.id(), "backup owner " + p.id() + " is active and distinct from owner " + agent.owner(),
                List.of(Rules.agent(agent, "backupOwner " + p.id()), Rules.person(p, "status " + p.status())));
    }
}
