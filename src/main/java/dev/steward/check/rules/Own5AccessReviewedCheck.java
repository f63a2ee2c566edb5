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
import java.util.Map;

/**
 * OWN-5 (medium, agent): the agent's access was reviewed recently.
 *
 * <p>PASS when {@code lastReviewedAt} lies within {@code maxReviewAgeDays} before the as-of instant, both ends
 * included (a review exactly 90 days old passes a 90-day limit). FAIL when never reviewed, when the review is older,
 * or when the review date is after the as-of instant (not evidence as of then). Parameter
 * {@code maxReviewAgeDays} (INTEGER, 180; prod default 90) is resolved for the agent's environment
 * ({@code production} counts as prod). Decommissioned agents: NOT_APPLICABLE.
 */
@ApplicationScoped
public class Own5AccessReviewedCheck extends AgentCheck {

    static final String MAX_REVIEW_AGE_DAYS = "maxReviewAgeDays";

    @Override
    public String id() {
        return "OWN-5";
    }

    @Override
    public String title() {
        return "Access reviewed recently";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec(MAX_REVIEW_AGE_DAYS, ParameterSpec.Type.INTEGER, "180", Map.of("prod", "90"),
                "Maximum age in days of the last access review"));
    }

    @Override
    public String remediation() {
        return "Have the owner review the agent's grants and credentials and record the review date.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        String env = Rules.env(agent.environment());
        int maxDays = parameters.integer(MAX_REVIEW_AGE_DAYS, env);
        String limit = "limit " + maxDays + " days" + (env == null ? "" : " for " + env);
        if (agent.lastReviewedAt() == null) {
            return fail(agent.id(), "access never reviewed (" + limit + ")", List.of(Rules.agent(agent, "lastReviewedAt missing")));
        }
        String review = "last review " + Rules.day(agent.lastReviewedAt()) + ", " + Rules.age(agent.lastReviewedAt(), evidence.asOf());
        List<EvidenceRef> refs = List.of(Rules.agent(agent, "lastReviewedAt " + Formats.at(agent.lastReviewedAt())));
        if (Rules.within(agent.lastReviewedAt(), evidence.asOf(), maxDays)) {
            return pass(agent.id(), review + " (" + limit + ")", refs);
        }
        return fail(agent.id(), review + " (" + limit + ")", refs);
    }
}
