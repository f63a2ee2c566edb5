package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.envParams;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Idn1WorkloadIdentityCheckTest {

    private final Idn1WorkloadIdentityCheck check = new Idn1WorkloadIdentityCheck();

    @Test
    void acceptedTypesPassCaseInsensitively() {
        for (String type : new String[] {"spiffe", "OIDC", "mtls", "cloud-role"}) {
            assertThat(result(check, evidence(agent("bot").identity(type, "id-1")), "bot").result()).as(type).isEqualTo(Result.PASS);
        }
    }

    @Test
    void staticKeyFailsNamingTheType() {
        CheckResult r = result(check, evidence(agent("bot").identity("api-key", null)), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("identity type api-key is not a workload identity (accepted: spiffe, oidc, mtls, cloud-role)");
    }

    @Test
    void missingIdentityFails() {
        assertThat(result(check, evidence(agent("bot")), "bot").reason()).startsWith("no workload identity declared");
    }

    @Test
    void acceptedListIsConfigurablePerEnvironment() {
        var e = evidence(agent("dev-bot").env("dev").identity("api-key", null), agent("prod-bot").identity("api-key", null));
        var p = envParams(check, "dev", Map.of("acceptedIdentityTypes", "spiffe,api-key"));
        assertThat(result(check, e, p, "dev-bot").result()).isEqualTo(Result.PASS);
        assertThat(result(check, e, p, "prod-bot").result()).isEqualTo(Result.FAIL);
    }

    @Test
    void decommissionedIsNotApplicable() {
        assertThat(result(check, evidence(agent("bot").decommissioned(Fixtures.daysAgo(1))), "bot").result()).isEqualTo(Result.NOT_APPLICABLE);
    }
}
