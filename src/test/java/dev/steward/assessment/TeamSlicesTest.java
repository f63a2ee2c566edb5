package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A run narrowed by merging its team slices is the run narrowed by reading its results for those teams, as {@link
 * ScopedReads} did before the slices: the same roll-up entries and counts (scores equal up to the order of the sums)
 * and the same visible subjects of the diff, for every set of teams.
 */
class TeamSlicesTest {

    private static final String[] TEAMS = {"payments", "identity", "sre", "data", null};
    private static final String[] OWNERS = {"p-ada", "p-bob", null, "p-cy", "p-dee"};
    private static final String[] ENVIRONMENTS = {"prod", "dev", null};
    private static final String[] VARIANTS = {Evaluation.DEFAULT, Evaluation.DEFAULT, "strict"};

    @Test
    void mergedSlicesAreTheTeamsResultsReadAgain() {
        Random random = new Random(11);
        List<StoredResult> now = results(random, 4_000);
        List<StoredResult> before = results(random, 4_000);
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < 300; i += 1 + random.nextInt(4)) {
            listed.add(SubjectType.values()[i % SubjectType.values().length].json() + "|s-" + i);
        }
        TeamSlices slices = new TeamSlices(listed);
        now.forEach(slices::add);
        before.forEach(slices::addPrevious);

        List<Set<String>> teamSets = new ArrayList<>();
        for (int mask = 0; mask < 16; mask++) {
            Set<String> teams = new HashSet<>();
            for (int t = 0; t < 4; t++) {
                if ((mask & (1 << t)) != 0) {
                    teams.add(TEAMS[t]);
                }
            }
            teamSets.add(teams);
        }
        teamSets.add(new HashSet<>(List.of("payments", "nobody")));
        for (Set<String> teams : teamSets) {
            // what ScopedReads computed by reading the run's results of the teams
            RollupBuilder direct = new RollupBuilder();
            Set<String> visible = new HashSet<>();
            for (StoredResult r : now) {
                if (teams.contains(r.result().team())) {
                    if (Evaluation.DEFAULT.equals(r.result().variant())) {
                        direct.add(r.result());
                    }
                    visible.add(TeamSlices.subject(r));
                }
            }
            before.stream().filter(r -> teams.contains(r.result().team()))
                    .forEach(r -> visible.add(TeamSlices.subject(r)));
            visible.retainAll(listed);

            Rollups expected = direct.build();
            Rollups merged = slices.rollups(teams);
            same(merged.teams(), expected.teams(), teams);
            same(merged.owners(), expected.owners(), teams);
            same(merged.managers(), expected.managers(), teams);
            same(merged.environments(), expected.environments(), teams);
            assertThat(slices.visible(teams)).as("visible for %s", teams).isEqualTo(visible);
        }
        assertThat(slices.rollups(Set.of("payments", "sre")).teams()).extracting(RollupEntry::key)
                .containsExactly("payments", "sre");
        assertThat(slices.visible(Set.of("payments"))).isNotEmpty();
    }

    @Test
    void aSingleTeamsSliceIsExactlyItsRollup() {
        Random random = new Random(5);
        List<StoredResult> now = results(random, 2_000);
        TeamSlices slices = new TeamSlices(Set.of());
        now.forEach(slices::add);
        RollupBuilder direct = new RollupBuilder();
        now.stream()
                .filter(r -> "identity".equals(r.result().team()) && Evaluation.DEFAULT.equals(r.result().variant()))
                .forEach(r -> direct.add(r.result()));
        assertThat(slices.rollups(Set.of("identity"))).isEqualTo(direct.build());
        assertThat(slices.visible(Set.of("identity"))).isEmpty();
    }

    private static void same(List<RollupEntry> actual, List<RollupEntry> expected, Set<String> teams) {
        assertThat(actual).extracting(RollupEntry::key).as("keys for %s", teams)
                .containsExactlyElementsOf(expected.stream().map(RollupEntry::key).toList());
        for (int i = 0; i < actual.size(); i++) {
            RollupEntry a = actual.get(i);
            RollupEntry e = expected.get(i);
            assertThat(a.results()).as("%s for %s", a.key(), teams).isEqualTo(e.results());
            assertThat(a.fails()).as("%s for %s", a.key(), teams).isEqualTo(e.fails());
            assertThat(a.coverage()).isEqualTo(e.coverage());
            if (e.score() == null) {
                assertThat(a.score()).isNull();
            } else {
                assertThat(a.score()).isCloseTo(e.score(), within(1e-12));
            }
        }
    }

    private static List<StoredResult> results(Random random, int n) {
        List<StoredResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int subject = random.nextInt(400);
            Result result = Result.values()[random.nextInt(Result.values().length)];
            out.add(new StoredResult(i, new AssessedResult("AUT-" + (1 + random.nextInt(3)),
                    VARIANTS[random.nextInt(VARIANTS.length)],
                    SubjectType.values()[subject % SubjectType.values().length],
                    "s-" + subject, result, result.scored() ? random.nextDouble() : null,
                    Severity.values()[random.nextInt(Severity.values().length)], 1 + random.nextInt(6), "",
                    OWNERS[random.nextInt(OWNERS.length)], TEAMS[random.nextInt(TEAMS.length)],
                    OWNERS[random.nextInt(OWNERS.length)], ENVIRONMENTS[random.nextInt(ENVIRONMENTS.length)], List.of(),
                    List.of())));
        }
        return out;
    }
}
