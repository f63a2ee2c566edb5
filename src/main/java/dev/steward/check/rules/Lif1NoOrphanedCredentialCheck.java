package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.PersonRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LIF-1 (critical, credential): no active credential is held by a decommissioned agent, or by an agent whose owner
 * departed more than {@code ownerDepartureGraceDays} ago.
 *
 * <p>Only active credentials are judged; inactive ones are NOT_APPLICABLE. For each declared holder: FAIL when the
 * holder is decommissioned at the as-of instant, or its owner's departedAt plus the grace lies strictly before the
 * as-of instant (departed exactly 7 days ago is still within a 7-day grace). Every such holder is named.
 * INSUFFICIENT_EVIDENCE (when nothing fails) when the credential declares no holder, a holder is not in the
 * inventory, or a holder's owner is marked departed without a date. PASS otherwise; an owner that is missing or not
 * in the directory does not fail this check (OWN-1 reports it). Parameter {@code ownerDepartureGraceDays} (INTEGER,
 * 7), resolved for the credential's environment.
 */
@ApplicationScoped
public class Lif1NoOrphanedCredentialCheck extends CredentialCheck {

    static final String GRACE_DAYS = "ownerDepartureGraceDays";

    @Override
    public String id() {
        return "LIF-1";
    }

    @Override
    public String title() {
        return "No active credential held by a decommissioned or orphaned agent";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.of(GRACE_DAYS, ParameterSpec.Type.INTEGER, "7",
                "Days after the owner's departure before the agent's credentials must be revoked or reassigned"));
    }

    @Override
    public String remediation() {
        return "Revoke the credential, or reassign the holder to an active owner first if it must keep running.";
    }

    @Override
    protected CheckResult judge(CredentialRecord credential, Evidence evidence, Parameters parameters) {
        if (!credential.active(evidence.asOf())) {
            return inactive(credential, evidence);
        }
        int graceDays = parameters.integer(GRACE_DAYS, Rules.env(credential.environment()));
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.credential(credential, "active, holders " + Rules.list(credential.holders())));
        if (credential.holders().isEmpty()) {
            return insufficient(credential.id(), "active credential declares no holder", refs);
        }
        List<String> failures = new ArrayList<>();
        List<String> unknowns = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String holder : credential.holders()) {
            Optional<AgentRecord> found = evidence.agent(holder);
            if (found.isEmpty()) {
                unknowns.add("holder " + holder + " is not in the inventory");
                continue;
            }
            AgentRecord agent = found.get();
            if (agent.decommissioned(evidence.asOf())) {
                failures.add("held by decommissioned agent " + holder
                        + (agent.decommissionedAt() == null ? "" : " (decommissioned " + Rules.day(agent.decommissionedAt()) + ")"));
                refs.add(Rules.agent(agent, Rules.decommissionedReason(agent)));
            }
            Optional<PersonRecord> owner = evidence.person(agent.owner());
            if (owner.isEmpty() || !owner.get().departedBy(evidence.asOf())) {
                continue;
            }
            PersonRecord p = owner.get();
            if (p.departedAt() == null) {
                unknowns.add("owner " + p.id() + " of " + holder + " is marked departed without a date");
                refs.add(Rules.person(p, "departed, no date"));
            } else if (p.departedAt().plus(Duration.ofDays(graceDays)).isBefore(evidence.asOf())) {
                failures.add("owner " + p.id() + " of " + holder + " departed " + Rules.day(p.departedAt()) + ", "
                        + Rules.age(p.departedAt(), evidence.asOf()) + " (grace " + graceDays + " days)");
                refs.add(Rules.agent(agent, "owner " + p.id()));
                refs.add(Rules.person(p, "departed " + Rules.day(p.departedAt())));
            } else {
                notes.add("owner " + p.id() + " of " + holder + " departed " + Rules.day(p.departedAt())
                        + ", within the " + graceDays + "-day grace");
                refs.add(Rules.person(p, "departed " + Rules.day(p.departedAt())));
            }
        }
        if (!failures.isEmpty()) {
            return fail(credential.id(), "active credential " + String.join("; ", failures), refs);
        }
        if (!unknowns.isEmpty()) {
            return insufficient(credential.id(), String.join("; ", unknowns), refs);
        }
        String reason = "holders " + Rules.list(credential.holders()) + " are not decommissioned and no owner departed more than "
                + graceDays + " days ago";
        return pass(credential.id(), notes.isEmpty() ? reason : reason + "; " + String.join("; ", notes), refs);
    }
}
