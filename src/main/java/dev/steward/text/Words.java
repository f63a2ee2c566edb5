package dev.steward.text;

/** How counts are written in messages, reasons and reports: "1 decision", "2 decisions", "0 people". */
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
}
