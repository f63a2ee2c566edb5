package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ingest.IngestService;
import dev.steward.security.AccessScope;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A run narrowed to a manager's teams is read once: the next read of the same run by the same teams, in any order,
 * is the run narrowed before; other teams or another run are narrowed afresh.
 */
@QuarkusTest
class ScopedRunCacheTest {

    @Inject
    AssessmentService assessments;

    @Inject
    IngestService ingest;

    @Test
    void aRunNarrowedToTeamsIsKeptForTheSameTeams() {
        AssessmentFixture f = new AssessmentFixture();
        f.ingestAll(ingest);
        Instant at = Instant.parse("2032-03-05T00:00:00Z")
                .plusSeconds(ThreadLocalRandom.current().nextInt(1, 8_000_000));
        String run = assessments.assess(at, null, "test").run().id();
        String pay = f.team();
        String ops = "ops-" + f.s;

        AssessmentRun mine = assessments.get(run, AccessScope.teams(List.of(pay))).orElseThrow();
        assertThat(mine.summary().rollups().teams()).extracting(RollupEntry::key).containsExactly(pay);
        AssessmentSummary whole = assessments.get(run, AccessScope.ALL).orElseThrow().summary();
        assertThat(whole.teamFrameworks()).extracting(TeamFrameworks::team).contains(pay, ops);
        assertThat(mine.summary().teamFrameworks()).as("a manager sees its teams' framework scores alone")
                .containsExactlyElementsOf(whole.teamFrameworks().stream().filter(t -> t.team().equals(pay)).toList());
        assertThat(mine.summary().teamRevocations()).as("and its teams' revocation figures alone")
                .containsExactlyElementsOf(whole.teamRevocations().stream().filter(t -> t.team().equals(pay)).toList());
        assertThat(assessments.get(run, AccessScope.teams(List.of(pay))).orElseThrow()).isSameAs(mine);

        AssessmentRun both = assessments.get(run, AccessScope.teams(List.of(pay, ops))).orElseThrow();
        assertThat(both.summary().rollups().teams()).extracting(RollupEntry::key).containsExactly(ops, pay);
        assertThat(both.summary().teamFrameworks()).extracting(TeamFrameworks::team).containsExactly(ops, pay);
        assertThat(assessments.get(run, AccessScope.teams(List.of(ops, pay))).orElseThrow())
                .as("the same teams in another order").isSameAs(both);
        AssessmentRun theirs = assessments.get(run, AccessScope.teams(List.of(ops))).orElseThrow();
        assertThat(theirs.summary().rollups().teams()).extracting(RollupEntry::key).containsExactly(ops);

        String next = assessments.assess(at.plusSeconds(1), null, "test").run().id();
        AssessmentRun later = assessments.get(next, AccessScope.teams(List.of(pay))).orElseThrow();
        assertThat(later.id()).isEqualTo(next);
        assertThat(later.diff().previousId()).isEqualTo(run);
        assertThat(assessments.get(run, AccessScope.teams(List.of(pay))).orElseThrow()).isSameAs(mine);
    }
}
