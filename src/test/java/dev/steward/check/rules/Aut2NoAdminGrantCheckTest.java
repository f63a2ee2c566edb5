package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.params;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Aut2NoAdminGrantCheckTest {

    private static final List<String> DEFAULTS = List.of("*", "admin", "root", "owner");
    private final Aut2NoAdminGrantCheck check = new Aut2NoAdminGrantCheck();

    @Test
    void matchingRule() {
        assertThat(Aut2NoAdminGrantCheck.matchingPattern("*", DEFAULTS)).contains("*");
        assertThat(Aut2NoAdminGrantCheck.matchingPattern("erp:*", DEFAULTS)).contains("*");
        assertThat(Aut2NoAdminGrantCheck.matchingPattern("erp:Admin", DEFAULTS)).contains("admin");
        assertThat(Aut2NoAdminGrantCheck.matchingPattern("cluster-admin", DEFAULTS)).contains("admin");
        assertThat(Aut2NoAdminGrantCheck.matchingPattern("roles/owner", DEFAULTS)).contains("owner");
        assertThat(Aut2NoAdminGrantCheck.matchingPattern("erp:owners:read", DEFAULTS)).isEmpty();
        assertThat(Aut2NoAdminGrantCheck.matchingPattern("erp:invoices:read", DEFAULTS)).isEmpty();
        assertThat(Aut2NoAdminGrantCheck.matchingPattern("AdministratorAccess", List.of("administrator*"))).contains("administrator*");
    }

    @Test
    void adminGrantFailsNamingGrantAndPattern() {
        CheckResult r = result(check, evidence(agent("bot").grants("erp:read", "erp:*", "roles/owner")), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("2 wildcard or administrative grants: erp:* (matches *), roles/owner (matches owner)");
    }

    @Test
    void activeCredentialScopesCountRevokedOnesDoNot() {
        CheckResult r = result(check, evidence(agent("bot").grants("erp:read"), credential("c1", "bot").scopes("root")), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).contains("scope root of c1");
        assertThat(result(check, evidence(agent("bot").grants("erp:read"), credential("c1", "bot").scopes("root").revoked(daysAgo(1))), "bot")
                .result()).isEqualTo(Result.PASS);
    }

    @Test
    void specificGrantsPass() {
        assertThat(result(check, evidence(agent("bot").grants("erp:read", "mail:send")), "bot").reason())
                .isEqualTo("no wildcard or administrative grant among 2 grants and scopes");
    }

    @Test
    void patternsAreConfigurable() {
        assertThat(result(check, evidence(agent("bot").grants("erp:*")), params(check, Map.of("adminPatterns", "superuser")), "bot").result())
                .isEqualTo(Result.PASS);
    }

    @Test
    void nothingToExamineIsInsufficientAndDecommissionedNotApplicable() {
        assertThat(result(check, evidence(agent("bot")), "bot").result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
        assertThat(result(check, evidence(agent("bot").grants("*").decommissioned(daysAgo(1))), "bot").result()).isEqualTo(Result.NOT_APPLICABLE);
    }
}
