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
import java.util.Locale;

/**
 * IDN-1 (high, agent): the agent has its own cryptographic or federated workload identity.
 *
 * <p>PASS when {@code identity.type} is one of {@code acceptedIdentityTypes} (case-insensitive). FAIL when the type
 * is missing or anything else (api-key, shared-secret, none, ...). Decommissioned agents: NOT_APPLICABLE. Parameter
 * {@code acceptedIdentityTypes} (LIST, "spiffe,oidc,mtls,cloud-role"), resolved for the agent's environment.
 */
@ApplicationScoped
public class Idn1WorkloadIdentityCheck extends AgentCheck {

    static final String ACCEPTED = "acceptedIdentityTypes";

    @Override
    public String id() {
        return "IDN-1";
    }

    @Override
    public String title() {
        return "Own workload identity";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.of(ACCEPTED, ParameterSpec.Type.LIST, "spiffe,oidc,mtls,cloud-role",
                "Identity types that count as a cryptographic or federated workload identity"));
    }

    @Override
    public String remediation() {
        return "Give the agent its own workload identity (SPIFFE, OIDC federation, mTLS or a cloud role) instead of a static key.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        List<String> accepted = parameters.list(ACCEPTED, Rules.env(agent.environment())).stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<EvidenceRef> refs = List.of(Rules.agent(agent, "identity.type " + agent.identityType() + ", identity.id " + agent.identityId()));
        if (Rules.blank(agent.identityType())) {
            return fail(agent.id(), "no workload identity declared (accepted: " + Rules.list(accepted) + ")", refs);
        }
        String type = agent.identityType().trim().toLowerCase(Locale.ROOT);
        if (accepted.contains(type)) {
            return pass(agent.id(), "workload identity " + type + (Rules.blank(agent.identityId()) ? "" : " " + agent.identityId()), refs);
        }
        return fail(agent.id(), "identity type " + type + " is not a workload identity (accepted: " + Rules.list(accepted) + ")", refs);
    }
}
