package dev.steward.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting helpers the page templates call as {@code v.*}: times, percentages, durations, URL parts. */
public final class View {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    public String day(Instant t) {
        return t == null ? "" : DAY.format(t);
    }

    public String pct(Double d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", d * 100);
    }

    /** A revocation latency in seconds as the reports print it ("2 min", "3 d 3 h"), "-" for none. */
    public String latency(Double seconds) {
        return dev.steward.report.Fmt.duration(seconds);
    }

    /** "90 d", "1 h", "15 min", or "never expires" for null. */
    public String duration(Duration d) {
        if (d == null) {
            return "never expires";
        }
        long s = d.getSeconds();
        if (s >= 86_400 && s % 86_400 == 0 || s >= 7 * 86_400) {
            return (s / 86_400) + " d";
        }
        if (s >= 3_600) {
            return (s / 3_600) + " h" + (s % 3_600 >= 60 ? " " + (s % 3_600) / 60 + " min" : "");
        }
        return (s / 60) + " min";
    }

    public String url(String s) {
        return enc(s);
    }

    /** URL-encodes a query value or path segment (spaces as %20, so it works in both). */
    public static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A finding's subject as a table cell: a link to the agent's or credential's page (their pages exist), the bare
     * {@code text} otherwise (a principal seen only in decisions).
     */
    static Object subject(String type, String id, String text) {
        return switch (type == null ? "" : type) {
            case "agent" -> Table.Cell.link(text, "/agents/" + enc(id));
            case "credential" -> Table.Cell.link(text, "/credentials/" + enc(id));
            default -> text;
        };
    }

    /** CSS class for a result, severity or status word: lower case, letters and dashes only. */
    public String cls(Object o) {
        return o == null ? "" : o.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
    }
}
