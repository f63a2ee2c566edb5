package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.Result;
import org.junit.jupiter.api.Test;

class Crd5NoPasswordCheckTest {

    private final Crd5NoPasswordCheck check = new Crd5NoPasswordCheck();

    @Test
    void passwordFails() {
        var r = result(check, evidence(credential("c1", "bot").type("Password")), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("password credential held by bot");
    }

    @Test
    void otherTypesPass() {
        assertThat(result(check, evidence(credential("c1", "bot").type("svid")), "c1").result()).isEqualTo(Result.PASS);
    }

    @Test
    void missingTypeIsInsufficient() {
        assertThat(result(check, evidence(credential("c1", "bot").type(null)), "c1").result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
    }

    @Test
    void inactiveIsNotApplicable() {
        assertThat(result(check, evidence(credential("c1", "bot").type("password").revoked(daysAgo(1))), "c1").result())
                .isEqualTo(Result.NOT_APPLICABLE);
    }
}
