package dev.steward.ingest;

import static dev.steward.ingest.YamlDifferential.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated inventories (random sections, records, keys, nesting, flow collections, comments, line ends, and field
 * values drawn from an alphabet full of YAML-special characters in a random quoting style): the fast reader followed
 * by the Jackson path where it gives up finds exactly what the Jackson path alone finds, including how it fails; and
 * on inventories whose values are all properly quoted or plain-safe, the fast reader reads to the end on its own.
 */
class FastYamlPropertyTest {

    private static final String ALPHABET = "abcXYZ019 _-.:#,?[]{}&*!|>'\"%@`~\\/=<+\té日🚀";
    private static final List<String> WORDS = List.of("yes", "No", "TRUE", "off", "On", "y", "null", "~", "Null", "NULL",
            "0", "-0", "+5", "42", "-17", "007", "0x1F", "0b101", "1_000", "12:30", "1.5", "-2.50", "+0.0", "1e5", ".5",
            ".inf", "-.INF", ".NaN", "2026-11-01", "2026-11-01T10:00:00Z", "1.2.3", "<<", "=", "-x", "- x", "a: b", "a #b",
            "a#b", "x:y", "é", "日本", "🚀", "", " ", "123456789012345678", "1234567890123456789012", "true false");
    private static final List<String> KEYS = List.of("id", "name", "team", "owner", "status", "tools", "grants",
            "identity", "monitoring", "x y", "'q k'", "\"d k\"", "on", "123", "é", "a.b");

    private final YamlDifferential diff = new YamlDifferential();

    @Property(tries = 600)
    void anyGeneratedInventoryReadsAlike(@ForAll long seed) {
        String yaml = new Generator(new Random(seed), true).document();
        byte[] doc = utf8(yaml);
        YamlDifferential.Fast fast = diff.fast(doc);
        Statistics.label("fast reader").collect(fast.outcome().complete() ? "complete" : "gave up");
        assertThat(diff.combined(doc)).as(yaml).isEqualTo(diff.jackson(doc));
    }

    @Property(tries = 300)
    void wellFormedGeneratedInventoriesAreReadByTheFastReaderAlone(@ForAll long seed) {
        String yaml = new Generator(new Random(seed), false).document();
        byte[] doc = utf8(yaml);
        YamlDifferential.Fast fast = diff.fast(doc);
        YamlDifferential.Result jackson = diff.jackson(doc);
        assertThat(jackson.failure()).as(yaml).isNull();
        assertThat(fast.outcome().reason()).as(yaml).isNull();
        assertThat(fast.findings()).as(yaml).isEqualTo(jackson.findings());
    }

    /** Writes a random inventory; {@code wild} lets one value in twelve be written in any style, valid YAML or not. */
    private static final class Generator {
        private final Random r;
        private final boolean wild;
        private final StringBuilder sb = new StringBuilder();
        private final String eol;

        Generator(Random r, boolean wild) {
            this.r = r;
            this.wild = wild;
            this.eol = r.nextInt(5) == 0 ? "\r\n" : "\n";
        }

        String document() {
            if (r.nextBoolean()) {
                line("# generated");
            }
            if (r.nextInt(4) == 0) {
                line("---");
            }
            line("apiVersion: steward/v1");
            line("kind: Inventory");
            line("asOf: " + (r.nextBoolean() ? "2026-11-01" : "\"2026-11-01T00:00:00Z\""));
            for (String section : List.of("people", "agents", "credentials")) {
                if (r.nextInt(4) == 0) {
                    continue;
                }
                line(section + ":" + (r.nextInt(6) == 0 ? "  # records" : ""));
                String dash = r.nextBoolean() ? "  - " : "- ";
                int records = r.nextInt(12);
                for (int i = 0; i < records; i++) {
                    record(dash, i);
                }
            }
            if (r.nextInt(3) == 0) {
                line("source: " + value());
            }
            return sb.toString();
        }

