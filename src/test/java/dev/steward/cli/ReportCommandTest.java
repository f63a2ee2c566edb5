package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.testing.AssessmentFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code steward report <folder>}: ingest, assess, and write both reports in every format plus findings.json. */
@QuarkusTest
class ReportCommandTest {

    @Inject
    CommandLine.IFactory factory;

    @Test
    void writesEveryReportInEveryFormat() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        Path folder = f.files.dir().resolve("input");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("inventory.yaml"), f.inventory(false));
        Files.writeString(folder.resolve("decisions.jsonl"), f.decisions());
        Path out = f.files.dir().resolve("reports");
        StringWriter stdout = new StringWriter();
        CommandLine cl = StewardCommand.commandLine(factory);
        cl.setOut(new PrintWriter(stdout));
        cl.setErr(new PrintWriter(new StringWriter()));

        int exit = cl.execute("report", folder.toString(), "--as-of", "2030-03-11", "--out", out.toString());

        assertThat(exit).as(stdout.toString()).isZero();
        for (String report : new String[] {"ownership", "gaps"}) {
            for (String ext : new String[] {"xlsx", "pdf", "html", "csv", "json"}) {
                assertThat(out.resolve(report + "." + ext)).as(report + "." + ext).isNotEmptyFile();
            }
        }
        assertThat(Files.readString(out.resolve("findings.json"))).startsWith("[").contains(f.shadow());
        assertThat(stdout.toString()).contains("Recommendation per team:").contains("gaps.pdf");
    }

    @Test
    void formatOptionWritesOnlyTheNamedFormats() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        Path folder = f.files.dir().resolve("input");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("inventory.yaml"), f.inventory(false));
        Files.writeString(folder.resolve("decisions.jsonl"), f.decisions());
        Path out = f.files.dir().resolve("reports");
        StringWriter stdout = new StringWriter();
        CommandLine cl = StewardCommand.commandLine(factory);
        cl.setOut(new PrintWriter(stdout));
        cl.setErr(new PrintWriter(new StringWriter()));

        int exit = cl.execute("report", folder.toString(), "--as-of", "2030-03-11", "--format", "xlsx,pdf", "--out",
                out.toString());

        assertThat(exit).as(stdout.toString()).isZero();
        for (String report : new String[] {"ownership", "gaps"}) {
            assertThat(out.resolve(report + ".xlsx")).isNotEmptyFile();
            assertThat(out.resolve(report + ".pdf")).isNotEmptyFile();
            assertThat(out.resolve(report + ".html")).doesNotExist();
            assertThat(out.resolve(report + ".csv")).doesNotExist();
        }
        assertThat(out.resolve("findings.json")).isNotEmptyFile();
    }

    @Test
    void aBadOptionIsToldBeforeAnythingIsIngestedOrAssessed() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        Path folder = AssessCommandTest.input(f);
        Path file = Files.writeString(f.files.dir().resolve("reports.txt"), "a file");
        Path out = f.files.dir().resolve("reports");

        assertRefusedUpFront(new String[] {"report", folder.toString(), "--out", file.toString()},
                "error: --out '" + file + "': it is a file, not a folder");
        assertRefusedUpFront(new String[] {"report", folder.toString(), "--format", "xlsx,docx", "--out", out.toString()},
                "error: format 'docx' is not one of");
        assertRefusedUpFront(new String[] {"report", folder.toString(), "--framework", "owasp-asi-2099", "--out",
                out.toString()}, "error: unknown framework 'owasp-asi-2099'; known: [");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownTeamIsToldInsteadOfWritingEmptyReports() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        Path folder = AssessCommandTest.input(f);
        Path out = f.files.dir().resolve("reports");

        Run typo = Run.of(factory, "report", folder.toString(), "--as-of", "2030-03-12", "--team", f.team() + "-typo", "--out",
                out.toString());

        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("error: team '" + f.team() + "-typo' has no agents or credentials")
                .contains(f.team());
        assertThat(out).doesNotExist();

        Run narrowed = Run.of(factory, "report", "--as-of", "2030-03-12", "--team", f.team(), "--format", "csv", "--out",
                out.toString());
        assertThat(narrowed.exit()).as(narrowed.err()).isZero();
        assertThat(Files.readString(out.resolve("ownership.csv"))).contains(f.team());
    }

    @Test
    void managerOwnerAndEnvironmentNarrowTheReportsAndAnUnknownOneIsTold() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        Path folder = AssessCommandTest.input(f);
        Path byOwner = f.files.dir().resolve("by-owner");
        Path byEnvironment = f.files.dir().resolve("by-environment");
        Path byManager = f.files.dir().resolve("by-manager");
        assertThat(Run.of(factory, "report", folder.toString(), "--as-of", "2030-03-13", "--owner", "p-ana-" + f.s, "--format",
                "csv", "--out", byOwner.toString()).exit()).isZero();
        assertThat(Files.readString(byOwner.resolve("ownership.csv"))).contains(f.botB()).doesNotContain(f.botA());

        assertThat(Run.of(factory, "report", "--as-of", "2030-03-13", "--environment", "dev", "--format", "csv", "--out",
                byEnvironment.toString()).exit()).isZero();
        assertThat(Files.readString(byEnvironment.resolve("ownership.csv"))).contains(f.botB()).doesNotContain(f.botA());

        Run typo = Run.of(factory, "report", "--as-of", "2030-03-13", "--manager", "p-bos-" + f.s, "--format", "csv", "--out",
                byManager.toString());
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("error: manager 'p-bos-" + f.s + "' has no agents or credentials")
                .contains("its managers: ").contains("p-boss-" + f.s);
        assertThat(byManager).doesNotExist();
    }

    private void assertRefusedUpFront(String[] args, String error) {
        Run r = Run.of(factory, args);

        assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(r.err()).contains(error);
        assertThat(r.out()).as("nothing ingested or assessed").doesNotContain("committed").doesNotContain("Assessment ");
    }
}
