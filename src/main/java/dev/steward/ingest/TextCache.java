package dev.steward.ingest;

/**
 * Hands out one {@link String} instance per distinct text for the values of a decision log that repeat (agents,
 * credentials, tools, actions, scopes, policies, reasons, environments, user agents): a direct-mapped table keyed by
 * content, read straight from the parser's character buffer, so a repeated value costs no new string, and every
 * later use of it (hash keys of the per-day aggregates, pack dictionaries) finds its hash already computed and
 * compares equal values by identity first. The writer thread, the slower half of decision ingest, did most of that
 * hashing before. Bounded: a slot holds the text last put there, so a log of unique values only replaces slots.
 *
 * <p>Only texts the caller has checked (for secrets) are put in; a hit therefore needs no second check. Not
 * thread-safe: one cache per reader.
 */
final class TextCache {

    private final String[] slots;
    private final int mask;
    private int lastHash;

    /** @param bits the table has {@code 2^bits} slots */
    TextCache(int bits) {
        slots = new String[1 << bits];
        mask = slots.length - 1;
    }

    /** The cached string with exactly these characters, or null; remembers the slot for {@link #put}. */
    String find(char[] chars, int offset, int length) {
        int h = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + chars[i];
        }
        lastHash = h;
        String s = slots[slot(h)];
        if (s == null || s.length() != length || s.hashCode() != h) {
            return null;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return null;
            }
        }
        return s;
    }

    /** Puts {@code s}, the text last looked up with {@link #find} (it has that text's hash), into its slot. */
    void put(String s) {
        slots[slot(lastHash)] = s;
    }

    private int slot(int h) {
        int x = h * 0x9E3779B9;
        return (x ^ (x >>> 15)) & mask;
    }
}
