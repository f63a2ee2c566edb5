package dev.steward.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What checks read of the evidence: an agent's credentials and the window's principals, in id order. */
class EvidenceTest {

    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void anAgentsCredentialsAndTheWindowsPrincipalsComeInIdOrder() {
        List<CredentialRecord> credentials = List.of(credential("cred-3", "bot", "other"), credential("cred-1", "bot"),
                credential("cred-2", "other", "bot"), credential("cred-0", "other"));
        List<DecisionAggregate> decisions = List.of(decision("zeta", null), decision(null, "cred-1"), decision("alpha", "cred-0"),
                decision("zeta", "cred-2"));
        Evidence e = new Evidence(AS_OF, AS_OF.minusSeconds(86_400L * 90), List.of(), List.of(), credentials, decisions, List.of());

        assertThat(e.credentialsHeldBy("bot")).containsExactly("cred-1", "cred-2", "cred-3");
        assertThat(e.credentialsHeldBy("other")).containsExactly("cred-0", "cred-2", "cred-3");
        assertThat(e.credentialsHeldBy("nobody")).isEmpty();
        // the same credentials as the inventory's own records, for checks that read them
        assertThat(e.heldCredentials("bot")).extracting(CredentialRecord::id).containsExactly("cred-1", "cred-2", "cred-3");
        assertThat(e.heldCredentials("bot").get(0)).isSameAs(credentials.get(1));
        assertThat(e.heldCredentials("other")).containsExactly(credentials.get(3), credentials.get(2), credentials.get(0));
        assertThat(e.heldCredentials("nobody")).isEmpty();
        // cred-1's only holder is the principal of its decision without an agent
        assertThat(e.principals()).containsExactly("alpha", "bot", "zeta");
        assertThat(e.principals()).isSameAs(e.principals());
    }

    @Test
    void credentialsAreJudgedInRunOrderWhateverTheirHoldersAre() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<AgentRecord> agents = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < random.nextInt(12); i++) {
                String id = "a" + random.nextInt(40);
                if (!names.contains(id)) {
                    names.add(id);
                    agents.add(agent(id));
                }
            }
            // holders that are no inventoried agent, sorting before, between and after the agents' ids
            List<String> holders = new ArrayList<>(names);
            holders.addAll(List.of("", "0-person", "a15x", "b-service", "zz"));
            List<CredentialRecord> credentials = new ArrayList<>();
            for (int i = 0; i < random.nextInt(30); i++) {
                List<String> held = new ArrayList<>();
                for (int h = random.nextInt(4); h > 0; h--) {
                    held.add(holders.get(random.nextInt(holders.size())));
                }
                credentials.add(credential("c" + i, held.toArray(new String[0])));
            }
            Collections.shuffle(credentials, random);
            Evidence e = new Evidence(AS_OF, AS_OF.minusSeconds(86_400L * 90), List.of(), agents, credentials, List.of(),
                    List.of());

            List<CredentialRecord> expected = new ArrayList<>(credentials);
            expected.sort(CredentialRecord.RUN_ORDER);
            assertThat(e.subjectCredentials()).as("round %d", round).containsExactlyElementsOf(expected);
        }
    }

    /** The heaviest holder: greatest weight (autonomy x prod), ties to the smallest id, holders not inventoried skipped. */
    @Test
    void aCredentialsHeaviestHolderIsTheWeightiestInventoriedAgentTiesToTheSmallestId() {
        Random random = new Random(13);
        Autonomy[] autonomies = {null, Autonomy.AUTONOMOUS, Autonomy.SUPERVISED};
        Comparator<AgentRecord> heaviestFirst = Comparator.comparingInt(AgentRecord::weight).reversed()
                .thenComparing(AgentRecord::id);
        int several = 0;
        for (int round = 0; round < 200; round++) {
            List<AgentRecord> agents = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                agents.add(new AgentRecord("a" + i, "a" + i, autonomies[random.nextInt(3)], random.nextBoolean() ? "prod" : "dev",
                        "team", "owner", null, "active", null, AS_OF.minusSeconds(86_400L), null, null, null, null, null,
                        null, null, null, null, List.of(), List.of(), new SourceRef(1, "inventory.yaml", 1)));
            }
            List<String> held = new ArrayList<>();
            for (int h = random.nextInt(5); h > 0; h--) {
                held.add(random.nextInt(5) == 0 ? "ghost-" + h : "a" + random.nextInt(8));
            }
            CredentialRecord c = credential("c", held.stream().distinct().toArray(String[]::new));
            Evidence e = new Evidence(AS_OF, AS_OF.minusSeconds(86_400L * 90), List.of(), agents, List.of(c), List.of(),
                    List.of());
            AgentRecord expected = agents.stream().filter(a -> c.holders().contains(a.id())).min(heaviestFirst).orElse(null);
            several += c.holders().size() > 1 ? 1 : 0;
            assertThat(e.heaviestHolder("c").orElse(null)).as("round %d, holders %s", round, c.holders()).isSameAs(expected);
            assertThat(e.heaviestHolderOf(c)).isSameAs(expected);
            assertThat(e.weightOfCredential("c")).isEqualTo(expected == null ? 1 : expected.weight());
        }
        assertThat(several).as("rounds with several holders").isGreaterThan(50);
        assertThat(new Evidence(AS_OF, AS_OF, List.of(), List.of(), List.of(), List.of(), List.of()).heaviestHolder("none"))
                .isEmpty();
    }

    private static AgentRecord agent(String id) {
        return new AgentRecord(id, id, null, "prod", "team", "owner", null, "active", null, AS_OF.minusSeconds(86_400L),
                null, null, null, null, null, null, null, null, null, List.of(), List.of(), new SourceRef(1, "inventory.yaml", 1));
    }

    private static CredentialRecord credential(String id, String... holders) {
        return new CredentialRecord(id, "token", List.of(holders), "prod", "vault", "vault", null, List.of(),
                AS_OF.minusSeconds(86_400L * 200), null, null, null, null, "active", null, null, null,
                new SourceRef(1, "inventory.yaml", 1));
    }

    private static DecisionAggregate decision(String agent, String credential) {
        return new DecisionAggregate(LocalDate.of(2026, 10, 1), agent, credential, "tool", "read", null, "prod", true, List.of(),
                1, 0, 0, 0, 0, 0, 0, null, null);
    }
}
