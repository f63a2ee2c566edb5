package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.testing.AssessmentFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code steward assess <folder>}: ingest, assess, print the table, write findings.json and summary.json. */
@QuarkusTest
class AssessCommandTest {

    @Inject
    CommandLine.IFactory factory;

    Run run(String... args) {
        return Run.of(factory, args);
    }

    /** A folder holding the fixture's inventory and decision log. */
    static Path input(AssessmentFixture f) throws java.io.IOException {
        Path folder = f.files.dir().resolve("input");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("inventory.yaml"), f.inventory(false));
        Files.writeString(folder.resolve("decisions.jsonl"), f.decisions());
        return folder;
    }

    @Test
    void assessesAFolderAndWritesTheReports() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        Path folder = input(f);
        Path out = f.files.dir().resolve("reports");

        Run first = run("assess", folder.toString(), "--as-of", "2030-03-06", "--window", "90d", "--out", out.toString());

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("committed").contains("(new)").contains("owasp-asi-2026").contains("out-of-scope")
                .contains("Recommendation per team:").contains(f.team()).contains("Wrote ");
        byte[] findings = Files.readAllBytes(out.resolve("findings.json"));
        assertThat(new String(findings, StandardCharsets.UTF_8)).contains(f.shadow());
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"recommendations\"").contains("\"rollups\"");

        Run again = run("assess", "--as-of", "2030-03-06", "--window", "90d", "--out", out.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("stored already");
        assertThat(Files.readAllBytes(out.resolve("findings.json"))).isEqualTo(findings);

        // a second shadow agent shows up in the logs: a new run, and each framework's score beside its change since the
        // first (decisions, not a newer inventory: the CLI's uploads share one scope, where a newer inventory would
        // supersede other tests' ones)
        Files.writeString(folder.resolve("decisions.jsonl"), f.decisions() + "{\"id\":\"d-" + f.s + "-y\",\"time\":"
                + "\"2030-02-21T10:00:00Z\",\"agent\":\"" + f.shadow() + "-2\",\"tool\":\"erp\",\"action\":\"read\","
                + "\"decision\":\"allow\",\"environment\":\"prod\"}\n");
        Run changed = run("assess", folder.toString(), "--as-of", "2030-03-06", "--window", "90d", "--out", out.toString());
        assertThat(changed.exit()).as(changed.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode diff = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("summary.json").toFile()).path("diff");
        assertThat(diff.path("counts").path("newFindings").asLong()).isPositive();
        assertThat(changed.out()).contains("Since " + diff.path("previousId").asText());
        com.fasterxml.jackson.databind.JsonNode added = diff.path("basis").path("inputsAdded");
        assertThat(added).as("the changed decisions file, a new upload").hasSize(1);
        assertThat(changed.out()).contains("Since then: 1 input new (decisions upload "
                + added.get(0).path("uploadId").asLong() + "); the same mappings, check parameters and engine.");
        // the teams' moves, from the diff's teams: how many scored lower, the largest falls first
        java.util.List<com.fasterxml.jackson.databind.JsonNode> lower = new java.util.ArrayList<>();
        diff.path("teams").forEach(t -> {
            if (!t.path("previousScore").isNull() && t.path("delta").asDouble() < 0) {
                lower.add(t);
            }
        });
        lower.sort(java.util.Comparator.comparingDouble(t -> t.path("delta").asDouble()));
        String moved = changed.out().lines().filter(l -> l.startsWith("Teams since then: ")).findFirst().orElseThrow();
        assertThat(moved).startsWith("Teams since then: " + lower.size() + " scored lower");
        for (com.fasterxml.jackson.databind.JsonNode t : lower.subList(0, Math.min(3, lower.size()))) {
            assertThat(moved).contains(t.path("team").asText() + " " + String.format(java.util.Locale.ROOT,
                    "%+.2f pts", t.path("delta").asDouble() * 100));
        }
        String header = changed.out().lines().filter(l -> l.startsWith("framework ")).findFirst().orElseThrow();
        assertThat(header.split("\\s+")).startsWith("framework", "score", "change", "coverage");
        assertThat(diff.path("frameworks")).isNotEmpty();
        for (com.fasterxml.jackson.databind.JsonNode d : diff.path("frameworks")) {
            String line = changed.out().lines().filter(l -> l.startsWith(d.path("ref").asText() + " ")).findFirst()
                    .orElseThrow();
            String shown = line.split("\\s+")[2];
            assertThat(shown).isEqualTo(d.path("delta").isNull() ? "-"
                    : String.format(java.util.Locale.ROOT, "%+.4f", d.path("delta").asDouble()));
        }
    }

    @Test
    void aRejectedUploadStopsBeforeAssessingAndBadUsageExitsWithTwo() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        Path folder = f.files.dir().resolve("broken");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("decisions.jsonl"), "{\"time\":\"2030-02-02T10:00:00Z\",\"agent\":\"x-" + f.s
                + "\",\"decision\":\"maybe\"}\n");
        Run rejected = run("assess", folder.toString(), "--out", f.files.dir().resolve("r").toString());
        assertThat(rejected.exit()).isEqualTo(1);
        assertThat(rejected.err()).contains("not assessed");
        assertThat(f.files.dir().resolve("r")).doesNotExist();

        assertThat(run("assess", "--window", "forever").exit()).isEqualTo(2);
        assertThat(run("assess", "--as-of", "someday").err()).contains("--as-of 'someday'");
    }

    @Test
    void aBadOutFolderIsToldBeforeAnythingIsIngestedOrAssessed() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        Path folder = input(f);
        Path file = Files.writeString(f.files.dir().resolve("a-file.txt"), "not a folder");

        Run onAFile = run("assess", folder.toString(), "--as-of", "2030-03-06", "--out", file.toString());
        assertThat(onAFile.exit()).isEqualTo(2);
        assertThat(onAFile.err()).contains("error: --out '" + file + "': it is a file, not a folder");
        assertThat(onAFile.out()).doesNotContain("committed").doesNotContain("Assessment ");

        Path under = file.resolve("reports");
        Run underAFile = run("assess", "--as-of", "2030-03-06", "--out", under.toString());
        assertThat(underAFile.exit()).isEqualTo(2);
        assertThat(underAFile.err()).contains("--out '" + under + "': " + file + " is a file, not a folder");
        assertThat(underAFile.out()).doesNotContain("Assessment ");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void aFailedWriteAfterTheRunSaysTheRunIsStoredAndTheNextCommandWritesItsFiles() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        Path folder = input(f);
        Path out = f.files.dir().resolve("blocked");
        // a folder where findings.json should go: the folder itself is fine, the file cannot be written
        Files.createDirectories(out.resolve("findings.json"));

        Run failed = run("assess", folder.toString(), "--as-of", "2030-03-07", "--out", out.toString());
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).contains("(new)");
        String id = failed.out().lines().filter(l -> l.startsWith("Assessment ")).findFirst().orElseThrow().split(" ")[1];
        assertThat(failed.err()).startsWith("error: cannot write to " + out).contains("assessment " + id + " is stored")
                .doesNotContain("Exception").doesNotContain("\tat ");

        Path other = f.files.dir().resolve("other");
        Run again = run("assess", "--as-of", "2030-03-07", "--out", other.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Assessment " + id).contains("stored already");
        assertThat(other.resolve("findings.json")).isNotEmptyFile();
    }

    @Test
    void anAssessmentOfNothingSaysSoAndHowToIngest() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        Path folder = input(f);
        Path out = f.files.dir().resolve("empty");

        // every inventory of the tests is dated decades later, so nothing is in force in 1999
        Run empty = run("assess", "--as-of", "1999-06-01", "--out", out.toString());

        assertThat(empty.exit()).as(empty.err()).isZero();
        assertThat(empty.out()).contains("0 agents, 0 credentials")
                .contains("Nothing to assess: the store holds no agent or credential in force as of 1999-06-01T00:00:00Z")
                .contains("steward ingest <folder>");
        Run some = run("assess", folder.toString(), "--as-of", "2030-03-06", "--out", out.toString());
        assertThat(some.exit()).as(some.err()).isZero();
        assertThat(some.out()).doesNotContain("Nothing to assess");
    }

    @Test
    void countsAreWrittenInTheSingularForOne() {
        assertThat(dev.steward.text.Words.count(1, "principal")).isEqualTo("1 principal");
        assertThat(dev.steward.text.Words.count(0, "agent")).isEqualTo("0 agents");
        assertThat(dev.steward.text.Words.count(82, "agent")).isEqualTo("82 agents");
    }
}
