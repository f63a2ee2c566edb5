package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.export.ExportRuns;
import dev.steward.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code steward export --out}: a bad folder is bad usage, told before the export starts and not recorded as failed. */
@QuarkusTest
class ExportCommandTest {

    @Inject
    CommandLine.IFactory factory;

    @Inject
    ExportRuns runs;

    @Test
    void aFileAsTheOutFolderIsBadUsageAndNoExportIsRecorded() throws Exception {
        Path file = Files.writeString(new TestFiles().dir().resolve("bundle.txt"), "a file");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = StewardCommand.commandLine(factory);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));

        int exit = cl.execute("export", "--period", "2019-04", "--out", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("error: --out '" + file + "': it is a file, not a folder");
        assertThat(out.toString()).isEmpty();
        assertThat(runs.get("2019-04")).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("a file");
    }

    private Run run(String... args) {
        return Run.of(factory, args);
    }

    @Test
    void aPeriodExportedAlreadyIsSkippedAndABundleNoLongerThereIsAnError() throws Exception {
        Path root = new TestFiles().dir().resolve("exports");
        Run first = run("export", "--period", "2019-05", "--out", root.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        Path bundle = root.resolve("2019-05");
        assertThat(bundle.resolve("manifest.json")).isRegularFile();
        assertThat(bundle.resolve("VERIFY.txt")).isRegularFile();
        // the verify line names this installation's key, kept apart from the bundle, not the copy inside it
        java.util.regex.Matcher key = java.util.regex.Pattern
                .compile("Signed with the key (\\S+) \\(fingerprint (\\p{XDigit}{64})\\)").matcher(first.out());
        assertThat(key.find()).as(first.out()).isTrue();
        Path keyFile = Path.of(key.group(1));
        assertThat(keyFile).isRegularFile();
        assertThat(keyFile.toAbsolutePath().startsWith(bundle.toAbsolutePath())).isFalse();
        assertThat(key.group(2)).isEqualTo(dev.steward.export.SigningKeys.fingerprint(
                dev.steward.export.SigningKeys.readPublic(keyFile)));
        assertThat(first.out()).contains("Verify with: steward verify " + bundle + " --public-key " + keyFile);
        Run verified = run("verify", bundle.toString(), "--public-key", keyFile.toString());
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.err()).doesNotContain("no --public-key given");

        Run again = run("export", "--period", "2019-05", "--out", root.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Skipped: 2019-05 is DONE already (" + bundle.toAbsolutePath() + ")");

        String manifest = runs.get("2019-05").orElseThrow().manifestSha256();
        dev.steward.export.Bundles.deleteTree(bundle);
        Run gone = run("export", "--period", "2019-05", "--out", root.toString());
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err()).contains("error: 2019-05 was exported at ").contains("to " + bundle.toAbsolutePath()
                + ", but no bundle is there now").contains("restore that folder").contains(manifest);
        assertThat(bundle).doesNotExist();
    }
}
