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
}
