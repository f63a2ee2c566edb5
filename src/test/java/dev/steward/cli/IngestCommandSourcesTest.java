package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.testing.TestFiles;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** {@code steward ingest} on a folder of source exports: one upload per source, formats detected, non-inputs skipped. */
@QuarkusMainTest
class IngestCommandSourcesTest {

    @Test
    void aFolderOfExportsIsDetectedAndIngestedPerSource(QuarkusMainLauncher launcher) {
        TestFiles files = new TestFiles();
        files.write("exports/opa/decisions.log", "opa_1 | {\"decision_id\":\"c1\",\"input\":{\"agent\":\"cli-bot\"},"
                + "\"result\":true,\"timestamp\":\"2026-10-02T10:00:00Z\"}\n");
        files.write("exports/aws/credential-report.csv", "user,arn,user_creation_time,password_enabled,"
                + "access_key_1_active,access_key_1_last_rotated\nci,arn:aws:iam::210987654321:user/ci,"
                + "2025-01-01T00:00:00+00:00,false,true,2025-01-02T00:00:00+00:00\n");
        files.write("exports/README.md", "# what these are\n");

        LaunchResult r = launcher.launch("ingest", files.dir().resolve("exports").toString());

        assertThat(r.exitCode()).as(r.getOutput() + r.getErrorOutput()).isZero();
        assertThat(r.getOutput()).contains("skipped README.md: not an input file type")
                .contains("format aws-iam; scope aws:210987654321").contains("format opa; scope native")
                .contains("Summary: 2 uploads, 0 rejected; stored 0 people, 1 agent, 1 credential, 1 decision.");
    }
}
