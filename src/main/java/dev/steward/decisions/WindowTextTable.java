package dev.steward.decisions;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct texts of a window ({@link WindowText}), looked up by their UTF-8 bytes as a stored pack holds them, so
 * that a text already known costs no decoding, no string and no string hash: at 10M decisions the window scan looks
 * up about 21M pack texts, 427k of them distinct, and a {@code HashMap<String, WindowText>} probe with a freshly
 * decoded key took about 0.9 µs each, most of the scan's time.
 *
 * <p>Open addressing with linear probing: each slot is a long, the text's mixed hash in the high half and the offset
 * of its bytes in one byte arena in the low half (0: empty), so a probe reads one slot, then compares the bytes in
 * place. An arena record is the entry's index (4 bytes), the length (4 bytes) and the bytes.
 *
 * <p>One text, one entry: a pack's texts are written from Java strings, so their bytes are the canonical UTF-8 of
 * their text, and a string looked up ({@link #get(String)}) is encoded the same way. Bytes that are not canonical
 * UTF-8 (a pack damaged in a way its checksum missed) name the entry of the text they decode to, as an alias. A
 * string with an unpaired surrogate has no UTF-8 form and is kept by value apart (no decoded text can equal it). Not
 * thread-safe.
 */
final class WindowTextTable {

    private static final int HEADER = 8;

    private long[] slots = new long[1 << 12];
    private int used;
    private byte[] arena = new byte[1 << 16];
    /** Offset 0 is never a record, so a slot of 0 is empty. */
    private int arenaSize = HEADER;
    private WindowText[] entries = new WindowText[1 << 10];
    private int size;
    private final Map<String, WindowText> unencodable = new HashMap<>();
    /** Scratch of {@link #getAll}: each text's hash, then its first slot, then its entry's index (-1: not found). */
    private int[] hashes = new int[0];
    private long[] found = new long[0];

    /**
     * The entries of {@code n} texts given as UTF-8 bytes in one buffer ({@code buf[offsets[i], offsets[i] + lengths[i])};
     * a length of -1 is null), made when new, into {@code out[from + i]}, and their {@link WindowText#index} (-1 for
     * null) into {@code indexes[from + i]}. The same as {@link #get(byte[], int, int)} of
     * each, in order, but faster: the probes go in passes over all the texts (hashes, then slots, then bytes, then
     * entries), so each pass's memory reads are independent of one another and the processor overlaps their cache
     * misses instead of waiting for each in turn; one text after another, each probe waited for about three misses.
     */
    void getAll(byte[] buf, int[] offsets, int[] lengths, int n, WindowText[] out, int[] indexes, int from) {
        if (hashes.length < n) {
            int size = Math.max(n, 2 * hashes.length);
            hashes = new int[size];
            found = new long[size];
        }
        int[] h = hashes;
        long[] f = found;
        for (int i = 0; i < n; i++) {
            h[i] = lengths[i] < 0 ? 0 : hash(buf, offsets[i], lengths[i]);
        }
        long[] s = slots;
        int mask = s.length - 1;
        for (int i = 0; i < n; i++) {
            f[i] = s[h[i] & mask];
        }
        for (int i = 0; i < n; i++) {
            long slot = f[i];
            int length = lengths[i];
            int index = -1;
            if (slot != 0 && length >= 0 && (int) (slot >>> 32) == h[i]) {
                int at = (int) slot;
                if (intAt(at + 4) == length && Arrays.equals(arena, at + HEADER, at + HEADER + length, buf, offsets[i],
                        offsets[i] + length)) {
                    index = intAt(at);
                }
            }
            f[i] = index;
        }
        WindowText[] e = entries;
        for (int i = 0; i < n; i++) {
            int index = (int) f[i];
            WindowText t = index >= 0 ? e[index] : lengths[i] < 0 ? null : get(buf, offsets[i], lengths[i], h[i]);
            out[from + i] = t;
            indexes[from + i] = index >= 0 ? index : t == null ? -1 : t.index;
        }
    }

    /** The entry of the text whose UTF-8 bytes are {@code buf[offset, offset + length)}, made when new. */
    WindowText get(byte[] buf, int offset, int length) {
        return get(buf, offset, length, hash(buf, offset, length));
    }

    private WindowText get(byte[] buf, int offset, int length, int h) {
        long[] s = slots;
        int mask = s.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long slot = s[i];
            if (slot == 0) {
                return add(buf, offset, length, h);
            }
            if ((int) (slot >>> 32) == h) {
                int at = (int) slot;
                if (intAt(at + 4) == length && Arrays.equals(arena, at + HEADER, at + HEADER + length, buf, offset,
                        offset + length)) {
                    return entries[intAt(at)];
                }
            }
        }
    }

    /** The entry of a text, made when new; one entry whether the text is looked up as a string or as its bytes. */
    WindowText get(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (hasSurrogate(text) && !new String(bytes, StandardCharsets.UTF_8).equals(text)) {
            return unencodable.computeIfAbsent(text, this::newEntry);
        }
        return get(bytes, 0, bytes.length);
    }

    /** Distinct texts known. */
    int size() {
        return size;
    }

    private WindowText add(byte[] buf, int offset, int length, int h) {
        String text = new String(buf, offset, length, StandardCharsets.UTF_8);
        byte[] canonical = text.getBytes(StandardCharsets.UTF_8);
        // bytes that are not the canonical UTF-8 of their text are an alias of the canonical entry
        WindowText entry = Arrays.equals(canonical, 0, canonical.length, buf, offset, offset + length) ? newEntry(text)
                : get(canonical, 0, canonical.length);
        insert(h, record(entry.index, buf, offset, length));
        return entry;
    }

    /** A new entry, next in {@link #entries}: texts with a UTF-8 form and those without share one numbering. */
    private WindowText newEntry(String text) {
        int index = size++;
        if (index == entries.length) {
            entries = Arrays.copyOf(entries, index * 2);
        }
        WindowText entry = new WindowText(text, index);
        entries[index] = entry;
        return entry;
    }

    private int record(int index, byte[] buf, int offset, int length) {
        long end = (long) arenaSize + HEADER + length;
        if (end > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a window has more than 2 GiB of distinct texts");
        }
        if (end > arena.length) {
            arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(end, 2L * arena.length)));
        }
        int at = arenaSize;
        putInt(at, index);
        putInt(at + 4, length);
        System.arraycopy(buf, offset, arena, at + HEADER, length);
        arenaSize = (int) end;
        return at;
    }

    private void insert(int h, int at) {
        if (2 * (used + 1) > slots.length) {
            grow();
        }
        place(slots, h, at);
        used++;
    }

    private static void place(long[] s, int h, int at) {
        int mask = s.length - 1;
        int i = h & mask;
        while (s[i] != 0) {
            i = (i + 1) & mask;
        }
        s[i] = ((long) h << 32) | (at & 0xFFFFFFFFL);
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long slot : slots) {
            if (slot != 0) {
                place(bigger, (int) (slot >>> 32), (int) slot);
            }
        }
        slots = bigger;
    }

    private int intAt(int at) {
        byte[] a = arena;
        return (a[at] & 0xFF) << 24 | (a[at + 1] & 0xFF) << 16 | (a[at + 2] & 0xFF) << 8 | (a[at + 3] & 0xFF);
    }

    private void putInt(int at, int v) {
        arena[at] = (byte) (v >>> 24);
        arena[at + 1] = (byte) (v >>> 16);
        arena[at + 2] = (byte) (v >>> 8);
        arena[at + 3] = (byte) v;
    }

    /** A polynomial hash of the bytes, mixed (murmur3's finalizer) so that ids differing in a digit spread. */
    static int hash(byte[] buf, int offset, int length) {
        int h = length;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + buf[i];
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
