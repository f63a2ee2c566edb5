package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * IDN-2 (critical, credential): a credential belongs to one agent.
 *
 * <p>FAIL when the declared holders are not exactly one (none, or shared by several), or when a decision aggregate
 * of the window names the credential with an {@code agent} other than that holder (allowed or denied: presenting the
 * credential is use). Aggregates without an agent are attributed to the sole holder. PASS otherwise, also when the
 * credential has no decisions in the window. NOT_APPLICABLE for an inactive credential with no decisions in the
 * window (nothing to share any more); an inactive credential that still shows up in the logs is judged. No
 * parameters.
 */
@ApplicationScoped
public class Idn2SingleHolderCheck extends CredentialCheck {

    @Override
    public String id() {
        return "IDN-2";
    }

    @Override
    public String title() {
        return "Credential held and used by one agent";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public String remediation() {
        return "Issue one credential per agent and revoke the shared one.";
    }

    @Override
    protected CheckResult judge(CredentialRecord credential, Evidence evidence, Parameters parameters) {
        List<DecisionAggregate> decisions = evidence.decisionsOfCredential(credential.id());
        if (!credential.active(evidence.asOf()) && decisions.isEmpty()) {
            return inactive(credential, evidence);
        }
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.credential(credential, "holders " + Rules.list(credential.holders())));
        if (credential.holders().isEmpty()) {
            return fail(credential.id(), "no holder declared", refs);
        }
        if (credential.holders().size() > 1) {
            if (!decisions.isEmpty()) {
                refs.add(Rules.decisions(decisions, "agents " + Rules.list(Rules.distinct(decisions, DecisionAggregate::agent))));
            }
            return fail(credential.id(), "shared by " + credential.holders().size() + " agents: " + Rules.list(credential.holders()), refs);
        }
        String holder = credential.holders().get(0);
        TreeMap<String, List<DecisionAggregate>> others = new TreeMap<>();
        for (DecisionAggregate d : decisions) {
            if (d.agent() != null && !d.agent().equals(holder) && !d.agent().isBlank()) {
                others.computeIfAbsent(d.agent(), k -> new ArrayList<>()).add(d);
            }
        }
        if (others.isEmpty()) {
            if (!decisions.isEmpty()) {
                refs.add(Rules.decisions(decisions, "all by " + holder));
            }
            return pass(credential.id(), "held by " + holder + " only; " + (decisions.isEmpty()
                    ? "no decisions in the window" : Rules.count(Rules.sum(decisions, DecisionAggregate::count), "decision") + ", all by " + holder), refs);
        }
        List<String> users = new ArrayList<>();
        others.forEach((agent, aggs) -> {
            users.add(agent + " (" + Rules.count(Rules.sum(aggs, DecisionAggregate::count), "decision") + ")");
            refs.add(Rules.decisions(aggs, "used by " + agent + ", declared holder " + holder));
        });
        return fail(credential.id(), "declared holder " + holder + " but also used by " + Rules.list(users), refs);
    }
}
