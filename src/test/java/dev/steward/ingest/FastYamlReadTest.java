package dev.steward.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the whole reader (the parse-ahead thread, record mapping, validation, the sink): reading a YAML document
 * with the fast reader gives the same problems, in the same order, and the same stored records as the Jackson path,
 * whether the fast reader reads it all, or gives up part way and Jackson takes over (which really happens: the reader
 * says which path ran).
 */
class FastYamlReadTest {

    @TempDir
    Path tmp;

    private final TestLimits limits = new TestLimits();

    /** Everything a read produced: the kind, the problems, what reached the sink, or the exception it ended with. */
    record Outcome(String kind, List<Problem> problems, List<String> stored, String failure,
            DocumentInventoryReader.Path path, long fallbackAfter) {

        Outcome sameAs(Outcome other) {
            assertThat(kind).isEqualTo(other.kind);
            assertThat(failure).isEqualTo(other.failure);
            assertThat(problems).isEqualTo(other.problems);
            assertThat(stored).isEqualTo(other.stored);
            return this;
        }
    }

    private Outcome read(Path file, boolean fast) throws IOException {
        Problems problems = new Problems(100_000);
        RecordingSink sink = new RecordingSink();
        List<String> stored = sink.lines();
        RecordMapper mapper = new RecordMapper(problems, sink, 7, () -> Instant.parse("2026-11-01T00:00:00Z"));
        DocumentInventoryReader reader = new DocumentInventoryReader(limits);
        String name = file.getFileName().toString();
        DocumentInventoryReader.Reopen reopen = () -> BoundedInput.open(name, Files.newInputStream(file), limits);
        String kind = null;
        String failure = null;
        try (InputStream in = reopen.open()) {
            kind = reader.read(name, in, fast ? reopen : null, true, mapper, problems, sink);
        } catch (IngestException e) {
            failure = e.getMessage();
        }
        return new Outcome(kind, problems.listed(), stored, failure, reader.lastPath(), reader.lastFallbackAfter());
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(tmp.resolve(name), yaml, StandardCharsets.UTF_8);
    }

    private Outcome compare(Path file) throws IOException {
        Outcome jackson = read(file, false);
        assertThat(jackson.path()).isEqualTo(DocumentInventoryReader.Path.JACKSON);
        return read(file, true).sameAs(jackson);
    }

    @Test
    void theSampleInventoryIsReadByTheFastPathWithTheSameRecordsAndProblems() throws IOException {
        Outcome fast = compare(Path.of("sample-data/inventory.yaml"));
        assertThat(fast.path()).isEqualTo(DocumentInventoryReader.Path.FAST);
        assertThat(fast.stored()).hasSizeGreaterThan(200);
        assertThat(fast.kind()).isEqualTo("Inventory");
    }

    static final String HEAD = "apiVersion: steward/v1\nkind: Inventory\nasOf: 2026-11-01\n";

    @Test
    void problemsOfBadRecordsComeOutIdentical() throws IOException {
        Outcome fast = compare(write("bad.yaml", HEAD + """
                people:
                  - id: p1
                    name: Pat
                agents:
                  - id: a1
                    autonomy: robotic
                    owner: p1
                    lastReviewedAt: last tuesday
                  - id: a1
                  - name: no id
                    unknownField: {x: [1, 2]}
                credentials:
                  - id: c1
                    holders: [a1]
                    storage: shoebox
                    ttlSeconds: -5
                    location: "AKIAIOSFODNN7EXAMPLE"
                unknown: 1
                """));
        assertThat(fast.path()).isEqualTo(DocumentInventoryReader.Path.FAST);
        assertThat(fast.problems()).hasSizeGreaterThan(3);
    }

    @Test
    void anAliasAfterAThousandRecordsFallsBackThereWithTheSameProblems() throws IOException {
        Outcome fast = compare(write("alias.yaml", HEAD + "agents:\n" + FastYamlFallbackTest.records(1, 1_000)
                + "  - id: &x anchored\n    name: *x\n" + FastYamlFallbackTest.records(2_000, 5)));
        assertThat(fast.path()).isEqualTo(DocumentInventoryReader.Path.FALLBACK);
        assertThat(fast.fallbackAfter()).isGreaterThan(400);
        assertThat(fast.problems()).anySatisfy(p -> assertThat(p.reason()).contains("YAML aliases are not expanded"));
    }

    @Test
    void aSyntaxErrorAfterAThousandRecordsEndsWithTheSameMessage() throws IOException {
        Outcome fast = compare(write("broken.yaml", HEAD + "agents:\n" + FastYamlFallbackTest.records(1, 1_000)
                + "  - id: \"unterminated\n    name: x\n"));
        assertThat(fast.path()).isEqualTo(DocumentInventoryReader.Path.FALLBACK);
        assertThat(fast.failure()).startsWith("broken.yaml:");
    }

    @Test
    void anAliasBombEndsWithTheSameMessage() throws IOException {
        StringBuilder bomb = new StringBuilder(HEAD + "a0: &a0 [x, x]\n");
        for (int i = 1; i < 60; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        Outcome fast = compare(write("bomb.yaml", bomb.toString()));
        assertThat(fast.failure()).contains("steward.ingest.max-yaml-aliases");
    }

    @Test
    void aGzippedDocumentIsReopenedDecompressedByTheAdapter() throws IOException {
        String yaml = HEAD + "agents:\n" + FastYamlFallbackTest.records(1, 1_000) + "  - id: !!str tagged\n";
        Path gz = tmp.resolve("inventory.yaml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(yaml.getBytes(StandardCharsets.UTF_8));
        }
        Path plain = write("inventory.yaml", yaml);
        Outcome jackson = read(plain, false);
        Problems problems = new Problems(100_000);
        RecordingSink sink = new RecordingSink();
        NativeInventoryAdapter adapter = new NativeInventoryAdapter(limits);
        InputFile file = new InputFile("inventory.yaml", gz);
        try (InputStream in = BoundedInput.open(file.name(), Files.newInputStream(gz), limits)) {
            adapter.read(file, FileRole.YAML_DOCUMENT, in, new RecordMapper(problems, sink, 7,
                    () -> Instant.parse("2026-11-01T00:00:00Z")), problems, sink);
        }
        assertThat(adapter.lastYamlPath()).isEqualTo(DocumentInventoryReader.Path.FALLBACK);
        assertThat(problems.listed()).isEqualTo(jackson.problems());
        List<String> stored = sink.lines().stream().filter(s -> s.startsWith("AgentRecord")).toList();
        assertThat(stored).hasSize(1_001).isEqualTo(jackson.stored().stream().filter(s -> s.startsWith("AgentRecord")).toList());
    }
}
