package dev.steward.decisions;

/**
 * A Bloom filter over the texts of one stored pack's dictionary (as UTF-8 bytes): whether the pack may name a text.
 * Never wrong about a text it holds; about 2 % of the texts it does not hold are answered "may" (8 bits a text, four
 * probes). It lets a page about one agent or credential read only the packs that may hold it ({@link PackIndex}).
 */
final class PackFilter {

    private static final int PROBES = 4;
    private static final int BITS_PER_TEXT = 8;

    private final long[] words;
    private final int bits;

    PackFilter(int texts) {
        this.words = new long[Math.max(1, (texts * BITS_PER_TEXT + 63) / 64)];
        this.bits = words.length * 64;
    }

    /** Adds the text in {@code buf[from, from + length)}. */
    void add(byte[] buf, int from, int length) {
        long h = hash(buf, from, length);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1;
        for (int i = 0; i < PROBES; i++) {
            int bit = Math.floorMod(h1 + i * h2, bits);
            words[bit >>> 6] |= 1L << bit;
        }
    }

    /** False when the pack surely does not name {@code text}; null is never named. */
    boolean mightContain(byte[] text) {
        if (text == null) {
            return false;
        }
        long h = hash(text, 0, text.length);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1;
        for (int i = 0; i < PROBES; i++) {
            int bit = Math.floorMod(h1 + i * h2, bits);
            if ((words[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over the bytes, then a 64-bit finalizer (MurmurHash3's) so both halves are well mixed. */
    private static long hash(byte[] b, int from, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < from + length; i++) {
            h = (h ^ (b[i] & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
