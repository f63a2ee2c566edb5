package dev.steward.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How counts and lists are written in messages, reasons and reports: "1 decision", "2 decisions", "0 people",
 * "a, b, c and 4 more".
 */
public final class Words {

    private Words() {
    }

    /** A count and its noun, singular for one and the noun plus s otherwise: "1 agent", "0 agents". */
    public static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** A count and its noun, for a noun whose plural is not the singular plus s: "1 person", "3 people". */
    public static String count(long n, String singular, String plural) {
        return n == 1 ? "1 " + singular : n + " " + plural;
    }

    /** "a, b, c", or the first {@code max} and how many more: "a, b, c and 4 more"; "none" when empty. */
    public static String list(Collection<String> items, int max) {
        List<String> all = new ArrayList<>(items);
        if (all.isEmpty()) {
            return "none";
        }
        if (all.size() <= max) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, max)) + " and " + (all.size() - max) + " more";
    }
}
