package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * AUT-4 (high, agent): every allowed high-risk action carries an approval reference.
 *
 * <p>Looks at the allowed aggregates whose principal is the agent. An aggregate whose action matches one of
 * {@code highRiskActionPatterns} (case-insensitive globs, {@code *} = any characters, matched against the whole
 * action) counts all its decisions as high-risk and its {@code approved} as approvals; any other aggregate counts
 * its {@code highRisk} (risk = high) decisions and their {@code highRiskApproved}. No decision is counted twice.
 * Score = approved / high-risk: PASS at 1, FAIL at 0, PARTIAL in between. NOT_APPLICABLE without allowed high-risk
 * decisions, and for decommissioned agents. The reason names the actions lacking approvals. Parameter
 * highRiskActionPatterns (LIST, "" = none), resolved for the agent's environment.
 */
@ApplicationScoped
public class Aut4HighRiskApprovalCheck extends AgentCheck {

    static final String PATTERNS = "highRiskActionPatterns";

    @Override
    public String id() {
        return "AUT-4";
    }

    @Override
    public String title() {
        return "High-risk actions approved";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.of(PATTERNS, ParameterSpec.Type.LIST, "",
                "Action patterns (glob, * wildcard) that are high-risk whatever the logged risk"));
    }

    @Override
    public String remediation() {
        return "Require a recorded human approval before the policy allows a high-risk action of this agent.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        Pattern[] patterns = Globs.of(parameters.list(PATTERNS, Rules.env(agent.environment())));
        long total = 0;
        long approved = 0;
        List<DecisionAggregate> highRisk = new ArrayList<>();
        List<DecisionAggregate> missing = new ArrayList<>();
        TreeSet<String> missingActions = new TreeSet<>();
        for (DecisionAggregate d : evidence.decisionsOfPrincipal(agent.id())) {
            if (!d.allowed()) {
                continue;
            }
            boolean byPattern = d.action() != null && Globs.matchesAny(patterns, d.action());
            long rowTotal = byPattern ? d.count() : d.highRisk();
            long rowApproved = Math.min(rowTotal, byPattern ? d.approved() : d.highRiskApproved());
            if (rowTotal == 0) {
                continue;
            }
            total += rowTotal;
            approved += rowApproved;
            highRisk.add(d);
            if (rowApproved < rowTotal) {
                missing.add(d);
                missingActions.add(d.action() == null ? "(no action)" : d.action());
            }
        }
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.agent(agent, "principal of the decisions"));
        if (total == 0) {
            return notApplicable(agent.id(), "no allowed high-risk decision in the window", refs);
        }
        refs.add(Rules.decisions(highRisk, total + " high-risk, " + approved + " with an approval reference"));
        for (int i = 0; i < missing.size() && i < 20; i++) {
            DecisionAggregate d = missing.get(i);
            refs.add(Rules.decisions(List.of(d), "action " + d.action() + " without approval"));
        }
        double score = (double) approved / total;
        if (approved == total) {
            return pass(agent.id(), (total == 1 ? "the 1 allowed high-risk decision carries" : "all " + total
                    + " allowed high-risk decisions carry") + " an approval reference", refs);
        }
        String reason = (total - approved) + " of " + Rules.count(total, "allowed high-risk decision") + " lack an approval reference (actions "
                + Rules.list(missingActions) + ")";
        return approved == 0 ? fail(agent.id(), reason, refs) : partial(agent.id(), score, reason, refs);
    }
}
