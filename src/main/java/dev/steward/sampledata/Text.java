package dev.steward.sampledata;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Escaping for the three text formats the generator writes by hand (YAML, JSON, CSV per RFC 4180) and the one time
 * format they share (RFC 3339 UTC, whole seconds). Writing by hand keeps scale mode streaming and fast; these few
 * rules keep the output valid.
 */
final class Text {

    private static final Pattern YAML_PLAIN = Pattern.compile("[A-Za-z]([A-Za-z0-9 ._/()-]*[A-Za-z0-9._/)-])?");
    private static final Set<String> YAML_RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

    private Text() {
    }

    /** A YAML scalar: plain when unambiguous, else double-quoted with escapes; {@code null} for null. */
    static String yaml(String value) {
        if (value == null) {
            return "null";
        }
        if (YAML_PLAIN.matcher(value).matches() && !YAML_RESERVED.contains(value.toLowerCase(Locale.ROOT))
                && !value.contains("  ")) {
            return value;
        }
        return quoted(value);
    }

    /** A YAML flow sequence of scalars, e.g. {@code ["erp:invoices:read", mail]}. */
    static String yamlList(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(yaml(values.get(i)));
        }
        return sb.append(']').toString();
    }

    /** A JSON string literal (quotes included); {@code null} for null. */
    static String json(String value) {
        return value == null ? "null" : quoted(value);
    }

    /** Appends a JSON string literal without an intermediate String. */
    static void json(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        escapeInto(sb, value);
        sb.append('"');
    }

    private static String quoted(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        escapeInto(sb, value);
        return sb.append('"').toString();
    }

    /** Escapes for a double-quoted string; the rules coincide for JSON and YAML. */
    private static void escapeInto(StringBuilder sb, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    /** A CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. Null is empty. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** RFC 3339 UTC with whole seconds, or a bare date when the instant is midnight UTC (FORMATS.md allows both). */
    static String time(Instant t) {
        if (t == null) {
            return "null";
        }
        LocalDateTime dt = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        if (dt.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return dt.toLocalDate().toString();
        }
        return timestamp(t.getEpochSecond());
    }

    /** RFC 3339 UTC with whole seconds, always with a time part. */
    static String timestamp(long epochSecond) {
        StringBuilder sb = new StringBuilder(20);
        appendTimestamp(sb, epochSecond);
        return sb.toString();
    }

    /** Appends {@code yyyy-MM-ddTHH:mm:ssZ} without allocating formatters (scale mode writes millions). */
    static void appendTimestamp(StringBuilder sb, long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secs = (int) Math.floorMod(epochSecond, 86_400L);
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(days);
        sb.append(d.getYear()).append('-');
        two(sb, d.getMonthValue());
        sb.append('-');
        two(sb, d.getDayOfMonth());
        sb.append('T');
        two(sb, secs / 3600);
        sb.append(':');
        two(sb, (secs / 60) % 60);
        sb.append(':');
        two(sb, secs % 60);
        sb.append('Z');
    }

    private static void two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }
}
