package dev.steward.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * AUT-2's compiled pattern matching gives exactly the answers of the rule as first written (a glob compiled per call,
 * the grant split with a regex), over grants and patterns chosen to hit its edges: case, segments, wildcards, empty
 * segments, non-ASCII letters whose Unicode case folding is ASCII (Kelvin sign, dotless i, long s).
 */
class Aut2PatternMatchingTest {

    /** The rule as it was written before it was compiled once per parameter value. */
    private static Optional<String> reference(String grant, List<String> patterns) {
        for (String pattern : patterns) {
            if ("*".equals(pattern)) {
                if (grant.contains("*")) {
                    return Optional.of(pattern);
                }
                continue;
            }
            Pattern glob = Globs.compile(pattern);
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

    private static final List<String> GRANTS = List.of("", "*", "admin", "ADMIN", "erp:admin", "erp:Admin:read",
            "cluster-admin", "erp:administrators", "AdministratorAccess", "roles/owner", "owners", "erp:owners:read",
            "s3:Get*", "::admin::", "admin:", ":admin", "root", "rooted", "chroot", "a-b-c", "adm in", "ädmin",
            "\u212Aey", "key", "\u0131d", "id", "\u017Fudo", "sudo", "admin\u00e9", "x*admin", "db.owner.write",
            "arn:aws:iam::123:role/Admin", "k8s://deployments/52490", "deployments.restart");
    private static final List<List<String>> PATTERNS = List.of(List.of("*", "admin", "root", "owner"),
            List.of("admin"), List.of("administrator*"), List.of("*admin*"), List.of("a*n"), List.of("key", "id", "sudo"),
            List.of("KEY", "ID"), List.of("adm in"), List.of("erp:admin"), List.of("ädmin"), List.of("root", "*"),
            List.of("*:admin"), List.of("x*admin"), List.of("**"), List.of(""), List.of("own?r"), List.of("a.b"),
            List.of("db.owner.write"), List.of("s3:get*"));

    @Test
    void compiledMatchingAnswersAsTheRuleAsFirstWritten() {
        List<String> checked = new ArrayList<>();
        for (List<String> patterns : PATTERNS) {
            for (String grant : GRANTS) {
                assertThat(Aut2NoAdminGrantCheck.matchingPattern(grant, patterns))
                        .as("%s against %s", grant, patterns).isEqualTo(reference(grant, patterns));
                checked.add(grant);
            }
        }
        assertThat(checked).hasSize(GRANTS.size() * PATTERNS.size());
    }

    /**
     * Random grants and literal patterns (no star: compared char by char, not by regex) over an alphabet of ASCII
     * letters in both cases, digits, separators and letters whose case folding crosses into ASCII or out of it.
     */
    @Test
    void literalPatternsAnswerAsTheRegexForRandomTexts() {
        String alphabet = "aAdDmMiInN0:/-. *\u212Ak\u0131\u017Fs\u00e4\u00c4";
        java.util.Random random = new java.util.Random(17);
        int flagged = 0;
        for (int round = 0; round < 20_000; round++) {
            String grant = text(random, alphabet, 12);
            List<String> patterns = List.of(text(random, alphabet.replace("*", ""), 4),
                    round % 2 == 0 ? "ADmin" : text(random, alphabet.replace("*", ""), 2));
            Optional<String> expected = reference(grant, patterns);
            assertThat(Aut2NoAdminGrantCheck.matchingPattern(grant, patterns)).as("%s against %s", grant, patterns)
                    .isEqualTo(expected);
            flagged += expected.isPresent() ? 1 : 0;
        }
        assertThat(flagged).as("the texts match now and then").isBetween(500, 19_500);
    }

    private static String text(java.util.Random random, String alphabet, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Test
    void aChangedParameterValueIsCompiledAnew() {
        assertThat(Aut2NoAdminGrantCheck.matchingPattern("roles/owner", List.of("admin"))).isEmpty();
        assertThat(Aut2NoAdminGrantCheck.matchingPattern("roles/owner", List.of("owner"))).contains("owner");
        assertThat(Aut2NoAdminGrantCheck.matchingPattern("roles/owner", new ArrayList<>(List.of("admin")))).isEmpty();
    }
}
