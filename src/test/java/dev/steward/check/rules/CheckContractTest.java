package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.Check;
import dev.steward.check.CheckCatalog;
import dev.steward.check.CheckResult;
import dev.steward.check.Parameters;
import dev.steward.check.Result;
import dev.steward.check.SubjectType;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.Evidence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties every check must keep on any evidence: one result per subject of its type, in run order (subject id;
 * credentials without a holder first, then by first holder), with its own id and subject type, a one-line reason and
 * evidence; and the same evidence twice gives equal results.
 * The evidence is generated from a seed, with records inserted in shuffled order, so ordering cannot come from input.
 */
class CheckContractTest {

    private static final String[] ENVS = {"prod", "staging", "dev", null, "Production"};
    private static final String[] IDENTITIES = {"spiffe", "api-key", null, "oidc", "none"};
    private static final String[] STORAGES = {"vault", "env-var", null, "unknown", "config-file"};
    private static final String[] TYPES = {"api-key", "svid", "jit-lease", "password", null};
    private static final String[] TOOLS = {"erp", "mail", "shell", null};

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026})
    void everyCheckGivesOneSortedResultPerSubjectAndIsDeterministic(long seed) {
        Evidence evidence = generate(seed);
        Evidence same = generate(seed);
        Set<Result> seen = EnumSet.noneOf(Result.class);
        for (Check check : CheckCatalog.allChecks()) {
            List<CheckResult> results = check.evaluate(evidence, Parameters.defaults(check));
            List<String> expected = switch (check.subjectType()) {
                case AGENT -> List.copyOf(evidence.agents().keySet());
                case CREDENTIAL -> credentialsInRunOrder(evidence);
                case PRINCIPAL -> evidence.principals();
            };
            assertThat(results).as(check.id()).extracting(CheckResult::subjectId).containsExactlyElementsOf(expected);
            if (check.subjectType() != SubjectType.CREDENTIAL) {
                assertThat(expected).as("subject ids sorted").isSorted();
            }
            for (CheckResult r : results) {
                assertThat(r.checkId()).isEqualTo(check.id());
                assertThat(r.subjectType()).isEqualTo(check.subjectType());
                assertThat(r.reason()).as(check.id() + " " + r.subjectId()).isNotBlank().doesNotContain("\n");
                assertThat(r.evidence()).as(check.id() + " " + r.subjectId() + " evidence").isNotEmpty();
                assertThat(r.evidence()).allSatisfy(ref -> {
                    assertThat(ref.kind()).isIn("agent", "credential", "person", "decisions", "secret", "grant");
                    if (!ref.kind().equals("decisions")) {
                        assertThat(ref.source()).as(check.id() + " " + ref.kind() + " " + ref.id() + " source").isNotNull();
                    }
                });
                seen.add(r.result());
            }
            assertThat(check.evaluate(same, Parameters.defaults(check))).as(check.id() + " deterministic").isEqualTo(results);
        }
        assertThat(seen).as("generated evidence exercises every result").containsAll(EnumSet.allOf(Result.class));
    }

    /**
     * Credentials without a holder first, by id; then by their smallest holder id, then id (docs/checks.md), written
     * out here rather than taken from the comparator the checks use.
     */
    private static List<String> credentialsInRunOrder(Evidence evidence) {
        List<String> without = new ArrayList<>();
        List<String[]> with = new ArrayList<>();
        for (var c : evidence.credentials().values()) {
            if (c.holders().isEmpty()) {
                without.add(c.id());
            } else {
                with.add(new String[] {Collections.min(c.holders()), c.id()});
            }
        }
        Collections.sort(without);
        with.sort((x, y) -> x[0].equals(y[0]) ? x[1].compareTo(y[1]) : x[0].compareTo(y[0]));
        List<String> order = new ArrayList<>(without);
        with.forEach(h -> order.add(h[1]));
        assertThat(without).as("the generated credentials include some without a holder").isNotEmpty();
        assertThat(order).as("and the run order is not the id order").isNotEqualTo(order.stream().sorted().toList());
        return order;
    }

    private static Evidence generate(long seed) {
        Random random = new Random(seed);
        List<Object> items = new ArrayList<>();
        int people = 6;
        for (int i = 0; i < people; i++) {
            Fixtures.PersonBuilder p = person("p" + i);
            if (random.nextInt(3) == 0) {
                p.departed(daysAgo(random.nextInt(40)));
            }
            items.add(p);
        }
        int agents = 12;
        for (int i = 0; i < agents; i++) {
            Fixtures.AgentBuilder a = agent(String.format("a%02d", i))
                    .autonomy(pick(random, new Autonomy[] {Autonomy.AUTONOMOUS, Autonomy.SUPERVISED, Autonomy.HUMAN_IN_THE_LOOP, null}))
                    .env(pick(random, ENVS))
                    .owner(random.nextInt(5) == 0 ? null : "p" + random.nextInt(people + 1))
                    .backupOwner(random.nextBoolean() ? "p" + random.nextInt(people) : null)
                    .reviewed(random.nextBoolean() ? daysAgo(random.nextInt(250)) : null)
                    .vendor(random.nextInt(4) == 0 ? "Acme" : null)
                    .identity(pick(random, IDENTITIES), "id")
                    .monitoring(random.nextBoolean() ? "#alerts" : null, random.nextBoolean() ? "deny-spike" : null, null)
                    .killSwitch(random.nextBoolean() ? "revoke" : null, random.nextBoolean() ? daysAgo(random.nextInt(300)) : null)
                    .tools(random.nextBoolean() ? new String[] {"erp", "mail"} : new String[0])
                    .grants(random.nextBoolean() ? new String[] {"erp:read", "erp:write", "mail:send", "admin"} : new String[] {"erp:read"});
            if (random.nextInt(6) == 0) {
                a.decommissioned(daysAgo(random.nextInt(60)));
            }
            items.add(a);
        }
        for (int i = 0; i < 15; i++) {
            String id = String.format("k%02d", i);
            String[] holders = random.nextInt(5) == 0 ? new String[] {"a0" + random.nextInt(10), "a1" + random.nextInt(2)}
                    : random.nextInt(8) == 0 ? new String[0] : new String[] {String.format("a%02d", random.nextInt(agents + 2))};
            if (i == 0) {
                holders = new String[0]; // run order puts those without a holder first: always have one
            } else if (holders.length == 2 && i % 2 == 1) {
                holders = new String[] {holders[1], holders[0]}; // the first holder is the smallest id, not the first listed
            }
            CredentialBuilder c = credential(id, holders).type(pick(random, TYPES)).env(pick(random, ENVS))
                    .storage(pick(random, STORAGES), "loc").issuer(random.nextBoolean() ? "vault" : null)
                    .created(daysAgo(random.nextInt(400))).lastUsed(random.nextBoolean() ? daysAgo(random.nextInt(200)) : null)
                    .rotated(random.nextBoolean() ? daysAgo(random.nextInt(200)) : null);
            if (random.nextBoolean()) {
                c.lifetime(Duration.ofHours(1 + random.nextInt(48)));
            }
            switch (random.nextInt(6)) {
                case 0 -> c.revoked(daysAgo(random.nextInt(60)));
                case 1 -> c.status("revoked");
                case 2 -> c.exposed(random.nextBoolean() ? daysAgo(random.nextInt(60)) : null, "repo");
                default -> { }
            }
            items.add(c);
            if (random.nextInt(5) == 0) {
                items.add(Fixtures.secret(id, daysAgo(random.nextInt(30))));
            }
        }
        for (int i = 0; i < 120; i++) {
            String agent = random.nextInt(6) == 0 ? null : random.nextInt(10) == 0 ? "ghost" : String.format("a%02d", random.nextInt(agents));
            String cred = random.nextInt(4) == 0 ? null : String.format("k%02d", random.nextInt(16));
            if (agent == null && cred == null) {
                cred = "k00";
            }
            DecisionBuilder d = decision(agent, cred).daysAgo(1 + random.nextInt(89)).tool(pick(random, TOOLS))
                    .action(random.nextBoolean() ? "pay" : "read").scope(random.nextBoolean() ? "erp:read" : "erp:write")
                    .env(pick(random, ENVS)).count(1 + random.nextInt(30));
            if (random.nextInt(3) == 0) {
                d.denied();
            }
            if (random.nextInt(4) == 0) {
                d.onBehalfOf(random.nextBoolean() ? new String[] {"p1"} : new String[] {"a01", "a02", "p0"});
            }
            if (random.nextInt(4) == 0) {
                d.highRisk(1, random.nextInt(2)).human(random.nextInt(2)).withPolicy(0).complete(0);
            }
            items.add(d);
        }
        Collections.shuffle(items, random);
        return Fixtures.evidence(items.toArray());
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
