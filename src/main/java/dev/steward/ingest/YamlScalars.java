package dev.steward.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Types a plain YAML scalar exactly as Jackson's {@code YAMLParser} does through SnakeYAML's YAML 1.1
 * {@link Resolver} (null, the boolean words, ints, floats; dates and everything else stay strings), for the
 * {@link FastYaml} reader. The common forms are decided without regular expressions; numbers in any form but plain
 * decimal (octal, hex, binary, underscores, base 60, exponents, .inf/.nan, longs that do not fit) return
 * {@link #GIVE_UP} so the caller hands the document to Jackson rather than risk reading one differently.
 */
final class YamlScalars {

    /** Not decided here: the caller must give up. */
    static final JsonNode GIVE_UP = JsonNodeFactory.instance.missingNode();

    /** The resolver's limit for INT and FLOAT (longer values are strings). */
    private static final int NUMBER_LIMIT = 1024;

    private YamlScalars() {
    }

    /** The node Jackson gives for the plain scalar {@code s} (non-empty, already trimmed), or {@link #GIVE_UP}. */
    static JsonNode plain(String s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        char c = s.charAt(0);
        switch (c) {
            case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O' -> {
                if (s.length() > 5) {
                    return f.textNode(s);
                }
                Boolean b = bool(s);
                if (b != null) {
                    return f.booleanNode(b);
                }
                if (s.equals("null") || s.equals("Null") || s.equals("NULL")) {
                    return f.nullNode();
                }
                return f.textNode(s);
            }
            case '~' -> {
                return s.length() == 1 ? f.nullNode() : f.textNode(s);
            }
            case '-', '+', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                return number(s);
            }
            default -> {
                return f.textNode(s);
            }
        }
    }

    /** The resolver's BOOL words (all of which Jackson's boolean matcher accepts), else null. */
    private static Boolean bool(String s) {
        return switch (s) {
            case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON" -> Boolean.TRUE;
            case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static JsonNode number(String s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (s.length() > NUMBER_LIMIT || !mayBeNumber(s)) {
            return f.textNode(s);
        }
        if (simpleInteger(s)) {
            return f.numberNode(Long.parseLong(s));
        }
        if (Resolver.INT.matcher(s).matches()) {
            return GIVE_UP;
        }
        if (Resolver.FLOAT.matcher(s).matches()) {
            return simpleDecimal(s) ? f.numberNode(new BigDecimal(s)) : GIVE_UP;
        }
        return f.textNode(s);
    }

    /**
     * False when {@code s} cannot match the resolver's INT or FLOAT patterns: a sign anywhere but first or after an
     * exponent mark, or a character neither pattern has (dates and times end here at their first '-').
     */
    static boolean mayBeNumber(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == '_' || c == '.' || c == ':') {
                continue;
            }
            if (c == '-' || c == '+') {
                char before = s.charAt(i - 1);
                if (before != 'e' && before != 'E') {
                    return false;
                }
                continue;
            }
            if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == 'x' || c == 'X' || c == 'i' || c == 'I' || c == 'n'
                    || c == 'N') {
                continue;
            }
            return false;
        }
        return true;
    }

    /** An optional sign, then 0 or up to 18 digits without a leading zero: Jackson reads it as that long. */
    static boolean simpleInteger(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        int digits = s.length() - i;
        if (digits < 1 || digits > 18 || s.charAt(i) == '0' && digits > 1) {
            return false;
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** An optional sign, digits, a point, digits (no underscores, no exponent, at most 30 digits). */
    static boolean simpleDecimal(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start || i == s.length() || s.charAt(i) != '.') {
            return false;
        }
        int point = i++;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i == s.length() && i > point + 1 && s.length() - start <= 31;
    }
}
