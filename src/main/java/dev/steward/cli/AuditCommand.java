package dev.steward.cli;

import dev.steward.audit.Actors;
import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditEvent;
import dev.steward.audit.AuditFile;
import dev.steward.audit.AuditFilter;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import dev.steward.audit.AuditVerification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.steward.export.Manifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code steward audit verify|export}: check the audit trail's hash chain, or write it to a file. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The append-only, hash-chained audit trail: verify its chain, or export it.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class, CommandLine.HelpCommand.class})
public class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints a verification: OK with the head, or the first broken entry. */
    static int print(PrintWriter o, AuditVerification v, String what) {
        if (v.ok()) {
            o.printf("OK: %s verifies: %d entries%s%n", what, v.entries(),
                    v.lastSeq() == null ? "" : ", seq " + v.firstSeq() + ".." + v.lastSeq() + ", last hash " + v.lastHash());
        } else {
            AuditVerification.Problem p = v.problem();
            o.printf("FAILED: %s does not verify at entry %d (%s)%n  %s%n  %s expected %s%n  %s stored   %s%n", what, p.seq(),
                    p.kind(), p.message(), p.field(), p.expected(), p.field(), p.stored());
        }
        o.flush();
        return v.ok() ? 0 : 1;
    }

    /** {@code steward audit verify}: the stored chain, or an exported JSON file with {@code --file}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recompute the audit trail's hash chain and name the first broken entry.",
                    "With --file, check an exported audit JSON file offline instead of the store.",
                    "Exit code: 0 when the chain holds, 1 when it does not, 2 on bad usage."})
    public static class Verify implements Callable<Integer> {

        @Option(names = "--file", paramLabel = "<audit.json>", description = "An audit export (steward audit export,"
                + " GET /api/v1/audit/export?format=json, or audit-log.json of an evidence bundle).")
        Path file;

        @Option(names = "--bundle", paramLabel = "<bundle>", description = "An evidence bundle folder: the stored trail must"
                + " still hold the bundle's audit entries and its recorded head unchanged (detects a rewritten history).")
        Path bundle;

        @Spec
        CommandSpec spec;

        private final AuditLog audit;

        public Verify(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter o = spec.commandLine().getOut();
            if (bundle != null) {
                return againstBundle(o);
            }
            if (file == null) {
                return print(o, audit.verify(), "the audit trail");
            }
            try (InputStream in = Files.newInputStream(file)) {
                AuditFile.FileCheck check = AuditFile.verify(in);
                o.printf("note: %s records head seq %d, hash %s (%s)%n", file, check.head().seq(), check.head().hash(),
                        check.complete() ? "complete: every entry up to the head" : "a slice of the chain");
                return print(o, check.verification(), file.toString());
            }
        }

        /** The stored trail against what a bundle sealed: its period's entries and the head at export, hash for hash. */
        private int againstBundle(PrintWriter o) throws IOException {
            Path sealedFile = bundle.resolve(Manifest.AUDIT_FILE);
            if (!Files.isRegularFile(sealedFile)) {
                throw new IllegalArgumentException(bundle + " holds no " + Manifest.AUDIT_FILE);
            }
            AuditFile.Contents sealed;
            try (InputStream in = Files.newInputStream(sealedFile)) {
                sealed = AuditFile.read(in);
            }
            List<AuditEvent> expected = new ArrayList<>(sealed.events());
            if (sealed.head().seq() > 0) {
                expected.add(new AuditEvent(sealed.head().seq(), null, null, null, null, null, null, null, sealed.head().hash()));
            }
            int mismatches = 0;
            for (AuditEvent e : expected) {
                String stored = audit.at(e.seq()).map(AuditEvent::hash).orElse(null);
                if (!e.hash().equals(stored)) {
                    mismatches++;
                    o.printf("MISMATCH entry %d: the bundle sealed hash %s, the trail holds %s%n", e.seq(), e.hash(),
                            stored == null ? "no entry" : stored);
                }
            }
            o.println(mismatches == 0 ? "OK: the trail still holds the " + sealed.events().size() + " entries and the head"
                    + " (seq " + sealed.head().seq() + ") sealed in " + bundle : "FAILED: the trail was rewritten since "
                    + bundle + " was sealed (" + mismatches + " mismatch(es))");
            o.flush();
            return mismatches == 0 ? 0 : 1;
        }
    }

    /** {@code steward audit export --out <file>}: the whole trail with its head, as JSON (default) or CSV. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the audit trail to a file: JSON with every hash (re-verify it with"
                    + " steward audit verify --file) or CSV (formula-safe, for reading). The export is itself audited."})
    public static class Export implements Callable<Integer> {

        @Option(names = "--out", required = true, paramLabel = "<file>", description = "Where to write.")
        Path out;

        @Option(names = "--format", defaultValue = "json", description = "json or csv. Default: ${DEFAULT-VALUE}.")
        String format;

        @Spec
        CommandSpec spec;

        private final AuditLog audit;

        public Export(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public Integer call() throws IOException {
            String f = format.trim().toLowerCase(Locale.ROOT);
            if (!f.equals("json") && !f.equals("csv")) {
                throw new IllegalArgumentException("--format '" + format + "' is not one of json, csv");
            }
            AuditLog.Head head = audit.head();
            audit.record(Actors.cli(), AuditAction.AUDIT_EXPORTED, out.getFileName().toString(), AuditOutcome.OK,
                    Map.of("format", f, "headSeq", head.seq()));
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            long[] n = {0};
            try (OutputStream os = Files.newOutputStream(out);
                    AuditFile.EventWriter w = f.equals("json") ? AuditFile.json(os, head, true, Instant.now()) : AuditFile.csv(os)) {
                audit.stream(AuditFilter.NONE, e -> {
                    if (e.seq() <= head.seq()) {
                        w.accept(e);
                        n[0]++;
                    }
                });
            }
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Wrote %d audit entries (head seq %d, hash %s) to %s%n", n[0], head.seq(), head.hash(), out);
            o.flush();
            return 0;
        }
    }
}
