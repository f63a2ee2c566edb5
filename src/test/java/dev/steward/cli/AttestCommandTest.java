package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code steward attest}: attach, list and withdraw manual evidence from the command line. */
@QuarkusTest
class AttestCommandTest {

    @Inject
    CommandLine.IFactory factory;

    Run run(String... args) {
        return Run.of(factory, args);
    }

    @Test
    void attachesListsAndWithdrawsWithTheFileHashShown() throws Exception {
        Path file = Files.createTempFile("training-", ".csv");
        Files.writeString(file, "owner,course,completed\np-ana,agent-ownership-101,2042-01-10\n");

        Run attached = run("attest", "--framework", "nist-csf-2.0", "--control", "PR.AT-02", "--evidence",
                "csf-pr-at-02-owner-training", "--statement", "All agent owners completed the course", "--valid-from",
                "2042-01-01", "--valid-until", "2042-12-31", "--file", file.toString());
        assertThat(attached.exit()).as(attached.err()).isZero();
        assertThat(attached.out()).contains("Attested attestation-").contains("nist-csf-2.0:PR.AT-02#csf-pr-at-02-owner-training")
                .contains("file " + file.getFileName()).contains("content SHA-256 ");
        String ref = attached.out().substring(attached.out().indexOf("attestation-")).split("[:\\s]")[0];
        String id = ref.substring("attestation-".length());

        Run listed = run("attest", "--list", "--framework", "nist-csf-2.0", "--control", "PR.AT-02");
        assertThat(listed.out()).contains(ref).doesNotContain("WITHDRAWN");

        Run refused = run("attest", "--withdraw", id);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("field 'reason' is required");

        Run withdrawn = run("attest", "--withdraw", id, "--reason", "course record was incomplete");
        assertThat(withdrawn.exit()).as(withdrawn.err()).isZero();
        assertThat(run("attest", "--list", "--framework", "nist-csf-2.0").out()).contains(ref + " ").contains("WITHDRAWN");
    }

    @Test
    void aRefusedAttestationSaysWhyAndExitsTwo() {
        Run r = run("attest", "--framework", "nist-csf-2.0", "--control", "PR.AT-02", "--evidence",
                "csf-pr-at-02-owner-training", "--statement", "x", "--valid-until", "next year");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--valid-until 'next year'");
    }
}
