package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Roll-ups added with text ids are the roll-ups added by text: same entries, same sums in the same order. */
class RollupBuilderTest {

    private static final Result[] RESULTS = Result.values();
    private static final String[] TEAMS = {"payments", "identity", null, RollupEntry.NONE, "sre"};
    private static final String[] OWNERS = {"p-ada-00001", "p-bob-00002", null, "p-cy-00003"};
    private static final String[] ENVIRONMENTS = {"prod", "dev", null};

    @Test
    void idsGiveTheSameRollupsAsTexts() {
        RollupBuilder byText = new RollupBuilder();
        RollupBuilder byId = new RollupBuilder();
        TextIds ids = new TextIds();
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            String team = TEAMS[random.nextInt(TEAMS.length)];
            String owner = OWNERS[random.nextInt(OWNERS.length)];
            String manager = OWNERS[random.nextInt(OWNERS.length)];
            String environment = ENVIRONMENTS[random.nextInt(ENVIRONMENTS.length)];
            Result result = RESULTS[random.nextInt(RESULTS.length)];
            Double score = result.scored() ? random.nextDouble() : null;
            AssessedResult r = new AssessedResult("AUT-1", "default", SubjectType.AGENT, "bot-" + i, result, score,
                    Severity.values()[random.nextInt(Severity.values().length)], 1 + random.nextInt(6), "", owner, team,
                    manager, environment, List.of(), List.of());
            byText.add(r);
            byId.add(r, ids.id(team), ids.id(owner), ids.id(manager), ids.id(environment));
        }
        Rollups expected = byText.build();
        Rollups actual = byId.build();
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.teams()).extracting(RollupEntry::key)
                .containsExactly(RollupEntry.NONE, "identity", "payments", "sre");
    }
}
