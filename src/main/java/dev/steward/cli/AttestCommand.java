package dev.steward.cli;

import dev.steward.attestation.Attestation;
import dev.steward.attestation.AttestationService;
import dev.steward.ingest.Times;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code steward attest}: attaches manual evidence to a control (or lists or withdraws attestations), the CLI twin of
 * {@code /api/v1/attestations}. Assessments made while an attestation is in force count it.
 */
@Command(name = "attest", mixinStandardHelpOptions = true,
        description = {"Attach manual evidence (a policy, a procedure, a training record) to a framework control whose"
                + " mapping asks for it; or --list the attestations, or --withdraw one.",
                "GET /api/v1/frameworks/{id} lists each control's manual evidence ids.",
                "Exit code: 0 on success, 2 on bad usage or a refused attestation."})
public class AttestCommand implements Callable<Integer> {

    @Option(names = "--framework", paramLabel = "<id>", description = "Framework id, e.g. nist-ai-rmf-1.0.")
    String framework;

    @Option(names = "--control", paramLabel = "<id>", description = "Control id, e.g. \"GOVERN 1.4\".")
    String control;

    @Option(names = "--evidence", paramLabel = "<id>", description = "The control's manual evidence id.")
    String evidence;

    @Option(names = "--statement", paramLabel = "<text>", description = "What you attest, in a sentence or two.")
    String statement;

    @Option(names = "--valid-from", paramLabel = "<instant>", description = "Start of validity (RFC 3339 or date). Default: now.")
    String validFrom;

    @Option(names = "--valid-until", paramLabel = "<instant>", description = "When the evidence must be renewed (required).")
    String validUntil;

    @Option(names = "--file", paramLabel = "<file>", description = "A file to attach (scanned for secret values).")
    Path file;

    @Option(names = "--list", description = "List attestations (of --framework/--control when given), newest first.")
    boolean list;

    @Option(names = "--withdraw", paramLabel = "<id>", description = "Withdraw attestation <id>; needs --reason.")
    Long withdraw;

    @Option(names = "--reason", paramLabel = "<text>", description = "Why the attestation is withdrawn.")
    String reason;

    @Spec
    CommandSpec spec;

    private final AttestationService attestations;

    public AttestCommand(AttestationService attestations) {
        this.attestations = attestations;
    }

    @Override
    @ActivateRequestContext
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        String user = "cli:" + System.getProperty("user.name");
        try {
            if (list) {
                for (Attestation a : attestations.list(framework, control)) {
                    o.printf("%-16s %-40s valid %s .. %s%s by %s%n", a.ref(), a.evidenceKey(), a.validFrom(), a.validUntil(),
                            a.withdrawnAt() == null ? "" : " WITHDRAWN " + a.withdrawnAt(), a.attestedBy());
                }
            } else if (withdraw != null) {
                Attestation a = attestations.withdraw(withdraw, reason, user)
                        .orElseThrow(() -> new IllegalArgumentException("no attestation " + withdraw));
                o.printf("Withdrawn %s (%s) at %s%n", a.ref(), a.evidenceKey(), a.withdrawnAt());
            } else {
                byte[] bytes = file == null ? null : Files.readAllBytes(file);
                Attestation a = attestations.attach(new AttestationService.Request(framework, control, evidence, statement,
                        instant("--valid-from", validFrom), instant("--valid-until", validUntil),
                        file == null ? null : file.getFileName().toString(), bytes), user);
                o.printf("Attested %s: %s, valid %s .. %s%s%ncontent SHA-256 %s%n", a.ref(), a.evidenceKey(), a.validFrom(),
                        a.validUntil(), a.fileName() == null ? "" : ", file " + a.fileName() + " (" + a.fileSize() + " bytes)",
                        a.contentHash());
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        o.flush();
        return 0;
    }

    private static Instant instant(String option, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Times.parse(text).orElseThrow(() -> new IllegalArgumentException(option + " '" + text
                + "' is not an RFC 3339 date-time or a date (YYYY-MM-DD)"));
    }
}
