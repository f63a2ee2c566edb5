package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.assessment.RollupEntry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportFilterTest {

    @Test
    void theTeamsOutsideWhichNothingMatches() {
        assertThat(ReportFilter.NONE.teamsOnly()).isNull();
        assertThat(new ReportFilter(null, "p-1", "p-2", "prod").teamsOnly()).as("no team bound").isNull();
        assertThat(new ReportFilter("pay", null, null, null).teamsOnly()).containsExactly("pay");
        assertThat(ReportFilter.NONE.within(Set.of("pay", "ops")).teamsOnly()).containsExactlyInAnyOrder("pay", "ops");
        ReportFilter payOfTwo = new ReportFilter("pay", null, null, null).within(Set.of("pay", "ops"));
        assertThat(payOfTwo.teamsOnly()).containsExactly("pay");
        assertThat(new ReportFilter("hr", null, null, null).within(Set.of("pay", "ops")).teamsOnly()).isEmpty();
        assertThat(new ReportFilter(RollupEntry.NONE, null, null, null).teamsOnly()).as("no team: not a set of teams")
                .isNull();
        assertThat(new ReportFilter(RollupEntry.NONE, null, null, null).within(Set.of("pay")).teamsOnly()).isEmpty();
        // whatever the bound, a record outside it never matches
        for (ReportFilter f : List.of(payOfTwo, new ReportFilter("hr", null, null, null).within(Set.of("pay")),
                ReportFilter.NONE.within(Set.of("ops")))) {
            for (String team : new String[] {"pay", "ops", "hr", "x"}) {
                if (f.matches(team, null, null, null)) {
                    assertThat(f.teamsOnly()).as("%s matches %s", f, team).contains(team);
                }
            }
        }
    }

    @Test
    void aReadersTeamsAreWrittenInOrder() throws Exception {
        ReportFilter f = ReportFilter.NONE.within(Set.of("support-104", "data-platform-10", "payments-3",
                "identity-55"));
        assertThat(f.teams()).containsExactly("data-platform-10", "identity-55", "payments-3", "support-104");
        assertThat(new ObjectMapper().writeValueAsString(f))
                .contains("\"teams\":[\"data-platform-10\",\"identity-55\",\"payments-3\",\"support-104\"]");
        assertThat(f).isEqualTo(ReportFilter.NONE.within(Set.of("payments-3", "identity-55", "support-104",
                "data-platform-10")))
                .hasSameHashCodeAs(ReportFilter.NONE.within(Set.of("identity-55", "payments-3", "data-platform-10",
                        "support-104")));
    }
}
