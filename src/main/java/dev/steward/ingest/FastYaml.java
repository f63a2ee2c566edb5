package dev.steward.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a native YAML inventory several times faster than Jackson's YAML parser (SnakeYAML), for the block-style
 * subset real inventories use: block mappings and sequences, plain and quoted single-line scalars, single-line flow
 * collections, comments, an optional leading {@code ---}. It tells a {@link DocumentInventoryReader.Found} exactly
 * what the Jackson path would (the same record trees, field lines and top-level values, in the same order), and gives
 * up ({@link GiveUp}) at the first thing outside the subset or anything it is not sure SnakeYAML reads the same way:
 * anchors, aliases, tags, block scalars, multi-line scalars, complex keys, directives, several documents, duplicate
 * keys, unusual numbers, unexpected indentation. The caller then lets Jackson read the document again from the start,
 * skipping the {@link Outcome#released()} findings already delivered.
 *
 * <p>So that skipping is exact even for broken documents, a finding is only delivered once the next one has been read
 * and the input has been read without failure {@link #RESERVE} bytes past it: Jackson's own read-ahead (a few KiB)
 * then never meets, before that finding, an error or a limit that the fast reader met later.
 */
final class FastYaml {

    /** Bytes the input must have been read past a finding's successor before the finding is delivered. */
    static final long RESERVE = 64 * 1024;

    /** Thrown to stop the fast reader; {@code line} is where it stopped. */
    static final class GiveUp extends RuntimeException {
        final long line;

        GiveUp(String reason, long line) {
            super(reason, null, false, false);
            this.line = line;
        }
    }

    /** The result: whether the whole document was read, and how many findings were delivered. */
    record Outcome(boolean complete, long released, String reason, long line) {
    }

    private record Pending(Consumer<DocumentInventoryReader.Found> call, long end) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final YamlLines in;
    private final DocumentInventoryReader.Found found;
    private final ArrayList<Pending> pending = new ArrayList<>();
    private int head;
    private final long reserve;
    private long released;

    private final YamlLine ln;
    private final JsonNode empty;
    private char[] c;
    private int len;
    private int indent;
    private long line;
    private boolean eof;

    /**
     * {@code emptyIsNull}: whether the Jackson parser this stands in for reads an empty value as null (its
     * EMPTY_STRING_AS_NULL feature) or as an empty string.
     */
    FastYaml(YamlLines in, int maxDepth, boolean emptyIsNull, DocumentInventoryReader.Found found) {
        this(in, maxDepth, emptyIsNull, found, RESERVE);
    }

    FastYaml(YamlLines in, int maxDepth, boolean emptyIsNull, DocumentInventoryReader.Found found, long reserve) {
        this.in = in;
        this.empty = emptyIsNull ? NODES.nullNode() : NODES.textNode("");
        this.found = found;
        this.reserve = reserve;
        this.ln = new YamlLine(maxDepth);
    }

    /** Reads the document; never throws {@link GiveUp}, says where it stopped instead. */
    Outcome read() {
        try {
            document();
            while (head < pending.size()) {
                deliver();
            }
            return new Outcome(true, released, null, line);
        } catch (GiveUp g) {
            return new Outcome(false, released, g.getMessage(), g.line);
        }
    }

    private void document() {
        advance(true);
        if (eof) {
            throw giveUp("empty document");
        }
        if (indent == 0 && len >= 3 && c[0] == '-' && c[1] == '-' && c[2] == '-') {
            int p = ln.skipSpaces(3);
            if (p == 3 && len > 3 || p < len && c[p] != '#') {
                throw giveUp("content after ---");
            }
            advance(false);
            if (eof) {
                throw giveUp("empty document");
            }
        }
        if (indent != 0) {
            throw giveUp("the top-level mapping is indented");
        }
        Set<String> fields = new HashSet<>();
        while (!eof) {
            YamlLine.Key k = ln.key(0);
            if (k == null) {
                throw giveUp("not a key at the top level");
            }
            String field = k.name();
            if (!fields.add(field)) {
                throw giveUp("duplicate key " + field);
            }
            long fieldLine = line;
            RecordMapper.Section section = RecordMapper.Section.of(field);
            int p = ln.skipSpaces(k.after());
            if (p == len || c[p] == '#') {
                advance(false);
                if (section != null && !eof && isEntry()) {
                    hold(f -> f.section(section));
                    records(section, indent);
                } else {
                    JsonNode value = blockValue(0, "", new HashMap<>(), 2);
                    hold(f -> f.topLevel(field, fieldLine, value));
                }
            } else if (section != null && c[p] == '[') {
                int q = ln.skipSpaces(p + 1);
                if (q == len || c[q] != ']') {
                    throw giveUp("a section written as a flow sequence");
                }
                ln.endOfLine(q + 1);
                hold(f -> f.section(section));
                advance(false);
            } else {
                JsonNode value = ln.inline(p, "", new HashMap<>(), 2);
                hold(f -> f.topLevel(field, fieldLine, value));
                advance(false);
            }
            if (!eof && indent != 0) {
                throw giveUp("unexpected indentation");
            }
        }
    }

    /** The entries of a section: each must be a mapping starting on its "- " line. */
    private void records(RecordMapper.Section section, int col) {
        while (true) {
            int p = entryContent(col);
            if (ln.key(p) == null) {
                throw giveUp("a section entry that is not a mapping");
            }
            long recordLine = line;
            Map<String, Long> lines = new HashMap<>();
            ObjectNode record = mapping(p, "", lines, 3);
            TreeReader.Read read = new TreeReader.Read(record, lines, List.of());
            hold(f -> f.record(section, recordLine, read));
            if (eof || indent < col || indent == col && !isEntry() && col == 0) {
                return;
            }
            if (indent > col || !isEntry()) {
                throw giveUp("unexpected indentation");
            }
        }
    }

    /** A block mapping whose first key is at column {@code col} of the current line. */
    private ObjectNode mapping(int col, String path, Map<String, Long> lines, int depth) {
        ln.depth(depth);
        ObjectNode obj = NODES.objectNode();
        int p = col;
        while (true) {
            YamlLine.Key k = ln.key(p);
            if (k == null) {
                throw giveUp("not a key");
            }
            if (obj.has(k.name())) {
                throw giveUp("duplicate key " + k.name());
            }
            String child = path.isEmpty() ? k.name() : path + "." + k.name();
            lines.put(child, line);
            int q = ln.skipSpaces(k.after());
            JsonNode value;
            if (q == len || c[q] == '#') {
                advance(false);
                value = blockValue(col, child, lines, depth + 1);
            } else {
                value = ln.inline(q, child, lines, depth + 1);
                advance(false);
            }
            obj.set(k.name(), value);
            if (eof || indent < col) {
                return obj;
            }
            if (indent > col) {
                throw giveUp("unexpected indentation");
            }
            p = col;
        }
    }

    /** The value of a key whose line ends after the colon: a nested block, or null. */
    private JsonNode blockValue(int keyCol, String path, Map<String, Long> lines, int depth) {
        if (eof || indent < keyCol) {
            return empty;
        }
        if (indent == keyCol) {
            return isEntry() ? sequence(keyCol, path, lines, depth, true) : empty;
        }
        if (isEntry()) {
            return sequence(indent, path, lines, depth, false);
        }
        if (ln.key(indent) != null) {
            return mapping(indent, path, lines, depth);
        }
        throw giveUp("a multi-line value");
    }

    /** A block sequence at column {@code col}; {@code indentless} when it sits at its key's column. */
    private ArrayNode sequence(int col, String path, Map<String, Long> lines, int depth, boolean indentless) {
        ln.depth(depth);
        ArrayNode arr = NODES.arrayNode();
        while (true) {
            int p = entryContent(col);
            if (ln.key(p) != null) {
                arr.add(mapping(p, path, lines, depth + 1));
            } else {
                arr.add(ln.inline(p, path, lines, depth + 1));
                advance(false);
            }
            if (eof || indent < col) {
                return arr;
            }
            if (indent == col && isEntry()) {
                continue;
            }
            if (indent == col && indentless) {
                return arr;
            }
            throw giveUp("unexpected indentation");
        }
    }

    /** Where the content of the "- " entry at {@code col} starts (a scalar, a flow collection or a key). */
    private int entryContent(int col) {
        if (indent != col || !isEntry() || col + 1 == len) {
            throw giveUp("an empty sequence entry");
        }
        int p = ln.skipSpaces(col + 1);
        if (p == len || c[p] == '#') {
            throw giveUp("an empty sequence entry");
        }
        if (c[p] == '-' && (p + 1 == len || c[p + 1] == ' ')) {
            throw giveUp("a nested sequence entry");
        }
        return p;
    }

    private boolean isEntry() {
        return c[indent] == '-' && (indent + 1 == len || c[indent + 1] == ' ');
    }

    /** Moves to the next line with content (blank and comment lines are skipped). */
    private void advance(boolean first) {
        while (in.next()) {
            c = in.chars();
            len = in.length();
            line = in.number();
            ln.set(c, len, line);
            int i = 0;
            while (i < len && c[i] == ' ') {
                i++;
            }
            if (i == len || c[i] == '#') {
                continue;
            }
            indent = i;
            if (i == 0 && (c[0] == '%' || !first && len >= 3 && (c[0] == '-' && c[1] == '-' && c[2] == '-'
                    || c[0] == '.' && c[1] == '.' && c[2] == '.'))) {
                throw giveUp("a directive or a document marker");
            }
            return;
        }
        eof = true;
        line = in.number();
    }

    /** Queues a finding; delivers the ones the input has safely been read past. */
    private void hold(Consumer<DocumentInventoryReader.Found> call) {
        pending.add(new Pending(call, in.lineEnd()));
        while (pending.size() - head >= 2) {
            if (pending.get(head + 1).end() + reserve > in.frontier() && !in.exhausted()) {
                break;
            }
            deliver();
        }
        if (head > 4096) {
            pending.subList(0, head).clear();
            head = 0;
        }
    }

    private void deliver() {
        Pending p = pending.get(head);
        pending.set(head++, null);
        p.call().accept(found);
        released++;
    }

    private GiveUp giveUp(String reason) {
        return new GiveUp(reason, line);
    }
}
