package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.PersonRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TPV-1 (medium, agent): a third-party (vendor) agent has an active internal owner and a recent review.
 *
 * <p>Applies to agents with a vendor; others are NOT_APPLICABLE, as are decommissioned agents. FAIL when the owner is
 * missing, not in a loaded people directory, or departed, or when lastReviewedAt is missing, older than
 * {@code maxReviewAgeDays} or after the as-of instant; the reason names every problem. INSUFFICIENT_EVIDENCE when
 * nothing fails but the owner cannot be resolved because no people directory is loaded. PASS otherwise (a review
 * exactly at the limit passes). Parameter maxReviewAgeDays (INTEGER, 180), resolved for the agent's environment.
 */
@ApplicationScoped
public class Tpv1VendorAgentGovernedCheck extends AgentCheck {

    static final String MAX_REVIEW_AGE_DAYS = "maxReviewAgeDays";

    @Override
    public String id() {
        return "TPV-1";
    }

    @Override
    public String title() {
        return "Vendor agent owned and reviewed";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.of(MAX_REVIEW_AGE_DAYS, ParameterSpec.Type.INTEGER, "180",
                "Maximum age in days of the last review of a vendor agent"));
    }

    @Override
    public String remediation() {
        return "Assign an active internal owner to the vendor agent and review its access and the vendor's terms.";
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.agent(agent, "vendor " + agent.vendor() + ", owner " + agent.owner() + ", lastReviewedAt "
                + Formats.at(agent.lastReviewedAt())));
        if (Rules.blank(agent.vendor())) {
            return notApplicable(agent.id(), "not a third-party agent (no vendor)", refs);
        }
        int maxDays = parameters.integer(MAX_REVIEW_AGE_DAYS, Rules.env(agent.environment()));
        List<String> problems = new ArrayList<>();
        String ownerOk = null;
        boolean unresolvable = false;
        if (Rules.blank(agent.owner())) {
            problems.add("no internal owner");
        } else if (evidence.people().isEmpty()) {
            unresolvable = true;
        } else {
            Optional<PersonRecord> owner = evidence.person(agent.owner());
            if (owner.isEmpty()) {
                problems.add("owner " + agent.owner() + " is not in the people directory");
            } else if (owner.get().departedBy(evidence.asOf())) {
                PersonRecord p = owner.get();
                problems.add("owner " + p.id() + " departed" + (p.departedAt() == null ? "" : " " + Rules.day(p.departedAt())));
                refs.add(Rules.person(p, "departed"));
            } else {
                ownerOk = "owner " + owner.get().id() + " active";
                refs.add(Rules.person(owner.get(), "owner of vendor agent " + agent.id()));
            }
        }
        String review;
        if (agent.lastReviewedAt() == null) {
            review = null;
            problems.add("never reviewed");
        } else {
            review = "reviewed " + Rules.day(agent.lastReviewedAt()) + ", " + Rules.age(agent.lastReviewedAt(), evidence.asOf())
                    + " (limit " + maxDays + " days)";
            if (!Rules.within(agent.lastReviewedAt(), evidence.asOf(), maxDays)) {
                problems.add("last " + review);
                review = null;
            }
        }
        String vendor = "vendor " + agent.vendor() + " agent: ";
        if (!problems.isEmpty()) {
            return fail(agent.id(), vendor + String.join("; ", problems), refs);
        }
        if (unresolvable) {
            return insufficient(agent.id(), vendor + "owner " + agent.owner() + " cannot be resolved: no people directory loaded", refs);
        }
        return pass(agent.id(), vendor + ownerOk + ", " + review, refs);
    }
}
