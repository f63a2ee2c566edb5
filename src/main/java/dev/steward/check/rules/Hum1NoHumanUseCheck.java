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
import java.util.regex.Pattern;

/**
 * HUM-1 (high, credential): no human use of a non-human credential.
 *
 * <p>A decision is human when its client is marked interactive or its user agent matches
 * {@code browserUserAgentPattern}; the decision aggregation counts those in {@code human} (see
 * {@link #humanClient}). FAIL when any aggregate naming the credential has human &gt; 0 (the reason gives the count,
 * the days and the tools); PASS when it has decisions and none is human. NOT_APPLICABLE when no decision names the
 * credential in the window (nothing to judge; LOG-1 reports unlogged use), whether active or not. Parameter
 * browserUserAgentPattern (STRING, "(?i)mozilla/"): the regular expression the aggregation applies to user agents;
 * declared here so it is configured with the check.
 */
@ApplicationScoped
public class Hum1NoHumanUseCheck extends CredentialCheck {

    static final String BROWSER_PATTERN = "browserUserAgentPattern";

    @Override
    public String id() {
        return "HUM-1";
    }

    @Override
    public String title() {
        return "No human use of a non-human credential";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.of(BROWSER_PATTERN, ParameterSpec.Type.STRING, "(?i)mozilla/",
                "Regular expression for user agents that mark a decision as made from a browser"));
    }

    @Override
    public String remediation() {
        return "Rotate the credential, give the person their own identity, and bind the credential to the agent's workload.";
    }

    /**
     * Whether a decision's client marks human use: interactive, or a user agent matched (find) by the browser pattern.
     * The decision aggregation uses this to fill {@link DecisionAggregate#human()}.
     */
    public static boolean humanClient(Boolean interactive, String userAgent, Pattern browserUserAgent) {
        return Boolean.TRUE.equals(interactive) || (userAgent != null && browserUserAgent.matcher(userAgent).find());
    }

    @Override
    protected CheckResult judge(CredentialRecord credential, Evidence evidence, Parameters parameters) {
        List<DecisionAggregate> decisions = evidence.decisionsOfCredential(credential.id());
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.credential(credential, "type " + credential.type() + ", holders " + Rules.list(credential.holders())));
        if (decisions.isEmpty()) {
            return notApplicable(credential.id(), "no decisions with the credential in the window", refs);
        }
        List<DecisionAggregate> human = Rules.filter(decisions, d -> d.human() > 0);
        if (human.isEmpty()) {
            refs.add(Rules.decisions(decisions, "none interactive or from a browser"));
            long all = Rules.sum(decisions, DecisionAggregate::count);
            return pass(credential.id(), (all == 1 ? "the 1 decision is not" : "none of " + all + " decisions is")
                    + " interactive or from a browser", refs);
        }
        long count = Rules.sum(human, DecisionAggregate::human);
        refs.add(Rules.decisions(human, Rules.count(count, "interactive or browser decision")));
        return fail(credential.id(), Rules.count(count, "decision") + " made interactively or from a browser, "
                + Rules.firstSeen(human) + ".." + Rules.lastSeen(human) + ", tools "
                + Rules.list(Rules.distinct(human, DecisionAggregate::tool)), refs);
    }
}
