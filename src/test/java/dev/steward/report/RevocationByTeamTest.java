package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.CheckScore;
import dev.steward.assessment.ResultCounts;
import dev.steward.assessment.RevocationLatency;
import dev.steward.assessment.Rollups;
import dev.steward.assessment.SeverityCounts;
import dev.steward.assessment.TeamRevocation;
import dev.steward.assessment.Totals;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A report narrowed to teams (a team filter, or a manager's teams) says how quickly those teams' access is cut off,
 * from their credentials alone; any other filter, and a run stored before teams' figures were, keep the whole run's.
 */
class RevocationByTeamTest {

    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private static final List<TeamRevocation> TEAMS = List.of(
            new TeamRevocation("identity", 1, 0, List.of()),
            new TeamRevocation("payments", 3, 2, List.of(600.0, 60.0)),
            new TeamRevocation("sre", 2, 1, List.of(86_400.0)));
    // the run's own figures: every team's together
    private static final RevocationLatency RUN = new RevocationLatency(3, 600.0, 86_400.0, 86_400.0);

    private static AssessmentSummary summary(List<TeamRevocation> teams) {
        CheckScore lif4 = new CheckScore("LIF-4", "default", "Revocation enforced", Severity.CRITICAL,
                SubjectType.CREDENTIAL, 0.5, 1.0, new ResultCounts(3, 0, 3, 0, 10), List.of());
        return new AssessmentSummary("run", AS_OF, AS_OF.minusSeconds(86_400L * 90), AS_OF, "test", "m", "p", List.of(),
                new Totals(3, 6, 0, 0, ResultCounts.NONE, 0, new SeverityCounts(0, 0, 0, 0)), List.of(), List.of(lif4),
                new Rollups(List.of(), List.of(), List.of(), List.of()), null, teams, List.of(), RUN, null);
    }

    @Test
    void aTeamOrAManagersTeamsAreMeasuredOverTheirCredentials() {
        GapReport.Revocation payments = GapReport.Revocation.of(summary(TEAMS),
                new ReportFilter("payments", null, null, null));
        assertThat(payments).isEqualTo(new GapReport.Revocation(3, 2, 2, 60.0, 600.0, 600.0, false,
                List.of("payments")));
        assertThat(payments.summary()).endsWith("Measured over the credentials of team payments (a credential's team"
                + " is its heaviest holder's).");

        GapReport.Revocation manager = GapReport.Revocation.of(summary(TEAMS),
                ReportFilter.NONE.within(Set.of("sre", "payments")));
        assertThat(manager).isEqualTo(new GapReport.Revocation(5, 3, 3, 600.0, 86_400.0, 86_400.0, false,
                List.of("payments", "sre")));
        // a manager's report narrowed further by environment: its teams still, and it says the rest is not narrowed
        GapReport.Revocation prod = GapReport.Revocation.of(summary(TEAMS),
                new ReportFilter(null, null, null, "prod").within(Set.of("identity")));
        assertThat(prod.revoked()).isEqualTo(1);
        assertThat(prod.measured()).isZero();
        assertThat(prod.summary()).endsWith("of team identity (a credential's team is its heaviest holder's); the"
                + " report's other filters do not narrow it.");
    }

    @Test
    void otherFiltersAndOlderRunsGiveTheWholeRun() {
        GapReport.Revocation owner = GapReport.Revocation.of(summary(TEAMS),
                new ReportFilter(null, null, "p-ana", null));
        assertThat(owner).isEqualTo(new GapReport.Revocation(6, 3, 3, 600.0, 86_400.0, 86_400.0, true, null));
        assertThat(GapReport.Revocation.of(summary(TEAMS), ReportFilter.NONE))
                .isEqualTo(new GapReport.Revocation(6, 3, 3, 600.0, 86_400.0, 86_400.0, false, null));
        GapReport.Revocation older = GapReport.Revocation.of(summary(null), new ReportFilter("payments", null, null,
                null));
        assertThat(older).isEqualTo(new GapReport.Revocation(6, 3, 3, 600.0, 86_400.0, 86_400.0, true, null));
        assertThat(older.summary()).endsWith("Measured over the whole assessment: the report's filter does not narrow"
                + " it.");
    }
}
