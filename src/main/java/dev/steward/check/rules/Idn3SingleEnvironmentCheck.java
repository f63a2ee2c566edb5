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
 * IDN-3 (high, credential): a credential lives in one environment.
 *
 * <p>Environments are compared lower-case with {@code production} read as {@code prod}; aggregates without an
 * environment are ignored. FAIL when any aggregate naming the credential has an environment other than the declared
 * one (the reason names each foreign environment and its decision count). INSUFFICIENT_EVIDENCE when the credential
 * declares no environment. PASS otherwise, also without decisions in the window. NOT_APPLICABLE for an inactive
 * credential with no decisions in the window. No parameters.
 */
@ApplicationScoped
public class Idn3SingleEnvironmentCheck extends CredentialCheck {

    @Override
    public String id() {
        return "IDN-3";
    }

    @Override
    public String title() {
        return "Credential used in one environment";
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
        return "Issue a separate credential per environment and revoke the one used across environments.";
    }

    @Override
    protected CheckResult judge(CredentialRecord credential, Evidence evidence, Parameters parameters) {
        List<DecisionAggregate> decisions = evidence.decisionsOfCredential(credential.id());
        if (!credential.active(evidence.asOf()) && decisions.isEmpty()) {
            return inactive(credential, evidence);
        }
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.credential(credential, "environment " + credential.environment()));
        String declared = Rules.env(credential.environment());
        if (declared == null) {
            return insufficient(credential.id(), "credential declares no environment", refs);
        }
        TreeMap<String, List<DecisionAggregate>> foreign = new TreeMap<>();
        // a window's environment texts are shared instances, a few of them: normalise each run of one instance once
        String raw = null;
        String normal = null;
        boolean known = false;
        for (DecisionAggregate d : decisions) {
            if (!known || d.environment() != raw) {
                raw = d.environment();
                normal = Rules.env(raw);
                known = true;
            }
            if (normal != null && !normal.equals(declared)) {
                foreign.computeIfAbsent(normal, k -> new ArrayList<>()).add(d);
            }
        }
        if (foreign.isEmpty()) {
            if (!decisions.isEmpty()) {
                refs.add(Rules.decisions(decisions, "environment " + declared));
            }
            return pass(credential.id(), "declared " + declared + (decisions.isEmpty()
                    ? "; no decisions in the window" : "; every decision with an environment is in " + declared), refs);
        }
        List<String> uses = new ArrayList<>();
        foreign.forEach((env, aggs) -> {
            uses.add(env + " (" + Rules.count(Rules.sum(aggs, DecisionAggregate::count), "decision") + ")");
            refs.add(Rules.decisions(aggs, "environment " + env + ", declared " + declared));
        });
        return fail(credential.id(), "declared " + declared + " but used in " + Rules.list(uses), refs);
    }
}
