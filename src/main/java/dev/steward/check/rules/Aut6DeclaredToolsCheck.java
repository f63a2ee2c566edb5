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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * AUT-6 (medium, agent): the agent calls only the tools it declares.
 *
 * <p>Called tools = the distinct non-null tools of the decisions whose principal is the agent (allowed and denied: a
 * denied call is still an attempt), compared case-insensitively with the declared tools. FAIL names each undeclared
 * tool with its decision count; PASS when every called tool is declared. INSUFFICIENT_EVIDENCE when the agent declares
 * no tools, or has no decision naming a tool in the window (nothing observed). Decommissioned agents:
 * NOT_APPLICABLE. No parameters.
 */
@ApplicationScoped
public class Aut6DeclaredToolsCheck extends AgentCheck {

    @Override
    public String id() {
        return "AUT-6";
    }

    @Override
    public String title() {
        return "Only declared tools are called";
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
        return "Block the undeclared tools in the agent's policy, or review and declare them in the inventory.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.agent(agent, "tools " + Rules.list(agent.tools())));
        if (agent.tools().isEmpty()) {
            return insufficient(agent.id(), "agent declares no tools", refs);
        }
        Set<String> declared = new HashSet<>();
        for (String t : agent.tools()) {
            declared.add(t.toLowerCase(Locale.ROOT));
        }
        List<DecisionAggregate> all = evidence.decisionsOfPrincipal(agent.id());
        // nearly always every decision names a tool: then the agent's own list, whose summary other checks share
        List<DecisionAggregate> withTool = Rules.filter(all, d -> d.tool() != null);
        if (withTool.isEmpty()) {
            return insufficient(agent.id(), "no decisions naming a tool in the window", refs);
        }
        TreeMap<String, List<DecisionAggregate>> undeclared = new TreeMap<>();
        for (DecisionAggregate d : withTool) {
            if (!declared.contains(d.tool().toLowerCase(Locale.ROOT))) {
                undeclared.computeIfAbsent(d.tool(), k -> new ArrayList<>()).add(d);
            }
        }
        if (undeclared.isEmpty()) {
            String tools = Rules.list(Rules.distinct(withTool, DecisionAggregate::tool));
            refs.add(Rules.decisions(withTool, "tools " + tools));
            return pass(agent.id(), "calls only declared tools: " + tools, refs);
        }
        List<String> described = new ArrayList<>();
        undeclared.forEach((tool, aggs) -> {
            described.add(tool + " (" + Rules.count(Rules.sum(aggs, DecisionAggregate::count), "decision") + ")");
            refs.add(Rules.decisions(aggs, "undeclared tool " + tool));
        });
        return fail(agent.id(), "calls " + Rules.count(undeclared.size(), "undeclared tool") + ": " + Rules.list(described), refs);
    }
}
