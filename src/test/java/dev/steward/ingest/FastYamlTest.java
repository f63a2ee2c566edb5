package dev.steward.ingest;

import static dev.steward.ingest.YamlDifferential.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast YAML reader finds exactly what the Jackson path finds (the same record trees with the same node types,
 * field lines, top-level values, lines), on the repository's YAML files, the YAML documents written in tests, and
 * hand-written edge cases it must read on its own.
 */
class FastYamlTest {

    private final YamlDifferential diff = new YamlDifferential();

    /** Reads {@code yaml} both ways; the fast reader must read it to the end and find what Jackson finds. */
    private void readsAlike(String yaml) {
        byte[] doc = utf8(yaml);
        YamlDifferential.Result jackson = diff.jackson(doc);
        YamlDifferential.Fast fast = diff.fast(doc);
        assertThat(jackson.failure()).as("Jackson reads it").isNull();
        assertThat(fast.outcome().reason()).as("the fast reader reads it to the end").isNull();
        assertThat(fast.outcome().complete()).isTrue();
        assertThat(fast.findings()).isEqualTo(jackson.findings());
    }

    static Stream<Path> repositoryYaml() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("sample-data", "mappings")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(5);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("repositoryYaml")
    void everyYamlFileOfTheRepositoryReadsAlike(Path file) throws IOException {
        byte[] doc = Files.readAllBytes(file);
        YamlDifferential.Result jackson = diff.jackson(doc);
        assertThat(diff.combined(doc)).isEqualTo(jackson);
    }

    @Test
    void theSampleInventoryIsReadByTheFastReaderAlone() throws IOException {
        byte[] doc = Files.readAllBytes(Path.of("sample-data/inventory.yaml"));
        YamlDifferential.Fast fast = diff.fast(doc);
        assertThat(fast.outcome().complete()).as(fast.outcome().toString()).isTrue();
        assertThat(fast.findings()).hasSizeGreaterThan(100).isEqualTo(diff.jackson(doc).findings());
    }

