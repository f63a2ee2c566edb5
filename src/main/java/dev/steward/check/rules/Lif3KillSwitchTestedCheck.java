package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * LIF-3 (high, agent): an agent with an active credential has a kill switch (revocation method) that was tested
 * within {@code maxKillSwitchTestAgeDays}.
 *
 * <p>NOT_APPLICABLE when the agent holds no active credential (nothing to cut off) or is decommissioned. FAIL when no
 * kill switch method is defined. PARTIAL 0.5 when it is defined but never tested, tested longer ago than the limit,
 * or the test date is after the as-of instant. PASS when tested within the limit (both ends included). Parameter
 * {@code maxKillSwitchTestAgeDays} (INTEGER, 180), resolved for the agent's environment.
 */
@ApplicationScoped
public class Lif3KillSwitchTestedCheck extends AgentCheck {

    static final String MAX_TEST_AGE_DAYS = "maxKillSwitchTestAgeDays";

    @Override
    public String id() {
        return "LIF-3";
    }

    @Override
    public String title() {
        return "Kill switch defined and tested";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.of(MAX_TEST_AGE_DAYS, ParameterSpec.Type.INTEGER, "180",
                "Maximum age in days of the last kill switch test"));
    }

    @Override
    public String remediation() {
        return "Define how to revoke the agent's access at once, test it, and record the test date.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        List<String> active = new ArrayList<>();
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.agent(agent, "killSwitch.method " + agent.killSwitchMethod() + ", testedAt " + agent.killSwitchTestedAt()));
        for (CredentialRecord c : evidence.heldCredentials(agent.id())) {
            if (c.active(evidence.asOf())) {
                active.add(c.id());
                refs.add(Rules.credential(c, "active, held by " + agent.id()));
            }
        }
        if (active.isEmpty()) {
            return notApplicable(agent.id(), "agent holds no active credential", refs);
        }
        if (Rules.blank(agent.killSwitchMethod())) {
            return fail(agent.id(), "no kill switch (revocation method) defined; active credentials " + Rules.list(active), refs);
        }
        int maxDays = parameters.integer(MAX_TEST_AGE_DAYS, Rules.env(agent.environment()));
        String method = "kill switch '" + agent.killSwitchMethod() + "'";
        if (agent.killSwitchTestedAt() == null) {
            return partial(agent.id(), 0.5, method + " defined but never tested", refs);
        }
        String tested = method + " last tested " + Rules.day(agent.killSwitchTestedAt()) + ", "
                + Rules.age(agent.killSwitchTestedAt(), evidence.asOf()) + " (limit " + maxDays + " days)";
        if (Rules.within(agent.killSwitchTestedAt(), evidence.asOf(), maxDays)) {
            return pass(agent.id(), tested, refs);
        }
        return partial(agent.id(), 0.5, tested, refs);
    }
}
