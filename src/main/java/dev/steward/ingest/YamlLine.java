package dev.steward.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One line of a YAML document as {@link FastYaml} reads it: keys, plain and quoted scalars and single-line flow
 * collections on it, read as SnakeYAML reads them, with a {@link FastYaml.GiveUp} for anything it might read
 * otherwise (a quoted scalar or flow collection that goes on to the next line, an unknown escape, a colon or '#' where
 * SnakeYAML would see structure, trailing text after a value).
 */
final class YamlLine {

    /** SnakeYAML accepts simple keys up to 1024 characters; stay well under. */
    private static final int MAX_KEY = 1000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final int maxDepth;
    char[] c;
    int len;
    long line;

    YamlLine(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** Makes {@code chars[0, len)} the current line, numbered {@code line}. */
    void set(char[] chars, int length, long number) {
        this.c = chars;
        this.len = length;
        this.line = number;
    }

    /** A value that starts at {@code p} and ends its line (a comment may follow). */
    JsonNode inline(int p, String path, Map<String, Long> lines, int depth) {
        char ch = c[p];
        if (ch == '"' || ch == '\'') {
            Quoted q = quoted(p);
            endOfLine(q.end);
            return NODES.textNode(q.text);
        }
        if (ch == '[' || ch == '{') {
            int[] end = new int[1];
            JsonNode v = flow(p, path, lines, depth, end);
            endOfLine(end[0]);
            return v;
        }
        if (!plainStart(p, false)) {
            throw giveUp("a value starting with " + ch);
        }
        int i = p;
        int last = p;
        while (i < len) {
            char x = c[i];
            if (x == ' ') {
                if (i + 1 < len && c[i + 1] == '#') {
                    break;
                }
            } else {
                if (x == ':' && (i + 1 == len || c[i + 1] == ' ')) {
                    throw giveUp("a colon in a plain value");
                }
                last = i;
            }
            i++;
        }
        return typed(new String(c, p, last + 1 - p));
    }

    /** A single-line flow collection at {@code p}; {@code end[0]} receives the position after it. */
    private JsonNode flow(int p, String path, Map<String, Long> lines, int depth, int[] end) {
        depth(depth);
        if (c[p] == '[') {
            ArrayNode arr = NODES.arrayNode();
            int q = skipSpaces(p + 1);
            if (q < len && c[q] == ']') {
                end[0] = q + 1;
                return arr;
            }
            while (true) {
                arr.add(flowNode(q, path, lines, depth + 1, end));
                q = skipSpaces(end[0]);
                if (q < len && c[q] == ',') {
                    q = skipSpaces(q + 1);
                    if (q == len || c[q] == ']') {
                        throw giveUp("a trailing comma");
                    }
                    continue;
                }
                if (q < len && c[q] == ']') {
                    end[0] = q + 1;
                    return arr;
                }
                throw giveUp("a flow sequence that does not end on its line");
            }
        }
        ObjectNode obj = NODES.objectNode();
        int q = skipSpaces(p + 1);
        if (q < len && c[q] == '}') {
            end[0] = q + 1;
            return obj;
        }
        while (true) {
            String name;
            int colon;
            if (q < len && (c[q] == '"' || c[q] == '\'')) {
                Quoted k = quoted(q);
                name = k.text;
                colon = k.end;
            } else {
                colon = flowPlainEnd(q, true);
                name = new String(c, q, colon - q);
            }
            if (colon + 1 >= len || c[colon] != ':' || c[colon + 1] != ' ' || colon - q > MAX_KEY) {
                throw giveUp("a flow mapping key without ': '");
            }
            if (obj.has(name)) {
                throw giveUp("duplicate key " + name);
            }
            String child = path.isEmpty() ? name : path + "." + name;
            lines.put(child, line);
            q = skipSpaces(colon + 1);
            obj.set(name, flowNode(q, child, lines, depth + 1, end));
            q = skipSpaces(end[0]);
            if (q < len && c[q] == ',') {
                q = skipSpaces(q + 1);
                if (q == len || c[q] == '}') {
                    throw giveUp("a trailing comma");
                }
                continue;
            }
            if (q < len && c[q] == '}') {
                end[0] = q + 1;
                return obj;
            }
            throw giveUp("a flow mapping that does not end on its line");
        }
    }

    private JsonNode flowNode(int p, String path, Map<String, Long> lines, int depth, int[] end) {
        if (p == len) {
            throw giveUp("a flow collection that does not end on its line");
        }
        char ch = c[p];
        if (ch == '"' || ch == '\'') {
            Quoted q = quoted(p);
            end[0] = q.end;
            return NODES.textNode(q.text);
        }
        if (ch == '[' || ch == '{') {
            return flow(p, path, lines, depth, end);
        }
        int stop = flowPlainEnd(p, false);
        end[0] = stop;
        return typed(new String(c, p, stop - p));
    }

    /**
     * The end of a plain scalar in a flow collection (trailing spaces excluded): before ',', ']' or '}', or, for a
     * key, before ': '. Gives up on what could make SnakeYAML read it otherwise ('#', '?', nested brackets, a colon
     * that ends the scalar where no key is expected, the end of the line).
     */
    private int flowPlainEnd(int p, boolean key) {
        if (p == len || !plainStart(p, true)) {
            throw giveUp("an unusual flow entry");
        }
        int last = p;
        for (int i = p; i < len; i++) {
            char x = c[i];
            if (x == ',' || x == ']' || x == '}') {
                if (key) {
                    throw giveUp("a flow mapping key without ': '");
                }
                return last + 1;
            }
            if (x == ':' && (i + 1 == len || " ,[]{}".indexOf(c[i + 1]) >= 0)) {
                if (key && i + 1 < len && c[i + 1] == ' ' && c[i - 1] != ' ') {
                    return i;
                }
                throw giveUp("a colon in a flow entry");
            }
            if (x == '#' || x == '?' || x == '[' || x == '{') {
                throw giveUp("an unusual flow entry");
            }
            if (x != ' ') {
                last = i;
            }
        }
        throw giveUp("a flow collection that does not end on its line");
    }

    /** After a value that ended at {@code p}: only spaces and a comment may follow on the line. */
    void endOfLine(int p) {
        int q = skipSpaces(p);
        if (q < len && !(c[q] == '#' && q > p)) {
            throw giveUp("text after a value");
        }
    }

    /** SnakeYAML's test for a plain scalar's first character, narrowed: '?' and ':' starts are left to it. */
    private boolean plainStart(int p, boolean flow) {
        char ch = c[p];
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(ch) < 0) {
            return ch != ' ';
        }
        return ch == '-' && p + 1 < len && c[p + 1] != ' ' && (!flow || ",[]{}".indexOf(c[p + 1]) < 0);
    }

