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
import java.util.regex.Matcher;
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
        return Optional.ofNullable(Compiled.of(patterns).match(grant));
    }

    /**
     * The patterns of one parameter value, compiled once: a glob per entry with {@code *}, and for an entry without
     * one its text with ASCII letters in lower case (a literal matches only a text of the same length, compared char
     * by char as the glob's case-insensitive regex compares: ASCII letters in either case, every other char exactly;
     * a {@link java.util.regex.Matcher} per grant and segment was 0.3 GB of a 10M-decision run's allocations).
     * Compiling each glob and splitting each grant with a regex per subject was 12 % of a 100k-agent assessment, so a
     * value is compiled once ({@link PerValue}).
     */
    private static final class Compiled {

        private static final PerValue<Compiled> CACHE = new PerValue<>(Compiled::compile);

        private final List<String> patterns;
        private final Pattern[] globs;
        private final String[] literals;

        private Compiled(List<String> patterns, Pattern[] globs, String[] literals) {
            this.patterns = patterns;
            this.globs = globs;
            this.literals = literals;
        }

        static Compiled of(List<String> patterns) {
            return CACHE.of(patterns);
        }

        private static Compiled compile(List<String> copy) {
            Pattern[] globs = new Pattern[copy.size()];
            String[] literals = new String[copy.size()];
            for (int i = 0; i < globs.length; i++) {
                String pattern = copy.get(i);
                if (pattern.indexOf('*') >= 0) {
                    globs[i] = "*".equals(pattern) ? null : Globs.compile(pattern);
                } else {
                    literals[i] = asciiLower(pattern);
                }
            }
            return new Compiled(copy, globs, literals);
        }

        /** The first pattern that flags the grant, or null. */
        String match(String grant) {
            for (int i = 0; i < globs.length; i++) {
                String literal = literals[i];
                if (literal != null) {
                    if (literalMatches(literal, grant)) {
                        return patterns.get(i);
                    }
                } else if (globs[i] == null) {
                    if (grant.indexOf('*') >= 0) {
                        return patterns.get(i);
                    }
                } else if (globMatches(globs[i], grant)) {
                    return patterns.get(i);
                }
            }
            return null;
        }

        /** Whether a literal matches the whole grant or one of its segments ({@link #segmentMatches}). */
        private static boolean literalMatches(String literal, String grant) {
            return literal.length() == grant.length() && sameText(literal, grant, 0)
                    || segmentMatches(grant, literal, null);
        }

        /** Whether {@code text} holds {@code lower} at {@code from}, ASCII letters in either case. */
        private static boolean sameText(String lower, String text, int from) {
            for (int j = 0; j < lower.length(); j++) {
                char c = text.charAt(from + j);
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                }
                if (c != lower.charAt(j)) {
                    return false;
                }
            }
            return true;
        }

        private static String asciiLower(String s) {
            char[] chars = s.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                if (chars[i] >= 'A' && chars[i] <= 'Z') {
                    chars[i] = (char) (chars[i] + ('a' - 'A'));
                }
            }
            return new String(chars);
        }

        /** Whether a glob matches the whole grant or one of its segments ({@link #segmentMatches}). */
        private static boolean globMatches(Pattern glob, String grant) {
            Matcher m = glob.matcher(grant);
            return m.matches() || segmentMatches(grant, null, m);
        }

        /**
         * Whether one of the grant's segments, the maximal runs of ASCII letters, digits and {@code *} (what
         * {@code grant.split("[^\\p{Alnum}*]+")} keeps, without the regex), is the {@code literal} (when not null) or
         * matches the glob's matcher {@code m} over the whole grant (else).
         */
        private static boolean segmentMatches(String grant, String literal, Matcher m) {
            int n = grant.length();
            int at = 0;
            while (at < n) {
                while (at < n && !segmentChar(grant.charAt(at))) {
                    at++;
                }
                int from = at;
                while (at < n && segmentChar(grant.charAt(at))) {
                    at++;
                }
                if (at > from && (literal != null ? at - from == literal.length() && sameText(literal, grant, from)
                        : m.region(from, at).matches())) {
                    return true;
                }
            }
            return false;
        }

        private static boolean segmentChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '*';
        }
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
        for (CredentialRecord c : evidence.heldCredentials(agent.id())) {
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
            return pass(agent.id(), "no wildcard or administrative grant among "
                    + (examined == 1 ? "1 grant or scope" : examined + " grants and scopes"), refs);
        }
        return fail(agent.id(), Rules.count(flagged.size(), "wildcard or administrative grant") + ": " + Rules.list(flagged), refs);
    }
}
