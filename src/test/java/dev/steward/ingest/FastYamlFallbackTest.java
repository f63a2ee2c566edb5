package dev.steward.ingest;

import static dev.steward.ingest.YamlDifferential.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.testing.DefaultLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Where the fast reader gives up (each construct outside its subset, and broken documents), the fast reader followed
 * by the Jackson path skipping what the fast reader delivered finds exactly what the Jackson path alone finds, and
 * ends the same way (the same exception and message), whether the construct is in the first record or after 1,000.
 */
class FastYamlFallbackTest {

    private final YamlDifferential diff = new YamlDifferential();

    static final String HEAD = "apiVersion: steward/v1\nkind: Inventory\nasOf: 2026-11-01T00:00:00Z\nagents:\n";

    /** Record text (two-space entry indentation) using a construct the fast reader leaves to Jackson. */
    static Stream<Arguments> constructs() {
        return Stream.of(
                Arguments.of("anchor", "  - id: &a x1\n    name: n\n"),
                Arguments.of("alias", "  - id: x1\n    name: *a\n"),
                Arguments.of("anchor and alias", "  - id: x1\n    name: &n n\n    team: *n\n"),
                Arguments.of("tag", "  - id: !!str 123\n"),
                Arguments.of("local tag", "  - id: !thing x\n"),
                Arguments.of("binary tag", "  - id: !!binary aGVsbG8=\n"),
                Arguments.of("literal block scalar", "  - id: x1\n    name: |\n      line one\n      line two\n"),
                Arguments.of("folded block scalar", "  - id: x1\n    name: >-\n      folded\n      text\n"),
                Arguments.of("multi-line plain", "  - id: x1\n    name: first\n      second\n"),
                Arguments.of("multi-line plain below key", "  - id: x1\n    name:\n      first\n"),
                Arguments.of("multi-line double-quoted", "  - id: \"x1\n      continued\"\n"),
                Arguments.of("multi-line single-quoted", "  - id: 'x1\n\n      continued'\n"),
                Arguments.of("escaped line break", "  - id: \"x1\\\n      y\"\n"),
                Arguments.of("complex key", "  - ? id\n    : x1\n"),
                Arguments.of("flow key", "  - [a, b]: x1\n"),
                Arguments.of("tab indentation", "  - id: x1\n\tname: n\n"),
                Arguments.of("tab in a value", "  - id: x1\tx2\n"),
                Arguments.of("duplicate key", "  - id: x1\n    id: x2\n"),
                Arguments.of("duplicate flow key", "  - id: {a: 1, a: 2}\n"),
                Arguments.of("octal", "  - id: 0755\n"),
                Arguments.of("hex", "  - id: 0x1F\n"),
                Arguments.of("underscores", "  - id: 1_000\n"),
                Arguments.of("base 60", "  - id: 12:30\n"),
                Arguments.of("exponent", "  - id: 1e5\n"),
                Arguments.of("infinity", "  - id: .inf\n"),
                Arguments.of("not a number", "  - id: .NaN\n"),
                Arguments.of("long beyond long", "  - id: 123456789012345678901\n"),
                Arguments.of("nineteen digits", "  - id: 1234567890123456789\n"),
                Arguments.of("multi-line flow", "  - tools: [a,\n      b]\n"),
                Arguments.of("question mark in flow", "  - tools: [http://x?y]\n"),
                Arguments.of("hash in flow", "  - tools: [a#b]\n"),
                Arguments.of("trailing comma", "  - tools: [a, b,]\n"),
                Arguments.of("single pair in flow sequence", "  - tools: [a: b]\n"),
                Arguments.of("JSON-like flow key", "  - identity: {\"type\":spiffe}\n"),
                Arguments.of("flow key without value", "  - identity: {type}\n"),
                Arguments.of("empty flow value", "  - identity: {type: }\n"),
                Arguments.of("colon at end of value", "  - id: foo:\n"),
                Arguments.of("colon in value", "  - id: a: b\n"),
                Arguments.of("text after quoted value", "  - id: 'x' y\n"),
                Arguments.of("comment without space", "  - id: \"x\"#c\n"),
                Arguments.of("space before colon", "  - id : x1\n"),
                Arguments.of("unterminated quote", "  - id: \"x1\n"),
                Arguments.of("unknown escape", "  - id: \"x\\q\"\n"),
                Arguments.of("slash escape", "  - id: \"x\\/\"\n"),
                Arguments.of("escape beyond unicode", "  - id: \"\\UFFFFFFFF\"\n"),
                Arguments.of("short escape", "  - id: \"\\x4\"\n"),
                Arguments.of("control character", "  - id: a\u0001b\n"),
                Arguments.of("delete character", "  - id: a\u007fb\n"),
                Arguments.of("next line", "  - id: a\u0085b\n"),
                Arguments.of("line separator", "  - id: a\u2028b\n"),
                Arguments.of("byte order mark inside", "  - id: a\ufeffb\n"),
                Arguments.of("lone carriage return", "  - id: a\rname: b\n"),
                Arguments.of("at sign", "  - id: @x\n"),
                Arguments.of("backquote", "  - id: `x`\n"),
                Arguments.of("percent", "  - id: %x\n"),
                Arguments.of("nested sequence entry", "  - - a\n    - b\n"),
                Arguments.of("empty entry", "  -\n    id: x1\n"),
                Arguments.of("scalar entry", "  - just text\n"),
                Arguments.of("flow entry", "  - {id: x1}\n"),
                Arguments.of("odd indentation", "  - id: x1\n     name: n\n"),
                Arguments.of("dedent between levels", "  - id: x1\n    m:\n        a: 1\n      b: 2\n"),
                Arguments.of("key at sequence column", "  - id: x1\n  name: n\n"),
                Arguments.of("document end", "  - id: x1\n...\n"),
                Arguments.of("second document", "  - id: x1\n---\nagents:\n  - id: x2\n"),
                Arguments.of("deep nesting", "  - id: x1\n" + deep(40)),
                Arguments.of("long line", "  - id: " + "y".repeat(300_000) + "\n"),
                Arguments.of("long key", "  - " + "k".repeat(1_100) + ": v\n"));
    }

