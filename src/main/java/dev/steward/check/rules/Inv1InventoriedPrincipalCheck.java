package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * INV-1 (critical, principal): every principal that acts in the decision logs is an inventoried agent.
 *
 * <p>Subjects: every principal of {@link Evidence#principals()}, i.e. the {@code agent} of a decision, else the sole
 * holder of its credential. PASS when the principal is an inventoried agent (also when that agent is decommissioned:
 * it is known, and LIF-1 judges its credentials). FAIL ("shadow agent") otherwise, with first and last seen, the
 * decision count and the tools it used. Decisions whose principal cannot be told (no agent and a credential that is
 * unknown or shared) have no subject here; IDN-2 reports shared credentials. No parameters.
 */
@ApplicationScoped
public class Inv1InventoriedPrincipalCheck extends BaseCheck {

    @Override
    public String id() {
        return "INV-1";
    }

    @Override
    public String title() {
        return "Every acting principal is an inventoried agent";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public SubjectType subjectType() {
        return SubjectType.PRINCIPAL;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public String remediation() {
        return "Add the principal to the agent inventory with an owner, or revoke the credentials it acts with.";
    }

    @Override
    public List<CheckResult> evaluate(Evidence evidence, Parameters parameters) {
        List<CheckResult> results = new ArrayList<>();
        for (String principal : evidence.principals()) {
            List<DecisionAggregate> aggregates = evidence.decisionsOfPrincipal(principal);
            String tools = Rules.list(Rules.distinct(aggregates, DecisionAggregate::tool));
            EvidenceRef decisions = Rules.decisions(aggregates, "tools " + tools);
            Optional<AgentRecord> agent = evidence.agent(principal);
            if (agent.isPresent()) {
                AgentRecord a = agent.get();
                String note = a.decommissioned(evidence.asOf()) ? " (" + Rules.decommissionedReason(a) + ")" : "";
                results.add(pass(principal, "inventoried agent " + principal + note,
                        List.of(Rules.agent(a, "inventoried"), decisions)));
            } else {
                long count = Rules.sum(aggregates, DecisionAggregate::count);
                List<EvidenceRef> refs = new ArrayList<>();
                refs.add(decisions);
                for (String credentialId : Rules.distinct(aggregates, DecisionAggregate::credential)) {
                    evidence.credential(credentialId)
                            .ifPresent(c -> refs.add(Rules.credential(c, "used by shadow agent " + principal)));
                }
                results.add(fail(principal, "shadow agent " + principal + " is not in the inventory: "
                        + Rules.count(count, "decision") + ", first seen " + Rules.firstSeen(aggregates) + ", last seen "
                        + Rules.lastSeen(aggregates) + ", tools " + tools, refs));
            }
        }
        return List.copyOf(results);
    }
}
