package dev.steward.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every kind of bad input ends in a REJECTED upload whose problems name file, line, field and value. */
@QuarkusTest
class BadInputTest {

    @Inject
    IngestService ingest;

    final TestFiles files = new TestFiles();
    final String scope = "bad-" + UUID.randomUUID();

    private IngestReport ingest(Path... paths) {
        return ingest.ingest(new IngestRequest(java.util.Arrays.stream(paths).map(InputFile::of).toList(), "auto", null,
                null, scope, "test", null, null));
    }

    @Test
    void invalidFieldValuesAreAllListed() {
        IngestReport r = ingest(files.write("inventory.yaml", """
                apiVersion: steward/v1
                kind: Inventory
                asOf: 2026-11-01
                agents:
                  - id: a1
                    autonomy: robotic
                  - id: a2
                    lastReviewedAt: last tuesday
                  - id: a1
                  - name: no id here
                credentials:
                  - id: c1
                    storage: shoebox
                    ttlSeconds: -5
                """));
        assertThat(r.status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(r.problems()).filteredOn(p -> p.level() == Problem.Level.ERROR)
                .extracting(Problem::file, Problem::line, Problem::field, Problem::value)
                .contains(tuple("inventory.yaml", 6L, "agents.autonomy", "robotic"),
                        tuple("inventory.yaml", 8L, "agents.lastReviewedAt", "last tuesday"),
                        tuple("inventory.yaml", 9L, "agents.id", "a1"),
                        tuple("inventory.yaml", 10L, "agents.id", null),
                        tuple("inventory.yaml", 13L, "credentials.storage", "shoebox"),
                        tuple("inventory.yaml", 14L, "credentials.ttlSeconds", "-5"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.reason()).contains("autonomous"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.reason()).contains("duplicate id; first defined at inventory.yaml:5"));
    }

    @Test
    void aYamlAliasBombIsRefused() {
        StringBuilder bomb = new StringBuilder("apiVersion: steward/v1\nkind: Inventory\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        IngestReport r = ingest(files.write("bomb.yaml", bomb.toString()));
        assertThat(r.status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(r.problems()).filteredOn(p -> p.level() == Problem.Level.ERROR).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bomb.yaml");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.reason()).contains("more than 50 YAML aliases")
                    .contains("steward.ingest.max-yaml-aliases");
        });
    }

    @Test
    void aYamlAliasInsideARecordIsAnErrorNotASilentlyWrongValue() {
        IngestReport r = ingest(files.write("alias.yaml", "apiVersion: steward/v1\nkind: Inventory\nasOf: 2026-11-01\n"
                + "defaults: &team payments\nagents:\n  - id: a1\n    team: *team\n"));
        assertThat(r.status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(r.problems()).extracting(Problem::line, Problem::field).contains(tuple(7L, "team"));
    }

    @Test
    void deeplyNestedDocumentsAreRefused() {
        String deep = "[".repeat(100) + "]".repeat(100);
        IngestReport r = ingest(files.write("deep.json", "{\"apiVersion\":\"steward/v1\",\"kind\":\"Inventory\",\"x\":" + deep + "}"));
        assertThat(r.status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("deep.json");
            assertThat(p.reason()).contains("nesting").contains("steward.ingest.max-nesting-depth");
        });
    }

    @Test
    void aHugeLineIsRefusedWithItsLineNumber() {
        String ok = TestFiles.decision(1, "a-" + scope);
        String huge = "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\",\"decision\":\"allow\",\"reason\":\""
                + "x".repeat(2 << 20) + "\"}\n";
        IngestReport r = ingest(files.write("huge.jsonl", ok + ok + huge));
        assertThat(r.status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("huge.jsonl");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).isEqualTo("line longer than 1048576 bytes (steward.ingest.max-line-bytes)");
        });
    }

    @Test
    void aGzipBombIsRefused() throws Exception {
        Path bomb = files.dir().resolve("bomb.jsonl.gz");
        try (var gz = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(bomb))) {
            byte[] newlines = new byte[1 << 20];
            java.util.Arrays.fill(newlines, (byte) '\n');
            for (int i = 0; i < 64; i++) {
                gz.write(newlines);
            }
        }
        IngestReport r = ingest(bomb);
        assertThat(r.status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bomb.jsonl.gz");
            assertThat(p.reason()).contains("compression ratio exceeds 200:1").contains("gzip bomb");
        });
    }

    @Test
    void csvProblemsNameTheRow() {
        IngestReport r = ingest(files.write("meta.csv", "asOf,source\n2026-11-01,hr\n"),
                files.write("agents.csv", "id,autonomy,killSwitch.testedAt\na1,supervised,2026-10-01\na2,sometimes,\na3,autonomous,soon\n"));
        assertThat(r.status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(r.problems()).filteredOn(p -> p.level() == Problem.Level.ERROR)
                .extracting(Problem::file, Problem::line, Problem::field, Problem::value)
                .containsExactly(tuple("agents.csv", 3L, "agents.autonomy", "sometimes"),
                        tuple("agents.csv", 4L, "agents.killSwitch.testedAt", "soon"));
    }

    @Test
    void aRecordWithAnErrorStillHasItsTimesRead() {
        // month 13 and 30 February pass the schema's pattern and fail only when read as dates: they must be listed in
        // the same answer as the record's other errors, not after the user has fixed those; a time the pattern
        // refuses ('yesterday') is listed once
        IngestReport r = ingest(files.write("meta.csv", "asOf,source\n2026-11-01,hr\n"),
                files.write("agents.csv", "id,autonomy,createdAt,killSwitch.testedAt\na1,sometimes,2026-13-01,2026-02-30\n"),
                files.write("credentials.csv", "id,type,createdAt,expiresAt\nc1,api_key,yesterday,2026-04-31\n"));
        assertThat(r.status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(r.problems()).filteredOn(p -> p.level() == Problem.Level.ERROR)
                .extracting(Problem::file, Problem::line, Problem::field, Problem::value)
                .containsExactlyInAnyOrder(tuple("agents.csv", 2L, "agents.autonomy", "sometimes"),
                        tuple("agents.csv", 2L, "agents.createdAt", "2026-13-01"),
                        tuple("agents.csv", 2L, "agents.killSwitch.testedAt", "2026-02-30"),
                        tuple("credentials.csv", 2L, "credentials.type", "api_key"),
                        tuple("credentials.csv", 2L, "credentials.createdAt", "yesterday"),
                        tuple("credentials.csv", 2L, "credentials.expiresAt", "2026-04-31"));
    }

    @Test
    void aFileOfTheWrongKindIsRefusedBeforeReading() {
        Path log = files.write("d.jsonl", TestFiles.decision(1, "x"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ingest.ingest(new IngestRequest(List.of(InputFile.of(log)),
                        "auto", null, null, scope, "test", null, dev.steward.upload.UploadKind.INVENTORY)))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("these files are decision logs, not inventory");
    }
}
