package dev.steward.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ingest.DecisionLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The sample's draw against the plain algorithm it replaced: per check, Algorithm R over exactly the decisions whose
 * agent or credential is one of the check's failing subjects, in storage order, seeded from the seed and the check id.
 */
class DecisionSamplerTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void drawsWhatAReservoirPerCheckOverItsOwnDecisionsDraws() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            int checks = 1 + random.nextInt(12);
            Map<String, Set<String>> agents = new TreeMap<>();
            Map<String, Set<String>> credentials = new TreeMap<>();
            for (int c = 0; c < checks; c++) {
                agents.put("CHK-" + c, subjects("agent-", 40, random));
                credentials.put("CHK-" + c, subjects("cred-", 60, random));
            }
            List<DecisionLine> decisions = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                decisions.add(decision(i, random.nextInt(8) == 0 ? null : "agent-" + random.nextInt(50),
                        random.nextInt(5) == 0 ? null : "cred-" + random.nextInt(80)));
            }
            long seed = random.nextLong();
            int perCheck = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(40);

            DecisionSampler.Draw draw = new DecisionSampler.Draw(agents, credentials, seed, perCheck);
            decisions.forEach(draw::offer);
            List<DecisionSampler.CheckSample> drawn = draw.samples();

            assertThat(drawn).extracting(DecisionSampler.CheckSample::checkId).containsExactlyElementsOf(agents.keySet());
            long nonEmpty = 0;
            for (DecisionSampler.CheckSample sample : drawn) {
                Set<String> a = agents.get(sample.checkId());
                Set<String> c = credentials.get(sample.checkId());
                DecisionSampler.Reservoir expected = new DecisionSampler.Reservoir(perCheck,
                        new SplittableRandom(seed ^ sample.checkId().hashCode()));
                long population = 0;
                for (int i = 0; i < decisions.size(); i++) {
                    DecisionLine d = decisions.get(i);
                    if ((d.agent() != null && a.contains(d.agent())) || (d.credential() != null && c.contains(d.credential()))) {
                        expected.offer(i, d);
                        population++;
                    }
                }
                assertThat(sample.population()).as(sample.checkId()).isEqualTo(population);
                assertThat(sample.decisions()).extracting(r -> r.get("id"))
                        .containsExactlyElementsOf(expected.sorted().stream().map(DecisionLine::id).toList());
                assertThat(sample.decisions()).hasSize((int) Math.min(population, perCheck));
                nonEmpty += sample.decisions().isEmpty() ? 0 : 1;
            }
            if (perCheck > 0) {
                assertThat(nonEmpty).as("round %d draws something", round).isPositive();
            }
        }
    }

    @Test
    void aDecisionOfAFailingAgentWithAFailingCredentialCountsOnceForTheCheck() {
        Map<String, Set<String>> agents = new TreeMap<>(Map.of("OWN-1", Set.of("bot"), "LIF-1", Set.of()));
        Map<String, Set<String>> credentials = new TreeMap<>(Map.of("OWN-1", Set.of("key"), "LIF-1", Set.of("key")));
        DecisionSampler.Draw draw = new DecisionSampler.Draw(agents, credentials, 42, 10);
        draw.offer(decision(0, "bot", "key"));
        draw.offer(decision(1, "other", "key"));
        draw.offer(decision(2, "bot", null));
        draw.offer(decision(3, null, null));

        Map<String, DecisionSampler.CheckSample> byCheck = new TreeMap<>();
        draw.samples().forEach(s -> byCheck.put(s.checkId(), s));
        assertThat(byCheck.keySet()).containsExactly("LIF-1", "OWN-1");
        assertThat(byCheck.get("OWN-1").population()).isEqualTo(3);
        assertThat(byCheck.get("OWN-1").decisions()).extracting(r -> r.get("id")).containsExactly("d-0", "d-1", "d-2");
        assertThat(byCheck.get("LIF-1").population()).isEqualTo(2);
        assertThat(byCheck.get("LIF-1").decisions()).extracting(r -> r.get("id")).containsExactly("d-0", "d-1");
        assertThat(byCheck.get("LIF-1").decisions().get(0)).containsEntry("agent", "bot").containsEntry("credential", "key")
                .containsEntry("decided_at", "2026-10-01T00:00:00Z").containsEntry("source_line", 1L);
    }

    private static Set<String> subjects(String prefix, int of, Random random) {
        Set<String> out = new HashSet<>();
        int n = random.nextInt(of / 2);
        for (int i = 0; i < n; i++) {
            out.add(prefix + random.nextInt(of));
        }
        return out;
    }

    private static DecisionLine decision(int i, String agent, String credential) {
        return new DecisionLine("d-" + i, T0.plusSeconds(i * 60L), agent, credential, List.of(), "tool", "read", "res",
                null, true, "policy", null, null, null, null, "prod", null, null, "decisions.jsonl", i + 1L);
    }
}