        private void record(String dash, int i) {
            String pad = " ".repeat(dash.length());
            line(dash + "id: rec-" + i);
            int fields = r.nextInt(6);
            java.util.Set<String> used = new java.util.HashSet<>(List.of("id"));
            for (int f = 0; f < fields; f++) {
                String key = KEYS.get(r.nextInt(KEYS.size()));
                if (!used.add(unquote(key))) {
                    continue;
                }
                field(pad, key, 0);
            }
            if (r.nextInt(5) == 0) {
                sb.append(eol);
            }
            if (r.nextInt(6) == 0) {
                line(pad + "# a comment");
            }
        }

        private void field(String pad, String key, int depth) {
            switch (depth < 2 ? r.nextInt(7) : 0) {
                case 0, 1, 2 -> line(pad + key + ": " + value() + (r.nextInt(8) == 0 ? "   # note" : ""));
                case 3 -> line(pad + key + ": [" + flowItems() + "]");
                case 4 -> line(pad + key + ": {a: " + flowValue() + ", " + "b: " + flowValue() + "}");
                case 5 -> {
                    line(pad + key + ":");
                    String inner = pad + "  ";
                    field(inner, "k" + depth, depth + 1);
                    field(inner, "l" + depth, depth + 1);
                }
                default -> {
                    line(pad + key + ":");
                    String dash = r.nextBoolean() ? pad + "  - " : pad + "- ";
                    for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                        line(dash + value());
                    }
                }
            }
        }

        private String flowItems() {
            StringBuilder items = new StringBuilder();
            for (int i = 0, n = r.nextInt(4); i < n; i++) {
                items.append(i == 0 ? "" : ", ").append(flowValue());
            }
            return items.toString();
        }

        private String flowValue() {
            boolean w = wild && r.nextInt(12) == 0;
            String s = raw(w);
            if (!w && !safePlain(s, true)) {
                return doubleQuoted(s);
            }
            return switch (r.nextInt(3)) {
                case 0 -> s.isEmpty() ? "''" : s;
                case 1 -> singleQuoted(s);
                default -> doubleQuoted(s);
            };
        }

        private String value() {
            boolean w = wild && r.nextInt(12) == 0;
            String s = raw(w);
            if (!w) {
                return safePlain(s, false) && r.nextBoolean() ? s : r.nextBoolean() ? doubleQuoted(s) : singleQuoted(s);
            }
            return switch (r.nextInt(4)) {
                case 0, 1 -> s;
                case 2 -> singleQuoted(s);
                default -> doubleQuoted(s);
            };
        }

        private String raw(boolean w) {
            if (r.nextInt(3) == 0) {
                String word = WORDS.get(r.nextInt(WORDS.size()));
                return w || !word.equals("1234567890123456789012") ? word : "x";
            }
            StringBuilder s = new StringBuilder();
            int[] cps = ALPHABET.codePoints().toArray();
            for (int i = 0, n = r.nextInt(10); i < n; i++) {
                int cp = cps[r.nextInt(cps.length)];
                if (!w && cp == '\t') {
                    cp = ' ';
                }
                s.appendCodePoint(cp);
            }
            return s.toString();
        }

        /** Letters, digits and a few harmless marks, not a number form the fast reader leaves to Jackson. */
        private static boolean safePlain(String s, boolean flow) {
            if (s.isEmpty() || !s.matches("[A-Za-z][A-Za-z0-9_. /-]*[A-Za-z0-9]|[A-Za-z]")) {
                return false;
            }
            return !flow || !s.contains(" ");
        }

        private static String singleQuoted(String s) {
            return "'" + s.replace("'", "''") + "'";
        }

        private String doubleQuoted(String s) {
            StringBuilder q = new StringBuilder("\"");
            s.codePoints().forEach(cp -> {
                switch (cp) {
                    case '"' -> q.append("\\\"");
                    case '\\' -> q.append("\\\\");
                    case '\t' -> q.append(r.nextBoolean() ? "\\t" : "\\x09");
                    case 'é' -> q.append(r.nextBoolean() ? "é" : "\\u00e9");
                    default -> q.appendCodePoint(cp);
                }
            });
            if (r.nextInt(6) == 0) {
                q.append(r.nextBoolean() ? "\\n" : "\\U0001F680");
            }
            return q.append('"').toString();
        }

        private static String unquote(String key) {
            return key.replace("'", "").replace("\"", "");
        }

        private void line(String text) {
            sb.append(text).append(eol);
        }
    }
}