    record Key(String name, int after) {
    }

    /** The key starting at {@code p} ("name:" followed by a space or the end of the line), or null if none is. */
    Key key(int p) {
        char ch = c[p];
        if (ch == '"' || ch == '\'') {
            Quoted q = quoted(p);
            int e = q.end;
            if (e < len && c[e] == ':' && (e + 1 == len || c[e + 1] == ' ')) {
                if (e - p > MAX_KEY) {
                    throw giveUp("a long key");
                }
                return new Key(q.text, e + 1);
            }
            int s = skipSpaces(e);
            if (s < len && c[s] == ':') {
                throw giveUp("space before a colon");
            }
            return null;
        }
        if (ch == '[' || ch == '{' || !plainStart(p, false)) {
            return null;
        }
        for (int i = p; i < len; i++) {
            char x = c[i];
            if (x == ':' && (i + 1 == len || c[i + 1] == ' ')) {
                if (c[i - 1] == ' ') {
                    throw giveUp("space before a colon");
                }
                if (i - p > MAX_KEY) {
                    throw giveUp("a long key");
                }
                return new Key(new String(c, p, i - p), i + 1);
            }
            if (x == ' ' && i + 1 < len && c[i + 1] == '#') {
                return null;
            }
        }
        return null;
    }

    private record Quoted(String text, int end) {
    }

    /** A single- or double-quoted scalar that ends on its line. */
    private Quoted quoted(int p) {
        char quote = c[p];
        StringBuilder sb = null;
        int from = p + 1;
        int i = from;
        while (true) {
            if (i >= len) {
                throw giveUp("a quoted scalar that does not end on its line");
            }
            char x = c[i];
            if (x == quote) {
                if (quote == '\'' && i + 1 < len && c[i + 1] == '\'') {
                    sb = append(sb, from, i + 1);
                    i += 2;
                    from = i;
                    continue;
                }
                String text = sb == null ? new String(c, from, i - from) : append(sb, from, i).toString();
                return new Quoted(text, i + 1);
            }
            if (x == '\\' && quote == '"') {
                sb = append(sb, from, i);
                i = escape(i + 1, sb);
                from = i;
                continue;
            }
            i++;
        }
    }

    private StringBuilder append(StringBuilder sb, int from, int to) {
        StringBuilder out = sb == null ? new StringBuilder(to - from + 16) : sb;
        return out.append(c, from, to - from);
    }

    /** Appends the escape whose letter is at {@code i}; returns the position after it. */
    private int escape(int i, StringBuilder sb) {
        if (i >= len) {
            throw giveUp("an escaped line break");
        }
        String simple = switch (c[i]) {
            case '0' -> "\0";
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 't' -> "\t";
            case 'n' -> "\n";
            case 'v' -> "\u000B";
            case 'f' -> "\f";
            case 'r' -> "\r";
            case 'e' -> "\u001B";
            case ' ' -> " ";
            case '"' -> "\"";
            case '\\' -> "\\";
            case 'N' -> "\u0085";
            case '_' -> "\u00A0";
            case 'L' -> "\u2028";
            case 'P' -> "\u2029";
            default -> null;
        };
        if (simple != null) {
            sb.append(simple);
            return i + 1;
        }
        int digits = switch (c[i]) {
            case 'x' -> 2;
            case 'u' -> 4;
            case 'U' -> 8;
            default -> throw giveUp("an unknown escape");
        };
        if (i + 1 + digits > len) {
            throw giveUp("a short escape");
        }
        long cp = 0;
        for (int k = i + 1; k <= i + digits; k++) {
            int d = Character.digit(c[k], 16);
            if (d < 0 || c[k] > 'f') {
                throw giveUp("a malformed escape");
            }
            cp = cp * 16 + d;
        }
        if (cp > Character.MAX_CODE_POINT) {
            throw giveUp("an escape beyond Unicode");
        }
        sb.appendCodePoint((int) cp);
        return i + 1 + digits;
    }

    private JsonNode typed(String s) {
        JsonNode v = YamlScalars.plain(s);
        if (v == YamlScalars.GIVE_UP) {
            throw giveUp("a number in a form left to the full parser: " + s);
        }
        return v;
    }

    int skipSpaces(int p) {
        while (p < len && c[p] == ' ') {
            p++;
        }
        return p;
    }

    void depth(int depth) {
        if (depth >= maxDepth) {
            throw giveUp("deep nesting");
        }
    }

    FastYaml.GiveUp giveUp(String reason) {
        return new FastYaml.GiveUp(reason, line);
    }
}
