package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.person;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import org.junit.jupiter.api.Test;

class Own3BackupOwnerCheckTest {

    private final Own3BackupOwnerCheck check = new Own3BackupOwnerCheck();

    @Test
    void activeDistinctBackupPasses() {
        CheckResult r = result(check, evidence(agent("bot").owner("p-ana").backupOwner("p-carl"), person("p-ana"), person("p-carl")), "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.evidence()).anySatisfy(ref -> assertThat(ref.id()).isEqualTo("p-carl"));
    }

    @Test
    void missingBackupFails() {
        assertThat(result(check, evidence(agent("bot").owner("p-ana"), person("p-ana")), "bot").reason()).isEqualTo("no backup owner set");
    }

    @Test
    void backupSameAsOwnerFails() {
        CheckResult r = result(check, evidence(agent("bot").owner("p-ana").backupOwner("p-ana"), person("p-ana")), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).contains("also the owner");
    }

    @Test
    void departedOrUnknownBackupFails() {
        CheckResult departed = result(check, evidence(agent("bot").owner("p-ana").backupOwner("p-carl"),
                person("p-ana"), person("p-carl").departed(daysAgo(2))), "bot");
        assertThat(departed.result()).isEqualTo(Result.FAIL);
        assertThat(departed.reason()).contains("p-carl departed 2026-10-30");
        assertThat(result(check, evidence(agent("bot").owner("p-ana").backupOwner("p-x"), person("p-ana")), "bot").result())
                .isEqualTo(Result.FAIL);
    }

    @Test
    void noDirectoryIsInsufficient() {
        assertThat(result(check, evidence(agent("bot").owner("p-ana").backupOwner("p-carl")), "bot").result())
                .isEqualTo(Result.INSUFFICIENT_EVIDENCE);
    }

    @Test
    void decommissionedIsNotApplicable() {
        assertThat(result(check, evidence(agent("bot").decommissioned(daysAgo(1))), "bot").result()).isEqualTo(Result.NOT_APPLICABLE);
    }
}