    /** The YAML documents written as text blocks in the tests of the repository. */
    static Stream<String> testDocuments() throws IOException {
        Pattern block = Pattern.compile("\"\"\"\\n(.*?)\"\"\"", Pattern.DOTALL);
        List<String> docs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src/test/java"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = block.matcher(Files.readString(p));
                while (m.find()) {
                    String text = m.group(1);
                    if (text.contains("apiVersion:") && !text.contains("\"apiVersion\"") && !text.contains("%s")) {
                        docs.add(text.stripIndent().translateEscapes());
                    }
                }
            }
        }
        assertThat(docs).hasSizeGreaterThan(1);
        return docs.stream();
    }

    @ParameterizedTest
    @MethodSource("testDocuments")
    void everyYamlDocumentWrittenInTestsReadsAlike(String yaml) {
        byte[] doc = utf8(yaml);
        assertThat(diff.combined(doc)).isEqualTo(diff.jackson(doc));
    }

    static final String HEAD = "apiVersion: steward/v1\nkind: Inventory\nasOf: 2026-11-01T00:00:00Z\n";

    static Stream<String> edgeCases() {
        return Stream.of(
                // quoting and escapes
                HEAD + "agents:\n  - id: \"a\\\"b\\\\c\\n\\t\\0\\a\\b\\v\\f\\r\\e\\ \\N\\_\\L\\P\"\n    name: 'it''s \"x\" \\n'\n",
                HEAD + "agents:\n  - id: \"\\x41\\u00e9\\u20ac\\U0001F600\\uD83D\"\n",
                HEAD + "agents:\n  - id: \"# not a comment\"\n    name: 'a: b'\n    team: \"x: y # z\"\n",
                HEAD + "agents:\n  - id: a#b\n    name: a  b   c   # trailing comment\n    team: x:y\n",
                HEAD + "agents:\n  - id: \"\"\n    name: ''\n    team:\n    owner: ~\n    status: null\n    vendor: Null\n"
                        + "    tools: NULL\n    grants: nil\n",
                // booleans, numbers and look-alikes in all their spellings
                HEAD + "agents:\n  - a: yes\n    b: No\n    c: TRUE\n    d: off\n    e: On\n    f: y\n    g: n\n    h: tRUE\n"
                        + "    i: 'yes'\n    j: Yes please\n    k: OFF\n    l: false\n    m: False\n",
                HEAD + "agents:\n  - a: 0\n    b: -0\n    c: +5\n    d: 123456789012345678\n    e: -42\n"
                        + "    f: 1.5\n    g: -0.25\n    h: +3.50\n    i: 2026-11-01\n    j: 2026-11-01T10:00:00Z\n"
                        + "    k: 1.2.3\n    l: 10.0.0.1\n    m: 12:3x\n    n: \"42\"\n    o: 1e\n    p: 0.0\n    q: .x\n"
                        + "    r: -x\n    s: +\n    t: 2026-11-01 10:00:00\n    u: 99 bottles\n    v: 1_000x\n",
                // unicode, special characters in plain scalars
                HEAD + "agents:\n  - id: Zoë Ærø 日本 🚀\n    name: \"ünïcødé\"\n    team: a,b [c] {d} ? e ! f & g * h | i > j\n"
                        + "    owner: x 'y' \"z\"\n",
                HEAD + "agents:\n  - id: <<\n    name: =\n    team: '@x'\n    '@key': 1\n    \"quoted key\": 2\n    plain key: 3\n"
                        + "    \"\": empty key\n    -dash: 4\n",
                // flow collections
                HEAD + "agents:\n  - identity: {type: spiffe, id: \"spiffe://x/y\"}\n    tools: [a, b]\n    grants: [\"x\", 'y']\n"
                        + "    m: {a: [1, 2], b: {c: d}, e: []}\n    n: []\n    o: {}\n    p: [ a , b ]  # c\n"
                        + "    q: {url: http://x.example/a_b, t: true, n: 1, z: null}\n    r: [[a], [b, c]]\n",
                // CRLF line ends, trailing spaces, blank and comment lines, a leading ---
                "---\r\n" + HEAD.replace("\n", "\r\n") + "agents:   \r\n  - id: a   \r\n\r\n    # comment\r\n    name: b\r\n",
                "# leading comment\n\n--- # a comment\n" + HEAD + "\n\nagents:\n# between\n  - id: a\n      # deep comment\n"
                        + "    name: b\n#end\n",
                // indentless sequences, nested blocks, deep nesting
                HEAD + "agents:\n- id: a\n  tools:\n  - x\n  - y\n  grants:\n    - p\n  m:\n    n:\n      o:\n        p: q\n"
                        + "- id: b\n  s:\n    - k: v\n      l: w\n    - k: v2\ncredentials:\n  - id: c\n",
                HEAD + "agents:\n  -   id: wide\n      name: x\n  - id: b\npeople: []\ncredentials:\n",
                HEAD + deep(20),
                // top-level oddities the Jackson path reports on
                HEAD + "source: null\nextra: {a: 1}\nagents: null\npeople: 5\nother:\n  - a\n  - b\nmore:\n  x: y\n",
                HEAD + "agents:\n  - id: a\nsource: \"x\"  # s\n",
                HEAD + "agents:\n  - id: " + "x".repeat(100_000) + "\n",
                HEAD + "agents:\n  - id: a\n    dup.x: 1\n    dup:\n      x: 2\n");
    }

    private static String deep(int depth) {
        StringBuilder sb = new StringBuilder("agents:\n  - id: deep\n");
        String indent = "    ";
        for (int i = 0; i < depth; i++) {
            sb.append(indent).append("k").append(i).append(":\n");
            indent += "  ";
        }
        return sb.append(indent).append("leaf: v\n").toString();
    }

    @ParameterizedTest
    @MethodSource("edgeCases")
    void edgeCasesAreReadByTheFastReaderAsJacksonReadsThem(String yaml) {
        readsAlike(yaml);
    }

    @Test
    void linesAreNumberedAsJacksonNumbersThem() {
        String yaml = "\n# c\n" + HEAD + "agents:\n\n  - id: a\n    name: b\n\n\n  - id: c\n    identity: {type: x}\n";
        YamlDifferential.Fast fast = diff.fast(utf8(yaml));
        assertThat(fast.findings()).filteredOn(f -> f.what().equals("record")).extracting(YamlDifferential.Finding::line)
                .containsExactly(8L, 12L);
        assertThat(fast.findings().get(fast.findings().size() - 1).lines()).containsEntry("identity.type", 13L);
        readsAlike(yaml);
    }
}
