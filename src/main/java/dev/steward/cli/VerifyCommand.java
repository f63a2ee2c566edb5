package dev.steward.cli;

import dev.steward.export.BundleVerifier;
import dev.steward.export.Manifest;
import dev.steward.export.Period;
import dev.steward.export.SigningKeys;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code steward verify}: checks an evidence bundle offline (hashes, sizes, missing or extra files, the Ed25519
 * signature, the chain link). It needs nothing but the bundle and the public key: {@link StewardMain} runs it without
 * starting the application or opening the database.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify an evidence bundle: every file's SHA-256 and size, no file missing or added, the manifest"
                + " signature and the link to the previous period's bundle.",
                "The previous bundle is --previous, or the previous month's folder beside the bundle when it exists.",
                "Exit code: 0 when the bundle verifies, 1 when anything does not match, 2 on bad usage."})
public class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<bundle>", description = "The bundle folder (the one holding manifest.json).")
    Path bundle;

    @Option(names = "--public-key", paramLabel = "<file>", description = "The PEM public key you trust. Default: the"
            + " bundle's own public-key.pem (shows integrity only; compare its fingerprint).")
    Path publicKey;

    @Option(names = "--previous", paramLabel = "<bundle>", description = "The previous period's bundle, to check the chain.")
    Path previous;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (!Files.isDirectory(bundle)) {
            throw new IllegalArgumentException(bundle + " is not a folder");
        }
        PublicKey key = publicKey == null ? null : SigningKeys.readPublic(publicKey);
        BundleVerifier.Report r = BundleVerifier.verify(bundle, key, previous != null ? previous : sibling(bundle));
        r.notes().forEach(n -> o.println("note: " + n));
        r.problems().forEach(p -> o.println("MISMATCH " + p));
        o.println(r.ok() ? "OK: " + bundle + " verifies" : "FAILED: " + bundle + " does not verify (" + r.problems().size()
                + " problem(s))");
        o.flush();
        return r.ok() ? 0 : 1;
    }

    /** The previous month's bundle beside this one, when the folder is named YYYY-MM and that sibling holds a manifest. */
    static Path sibling(Path bundle) {
        Path abs = bundle.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            return null;
        }
        YearMonth month;
        try {
            month = Period.parse(abs.getFileName().toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
        Path prev = parent.resolve(month.minusMonths(1).toString());
        return Files.isRegularFile(prev.resolve(Manifest.FILE)) ? prev : null;
    }

    /** Runs the command on plain picocli, outside Quarkus: the offline path {@link StewardMain} takes. */
    static int standalone(String... args) {
        CommandLine cl = new CommandLine(new VerifyCommand());
        cl.setExecutionExceptionHandler(new CliErrors());
        return cl.execute(args);
    }
}
