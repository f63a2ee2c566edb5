package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CRD-1 (high, credential): the credential's lifetime fits the autonomy of its holders.
 *
 * <p>Lifetime = expiresAt - createdAt, else ttlSeconds. Limit per holder: {@code maxLifetimeAutonomous} for an
 * autonomous holder, {@code maxLifetimeSupervised} for a supervised one, {@code maxLifetimeOther} otherwise
 * (human-in-the-loop, autonomy unknown, holder not inventoried); the strictest limit among the holders applies, and a
 * credential without holders gets {@code maxLifetimeOther}. FAIL when it never expires (no expiry and no TTL) or the
 * lifetime exceeds the limit; PASS when at most the limit (equal passes); INSUFFICIENT_EVIDENCE when it has an expiry
 * but no createdAt and no TTL (lifetime unknown). Inactive credentials: NOT_APPLICABLE.
 * Parameters (DURATION): maxLifetimeAutonomous PT1H, maxLifetimeSupervised PT24H, maxLifetimeOther P90D, resolved for
 * the credential's environment.
 */
@ApplicationScoped
public class Crd1CredentialLifetimeCheck extends CredentialCheck {

    static final String AUTONOMOUS = "maxLifetimeAutonomous";
    static final String SUPERVISED = "maxLifetimeSupervised";
    static final String OTHER = "maxLifetimeOther";

    @Override
    public String id() {
        return "CRD-1";
    }

    @Override
    public String title() {
        return "Short-lived credentials";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.of(AUTONOMOUS, ParameterSpec.Type.DURATION, "PT1H",
                        "Maximum lifetime for a credential of an autonomous agent"),
                ParameterSpec.of(SUPERVISED, ParameterSpec.Type.DURATION, "PT24H",
                        "Maximum lifetime for a credential of a supervised agent"),
                ParameterSpec.of(OTHER, ParameterSpec.Type.DURATION, "P90D", "Maximum lifetime for any other credential"));
    }

    @Override
    public String remediation() {
        return "Replace the credential with a short-lived, automatically renewed one (JIT lease, SVID or federated token).";
    }

    @Override
    protected CheckResult judge(CredentialRecord credential, Evidence evidence, Parameters parameters) {
        if (!credential.active(evidence.asOf())) {
            return inactive(credential, evidence);
        }
        String env = Rules.env(credential.environment());
        Duration limit = credential.holders().isEmpty() ? parameters.duration(OTHER, env) : null;
        String basis = "no holder";
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.credential(credential, "createdAt " + Formats.at(credential.createdAt())
                + ", expiresAt " + Formats.at(credential.expiresAt()) + ", ttlSeconds " + credential.ttlSeconds()));
        for (String holder : credential.holders()) {
            Optional<AgentRecord> agent = evidence.agent(holder);
            Autonomy autonomy = agent.map(AgentRecord::autonomy).orElse(null);
            Duration holderLimit = autonomy == Autonomy.AUTONOMOUS ? parameters.duration(AUTONOMOUS, env)
                    : autonomy == Autonomy.SUPERVISED ? parameters.duration(SUPERVISED, env)
                    : parameters.duration(OTHER, env);
            String holderBasis = agent.isEmpty() ? "holder " + holder + " not inventoried"
                    : autonomy == null ? "holder " + holder + " of unknown autonomy"
                    : autonomy.wire() + " holder " + holder;
            agent.ifPresent(a -> refs.add(Rules.agent(a, "autonomy " + (autonomy == null ? "unknown" : autonomy.wire()))));
            if (limit == null || holderLimit.compareTo(limit) < 0) {
                limit = holderLimit;
                basis = holderBasis;
            }
        }
        String limitText = "limit " + Rules.human(limit) + ", " + basis;
        Optional<Duration> lifetime = credential.lifetime();
        if (lifetime.isEmpty() && credential.expiresAt() != null) {
            return insufficient(credential.id(), "expires " + Rules.day(credential.expiresAt())
                    + " but the issue date (createdAt) is unknown, so the lifetime cannot be computed (" + limitText + ")", refs);
        }
        if (lifetime.isEmpty()) {
            return fail(credential.id(), "never expires: no expiresAt and no ttlSeconds (" + limitText + ")", refs);
        }
        if (lifetime.get().compareTo(limit) <= 0) {
            return pass(credential.id(), "lifetime " + Rules.human(lifetime.get()) + " within " + limitText, refs);
        }
        return fail(credential.id(), "lifetime " + Rules.human(lifetime.get()) + " exceeds " + limitText, refs);
    }
}
