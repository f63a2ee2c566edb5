package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.params;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Crd3SecretStorageCheckTest {

    private final Crd3SecretStorageCheck check = new Crd3SecretStorageCheck();

    @Test
    void vaultAndSecretManagerPass() {
        assertThat(result(check, evidence(credential("c1", "bot").storage("vault", "secret/bot")), "c1").result()).isEqualTo(Result.PASS);
        assertThat(result(check, evidence(credential("c1", "bot").storage("Secret-Manager", null)), "c1").result()).isEqualTo(Result.PASS);
    }

    @Test
    void forbiddenStorageFailsWhateverTheTypeNamingTheLocation() {
        CheckResult r = result(check, evidence(credential("c1", "bot").type("svid").issuer("vault").storage("env-var", "BOT_TOKEN")), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("stored in env-var at BOT_TOKEN");
    }

    @Test
    void unknownStoragePassesForBrokeredLeaseOrSvid() {
        assertThat(result(check, evidence(credential("c1", "bot").type("jit-lease").issuer("hashicorp-vault")), "c1").result())
                .isEqualTo(Result.PASS);
        assertThat(result(check, evidence(credential("c1", "bot").type("svid").issuer("AWS Secrets Manager").storage("unknown", null)), "c1")
                .result()).isEqualTo(Result.PASS);
    }

    @Test
    void unknownStorageOtherwiseInsufficient() {
        CheckResult r = result(check, evidence(credential("c1", "bot").type("api-key").issuer("vault")), "c1");
        assertThat(r.result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
        assertThat(r.reason()).startsWith("storage unknown for a api-key");
        assertThat(result(check, evidence(credential("c1", "bot").type("svid").issuer("spire")), "c1").result())
                .isEqualTo(Result.INSUFFICIENT_EVIDENCE);
        assertThat(result(check, evidence(credential("c1", "bot").storage("hsm", null)), "c1").reason())
                .contains("neither approved nor forbidden");
    }

    @Test
    void listsAreConfigurable() {
        assertThat(result(check, evidence(credential("c1", "bot").storage("hsm", null)), params(check, Map.of("approvedStorage", "vault,hsm")), "c1")
                .result()).isEqualTo(Result.PASS);
    }

    @Test
    void inactiveIsNotApplicable() {
        assertThat(result(check, evidence(credential("c1", "bot").storage("env-var", null).revoked(daysAgo(1))), "c1").result())
                .isEqualTo(Result.NOT_APPLICABLE);
    }
}
