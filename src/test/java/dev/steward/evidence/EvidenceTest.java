package dev.steward.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
        // cred-1's only holder is the principal of its decision without an agent
        assertThat(e.principals()).containsExactly("alpha", "bot", "zeta");
        assertThat(e.principals()).isSameAs(e.principals());
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
