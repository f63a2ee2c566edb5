package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.Recommendation;
import dev.steward.assessment.TeamRecommendation;
import dev.steward.check.SubjectType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recommendation per team as {@code assess} and {@code report} print it: the teams to act on first, at most 20. */
class TeamLinesTest {

    static TeamRecommendation team(String name, Recommendation r, int failing) {
        List<TeamRecommendation.SubjectRef> subjects = new ArrayList<>();
        for (int i = 0; i < Math.min(failing, 3); i++) {
            subjects.add(new TeamRecommendation.SubjectRef("OWN-1", SubjectType.AGENT, name + "-agent-" + i));
        }
        return new TeamRecommendation(name, r, 10, 1, failing == 0 ? List.of() : List.of("OWN-1"), subjects, failing);
    }

    /** 3 governance first, 2 rotation first and 20 maintain, in name order as a run stores them. */
    static List<TeamRecommendation> organisation() {
        List<TeamRecommendation> recs = new ArrayList<>();
        recs.add(team("alpha", Recommendation.GOVERNANCE_FIRST, 2));
        recs.add(team("bravo", Recommendation.ROTATION_FIRST, 1));
        recs.add(team("charlie", Recommendation.GOVERNANCE_FIRST, 9));
        recs.add(team("delta", Recommendation.ROTATION_FIRST, 4));
        recs.add(team("echo", Recommendation.GOVERNANCE_FIRST, 5));
        for (int i = 0; i < 20; i++) {
            recs.add(team(String.format("maint-%02d", i), Recommendation.MAINTAIN, 0));
        }
        return recs;
    }

    @Test
    void aLargeOrganisationGetsTheTwentyTeamsToActOnFirstAndACountOfTheRest() {
        List<String> lines = AssessCommand.teamLines(organisation(), "reports/summary.json");

        assertThat(lines).hasSize(AssessCommand.PRINTED_TEAMS + 1);
        assertThat(lines.subList(0, 5)).extracting(l -> l.trim().split(" +")[0])
                .containsExactly("charlie", "echo", "alpha", "delta", "bravo");
        assertThat(lines.get(0)).isEqualTo("  charlie              GOVERNANCE_FIRST   OWN-1 (9 failing: OWN-1 charlie-agent-0,"
                + " OWN-1 charlie-agent-1, OWN-1 charlie-agent-2, ...)");
        assertThat(lines.get(5)).isEqualTo("  maint-00             MAINTAIN");
        assertThat(lines.get(19)).contains("maint-14");
        assertThat(lines.get(20)).isEqualTo("  ... and 5 more teams (5 maintain); every team's recommendation is in"
                + " reports/summary.json");
    }

    @Test
    void aSmallOrganisationGetsEveryTeamAndNoCount() {
        List<String> lines = AssessCommand.teamLines(organisation().subList(0, 8), "reports/summary.json");

        assertThat(lines).hasSize(8).noneMatch(l -> l.contains("more team"));
        assertThat(lines).extracting(l -> l.trim().split(" +")[0])
                .containsExactly("charlie", "echo", "alpha", "delta", "bravo", "maint-00", "maint-01", "maint-02");
    }

    @Test
    void theCountsFollowTheRecommendationsOrder() {
        assertThat(TeamRecommendation.counted(organisation())).isEqualTo("3 governance first, 2 rotation first, 20 maintain");
        assertThat(TeamRecommendation.counted(List.of())).isEmpty();
    }
}
