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
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AUT-2 (high, agent): no wildcard or administrative grant.
 *
 * <p>Looks at the agent's declared grants and at the scopes of the active credentials it holds. Each entry of
 * {@code adminPatterns} is matched case-insensitively: the entry {@code *} flags any grant that contains a
 * {@code *} wildcard ({@code *}, {@code erp:*}, {@code s3:Get*}); any other entry is a glob ({@code *} = any
 * characters) that flags a grant when it matches the whole grant or one of its segments (the grant split at every
 * character that is not a letter, digit or {@code *}), so {@code admin} flags {@code erp:admin} and
 * {@code cluster-admin} but not {@code erp:administrators}. FAIL names every flagged grant and the pattern it matched;
 * PASS otherwise; INSUFFICIENT_EVIDENCE when the agent has neither grants nor active credential scopes.
 * Decommissioned agents: NOT_APPLICABLE. Parameter adminPatterns (LIST, "*,admin,root,owner"), resolved for the
 * agent's environment.
 */
@ApplicationScoped
public class Aut2NoAdminGrantCheck extends AgentCheck {

    static final String PATTERNS = "adminPatterns";

    @Override
    public String id() {
        return "AUT-2";
    }

    @Override
    public String title() {
        return "No wildcard or administrative grant";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.of(PATTERNS, ParameterSpec.Type.LIST, "*,admin,root,owner",
                "Grant patterns that count as wildcard or administrative"));
    }

    @Override
    public String remediation() {
        return "Replace wildcard and administrative grants with the specific permissions the agent needs.";
    }

    /** The first pattern that flags the grant, if any (see the class documentation for the matching rule). */
    static Optional<String> matchingPattern(String grant, List<String> patterns) {
        for (String pattern : patterns) {
            if ("*".equals(pattern)) {
                if (grant.contains("*")) {
                    return Optional.of(pattern);
                }
                continue;
            }
            Pattern glob = Rules.glob(pattern);
            if (glob.matcher(grant).matches()) {
                return Optional.of(pattern);
            }
            for (String segment : grant.split("[^\\p{Alnum}*]+")) {
                if (!segment.isEmpty() && glob.matcher(segment).matches()) {
                    return Optional.of(pattern);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    protected CheckResult judge(AgentRecord agent, Evidence evidence, Parameters parameters) {
        List<String> patterns = parameters.list(PATTERNS, Rules.env(agent.environment()));
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.agent(agent, "grants " + Rules.list(agent.grants())));
        List<String> flagged = new ArrayList<>();
        int examined = 0;
        for (String grant : agent.grants()) {
            examined++;
            Optional<String> hit = matchingPattern(grant, patterns);
            if (hit.isPresent()) {
                flagged.add(grant + " (matches " + hit.get() + ")");
                refs.add(Rules.grant(agent, grant, "granted to " + agent.id() + ", matches " + hit.get()));
            }
        }
        for (String id : evidence.credentialsHeldBy(agent.id())) {
            CredentialRecord c = evidence.credentials().get(id);
            if (!c.active(evidence.asOf())) {
                continue;
            }
            for (String scope : c.scopes()) {
                examined++;
                Optional<String> hit = matchingPattern(scope, patterns);
                if (hit.isPresent()) {
                    flagged.add("scope " + scope + " of " + c.id() + " (matches " + hit.get() + ")");
                    refs.add(Rules.credential(c, "scope " + scope + " matches " + hit.get()));
                }
            }
        }
        if (examined == 0) {
            return insufficient(agent.id(), "agent declares no grants and holds no active credential with scopes", refs);
        }
        if (flagged.isEmpty()) {
            return pass(agent.id(), "no wildcard or administrative grant among " + examined + " grants and scopes", refs);
        }
        return fail(agent.id(), flagged.size() + " wildcard or administrative grants: " + Rules.list(flagged), refs);
    }
}
