package dev.steward.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessScopeTest {

    @Test
    void managerRoleReadsLikeAViewerButIsTeamScoped() {
        assertThat(Role.MANAGER.granted()).containsExactlyInAnyOrder("viewer", "manager");
        assertThat(Role.MANAGER.teamScoped()).isTrue();
        assertThat(Role.AUDITOR.teamScoped()).isFalse();
        assertThat(Role.parse("Manager")).isEqualTo(Role.MANAGER);
        assertThatThrownBy(() -> Role.parse("boss")).hasMessageContaining("viewer, manager, auditor, admin");
    }

    @Test
    void restrictedScopeAllowsOnlyItsTeamsAndNeverAnUnassignedRecord() {
        AccessScope scope = AccessScope.teams(List.of("payments", "risk"));
        assertThat(scope.allows("payments")).isTrue();
        assertThat(scope.allows("growth")).isFalse();
        assertThat(scope.allows(null)).isFalse();
        assertThat(AccessScope.ALL.allows(null)).isTrue();
        assertThat(AccessScope.teams(List.of()).allows("payments")).isFalse();
    }

    @Test
    void tokenEntityScopeFollowsItsRole() {
        ApiTokenEntity token = new ApiTokenEntity();
        token.role = "manager";
        token.teams = "payments, risk";
        assertThat(token.scope()).isEqualTo(AccessScope.teams(List.of("risk", "payments")));
        token.role = "auditor";
        assertThat(token.scope().unrestricted()).isTrue();
    }
}
