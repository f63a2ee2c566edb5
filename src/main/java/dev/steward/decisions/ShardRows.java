package dev.steward.decisions;

import java.util.Arrays;

/**
 * The rows of one shard file as columns of primitives, summed by key through a sort instead of a map: rows are put
 * in key order ({@link ShardKey#ORDER}: day, agent, credential, tool, action, scope, environment, allowed, chain, each
 * text by its rank) by a stable merge sort of row numbers, and each run of equal keys is one aggregate. A map of a
 * key object per row, then a sort of the distinct keys, cost a hash, an equality test and a few objects per row, and
 * the sort chased pointers; here a row is nine ints, seven counts and two times in arrays. Sums are the same in any
 * order (counts add, times take the earliest first and the latest last), and the first row of each run in file order
 * says whether the shard owns the aggregate.
 */
final class ShardRows {

    static final int KEY = 9;
    private static final int OWN = 1;
    private static final int HAS_FIRST = 2;
    private static final int HAS_LAST = 4;

    private int size;
    private int[] keys = new int[KEY * 1024];
    private long[] counts = new long[7 * 1024];
    private long[] times = new long[4 * 1024];
    private byte[] flags = new byte[1024];
    private int[] order = new int[0];
    private int[] scratch = new int[0];
    /** Per row its day, agent and credential packed in order ({@link #packLeads}), and scratch for the sort. */
    private long[] lead = new long[0];
    private long[] leadScratch = new long[0];

    /**
     * Forgets every row and keeps the arrays: the shards of a window are read one after another into one instance,
     * so the arrays grow once to the largest shard instead of doubling from scratch for each (at 10M decisions that
     * was 7 GB of arrays, most of them promoted and then collected in full collections).
     */
    void clear() {
        size = 0;
    }

    /** The number of rows. */
    int size() {
        return size;
    }

    /** Room for one more row; returns its number. Fill it with {@link #key}, {@link #count}, {@link #first}, ... */
    int add(boolean own) {
        if (size == flags.length) {
            int n = size * 2;
            keys = Arrays.copyOf(keys, KEY * n);
            counts = Arrays.copyOf(counts, 7 * n);
            times = Arrays.copyOf(times, 4 * n);
            flags = Arrays.copyOf(flags, n);
        }
        flags[size] = (byte) (own ? OWN : 0);
        return size++;
    }

    void key(int row, int field, int value) {
        keys[KEY * row + field] = value;
    }

    int key(int row, int field) {
        return keys[KEY * row + field];
    }

    void count(int row, int i, long value) {
        counts[7 * row + i] = value;
    }

    void first(int row, long second, long nano) {
        flags[row] |= HAS_FIRST;
        times[4 * row] = second;
        times[4 * row + 1] = nano;
    }

    void last(int row, long second, long nano) {
        flags[row] |= HAS_LAST;
        times[4 * row + 2] = second;
        times[4 * row + 3] = nano;
    }

    boolean own(int row) {
        return (flags[row] & OWN) != 0;
    }

    /** Adds row's counts and times into {@code sum}. */
    void addTo(int row, ShardSum sum) {
        for (int i = 0; i < 7; i++) {
            sum.counts[i] += counts[7 * row + i];
        }
        if ((flags[row] & HAS_FIRST) != 0) {
            sum.first(times[4 * row], times[4 * row + 1]);
        }
        if ((flags[row] & HAS_LAST) != 0) {
            sum.last(times[4 * row + 2], times[4 * row + 3]);
        }
    }

    /** Whether two rows have the same key. */
    boolean sameKey(int a, int b) {
        return compare(a, b) == 0;
    }

    /**
     * The row numbers in key order, rows of equal keys in file order: the first {@link #size()} elements of the
     * returned array, which is reused by the next call.
     */
    int[] sorted() {
        if (order.length < size) {
            order = new int[flags.length];
            scratch = new int[flags.length];
            lead = new long[flags.length];
            leadScratch = new long[flags.length];
        }
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (size > 1) {
            System.arraycopy(order, 0, scratch, 0, size);
            if (packLeads()) {
                System.arraycopy(lead, 0, leadScratch, 0, size);
                mergeSort(order, lead, scratch, leadScratch, 0, size);
            } else {
                mergeSort(order, scratch, 0, size);
            }
        }
        return order;
    }