    private static String deep(int depth) {
        StringBuilder sb = new StringBuilder();
        String indent = "    ";
        for (int i = 0; i < depth; i++) {
            sb.append(indent).append("k").append(i).append(":\n");
            indent += "  ";
        }
        return sb.append(indent).append("leaf: v\n").toString();
    }

    static String records(int from, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            sb.append("  - id: agent-").append(i).append("\n    name: \"Agent #").append(i)
                    .append("\"\n    tools: [erp, mail]\n    identity: {type: spiffe, id: 'spiffe://x/").append(i)
                    .append("'}\n");
        }
        return sb.toString();
    }

    private void fallsBackAlike(String yaml, long atLeastReleased) {
        byte[] doc = yaml.getBytes(StandardCharsets.UTF_8);
        YamlDifferential.Fast fast = diff.fast(doc);
        assertThat(fast.outcome().complete()).as("the fast reader gives up").isFalse();
        assertThat(fast.outcome().released()).isGreaterThanOrEqualTo(atLeastReleased);
        YamlDifferential.Result jackson = diff.jackson(doc);
        assertThat(diff.combined(doc)).isEqualTo(jackson);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructs")
    void aConstructInTheFirstRecordIsLeftToJackson(String name, String record) {
        fallsBackAlike(HEAD + record + records(1, 3), 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructs")
    void aConstructAfterAThousandRecordsIsLeftToJacksonWhereItIs(String name, String record) {
        fallsBackAlike(HEAD + records(1, 1_000) + record + records(2_000, 3), 400);
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("directive", "%YAML 1.1\n---\n" + HEAD + records(1, 2)),
                Arguments.of("empty", ""),
                Arguments.of("only comments", "# nothing\n"),
                Arguments.of("scalar document", "just text\n"),
                Arguments.of("sequence document", "- a\n- b\n"),
                Arguments.of("indented root", "  apiVersion: steward/v1\n  kind: Inventory\n"),
                Arguments.of("content after ---", "--- apiVersion: steward/v1\n"),
                Arguments.of("duplicate top-level key", HEAD + records(1, 2) + "agents:\n" + records(5, 2)),
                Arguments.of("section as flow sequence", HEAD.replace("agents:\n", "agents: [{id: a}]\n")),
                Arguments.of("byte order mark", "\ufeff" + HEAD + records(1, 2)),
                Arguments.of("carriage return at the end", HEAD + records(1, 2) + "source: x\r"),
                Arguments.of("anchored top-level value", "apiVersion: &v steward/v1\nkind: Inventory\n"),
                Arguments.of("alias bomb", HEAD + "  - id: x\nextra: [&a [x, x], [*a, *a], [*a, *a], [*a, *a]]\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void documentsOutsideTheSubsetAreLeftToJackson(String name, String yaml) {
        fallsBackAlike(yaml, 0);
    }

    @Test
    void malformedUtf8IsLeftToJackson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(HEAD + records(1, 1_000) + "  - id: bad"));
        out.write(0xC3);
        out.write(0x28);
        out.writeBytes(utf8("\n" + records(2_000, 2)));
        byte[] doc = out.toByteArray();
        assertThat(diff.fast(doc).outcome().complete()).isFalse();
        YamlDifferential.Result jackson = diff.jackson(doc);
        assertThat(jackson.failure()).isNotNull();
        assertThat(diff.combined(doc)).isEqualTo(jackson);
    }

    @Test
    void aDocumentOverTheSizeLimitEndsAsJacksonEndsItAfterTheSameRecords() {
        DefaultLimits small = new DefaultLimits() {
            @Override
            public long maxDocumentBytes() {
                return 300_000;
            }
        };
        YamlDifferential limited = new YamlDifferential(small);
        byte[] doc = utf8(HEAD + records(1, 5_000));
        YamlDifferential.Result jackson = limited.jackson(doc);
        assertThat(jackson.failure()).contains("document larger than 300000 bytes");
        YamlDifferential.Fast fast = limited.fast(doc);
        assertThat(fast.outcome().complete()).isFalse();
        assertThat(fast.outcome().released()).as("held back a reserve before the limit").isGreaterThan(1_000)
                .isLessThan(jackson.findings().size());
        assertThat(limited.combined(doc)).isEqualTo(jackson);
    }

    @Test
    void findingsAreHeldBackAReserveBeforeAnInputThatFails() {
        YamlDifferential failing = diff.failingAt(400_000);
        byte[] doc = utf8(HEAD + records(1, 5_000));
        YamlDifferential.Result jackson = failing.jackson(doc);
        assertThat(jackson.failure()).contains("disk on fire");
        YamlDifferential.Fast fast = failing.fast(doc);
        assertThat(fast.outcome().complete()).isFalse();
        assertThat(fast.outcome().released()).isGreaterThan(1_000)
                .as("about 64 KiB of records held back").isLessThan(jackson.findings().size() - 300);
        assertThat(failing.combined(doc)).isEqualTo(jackson);
    }

    @Test
    void withoutAReserveEverythingButTheFindingBeforeTheGiveUpIsDelivered() {
        byte[] doc = utf8(HEAD + records(1, 3_000) + "  - id: &a x\n");
        assertThat(diff.fast(doc, 0).outcome().released()).isEqualTo(3 + 1 + 3_000 - 1);
        assertThat(diff.fast(doc).outcome().released()).as("about 64 KiB of records held back").isLessThan(3_003 - 400)
                .isGreaterThan(3_003 - 700);
        assertThat(diff.combined(doc)).isEqualTo(diff.jackson(doc));
    }

    @Test
    void aLineOverTheConfiguredLineLimitIsLeftToJackson() {
        DefaultLimits narrow = new DefaultLimits() {
            @Override
            public int maxLineBytes() {
                return 1_000;
            }
        };
        YamlDifferential limited = new YamlDifferential(narrow);
        byte[] doc = utf8(HEAD + records(1, 10) + "  - id: " + "z".repeat(5_000) + "\n" + records(20, 2));
        YamlDifferential.Fast fast = limited.fast(doc);
        assertThat(fast.outcome().complete()).isFalse();
        assertThat(fast.outcome().reason()).contains("line longer than 1000 bytes");
        assertThat(limited.combined(doc)).isEqualTo(limited.jackson(doc));
    }
}