    /**
     * Packs each row's day, agent and credential (the first three key fields, which decide most comparisons) into
     * one long in {@link #lead}, in the same order as the fields, when their ranges fit in 63 bits. The sort then
     * moves each row's lead along with its number and compares longs in sequential memory, reading a row's full key
     * only when two leads are equal; comparing row keys scattered over the arrays was 9 % of the evaluation at 10M
     * decisions. False (and the leads unused) when they do not fit.
     */
    private boolean packLeads() {
        int minDay = Integer.MAX_VALUE;
        int maxDay = Integer.MIN_VALUE;
        int maxAgent = -1;
        int maxCredential = -1;
        for (int r = 0; r < size; r++) {
            int k = KEY * r;
            minDay = Math.min(minDay, keys[k]);
            maxDay = Math.max(maxDay, keys[k]);
            maxAgent = Math.max(maxAgent, keys[k + 1]);
            maxCredential = Math.max(maxCredential, keys[k + 2]);
        }
        int agentBits = bits(maxAgent + 1L);
        int credentialBits = bits(maxCredential + 1L);
        if (bits((long) maxDay - minDay) + agentBits + credentialBits > 63) {
            return false;
        }
        for (int r = 0; r < size; r++) {
            int k = KEY * r;
            lead[r] = (((long) keys[k] - minDay) << (agentBits + credentialBits)) | ((keys[k + 1] + 1L) << credentialBits)
                    | (keys[k + 2] + 1L);
        }
        return true;
    }

    private static int bits(long v) {
        return 64 - Long.numberOfLeadingZeros(v);
    }

    /**
     * Sorts {@code a[from, to)} stably by lead, then by full key, moving each lead ({@code ak}) with its row;
     * {@code b} and {@code bk} hold the same values on entry and are scratch.
     */
    private void mergeSort(int[] a, long[] ak, int[] b, long[] bk, int from, int to) {
        if (to - from <= 24) {
            for (int i = from + 1; i < to; i++) {
                int row = a[i];
                long key = ak[i];
                int j = i - 1;
                while (j >= from && compare(ak[j], a[j], key, row) > 0) {
                    a[j + 1] = a[j];
                    ak[j + 1] = ak[j];
                    j--;
                }
                a[j + 1] = row;
                ak[j + 1] = key;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(b, bk, a, ak, from, mid);
        mergeSort(b, bk, a, ak, mid, to);
        if (compare(bk[mid - 1], b[mid - 1], bk[mid], b[mid]) <= 0) {
            System.arraycopy(b, from, a, from, to - from);
            System.arraycopy(bk, from, ak, from, to - from);
            return;
        }
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compare(bk[i], b[i], bk[j], b[j]) <= 0)) {
                ak[k] = bk[i];
                a[k] = b[i++];
            } else {
                ak[k] = bk[j];
                a[k] = b[j++];
            }
        }
    }

    private int compare(long leadA, int a, long leadB, int b) {
        return leadA != leadB ? Long.compare(leadA, leadB) : compare(a, b);
    }

    /** Sorts {@code a[from, to)} stably; {@code b} holds the same values on entry and is scratch. */
    private void mergeSort(int[] a, int[] b, int from, int to) {
        if (to - from <= 24) {
            for (int i = from + 1; i < to; i++) {
                int row = a[i];
                int j = i - 1;
                while (j >= from && compare(a[j], row) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = row;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        // sort both halves into b, then merge them back into a
        mergeSort(b, a, from, mid);
        mergeSort(b, a, mid, to);
        if (compare(b[mid - 1], b[mid]) <= 0) {
            System.arraycopy(b, from, a, from, to - from);
            return;
        }
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compare(b[i], b[j]) <= 0)) {
                a[k] = b[i++];
            } else {
                a[k] = b[j++];
            }
        }
    }

    private int compare(int a, int b) {
        int x = KEY * a;
        int y = KEY * b;
        for (int f = 0; f < KEY; f++) {
            int c = Integer.compare(keys[x + f], keys[y + f]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
