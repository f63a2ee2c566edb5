package dev.steward.ui;

import java.util.List;
import java.util.TreeSet;

/**
 * One page of a long page table: which rows of {@code total} it shows. The page and its size come from the query
 * ({@code page}, 1-based, and {@code rows}); what cannot be read as a number falls back to the first page and the
 * default size, a size is kept within {@link #MIN_ROWS}..{@link #MAX_ROWS}, and a page past the last one shows the
 * last one, so that a link kept from a larger result still lands somewhere. The downloads are never paged.
 */
public record Paging(int total, int size, int page) {

    public static final int DEFAULT_ROWS = 250;
    public static final int MIN_ROWS = 10;
    public static final int MAX_ROWS = 5000;

    public static Paging of(int total, String page, String rows) {
        int size = Math.max(MIN_ROWS, Math.min(MAX_ROWS, number(rows, DEFAULT_ROWS)));
        int pages = Math.max(1, (total + size - 1) / size);
        return new Paging(total, size, Math.max(1, Math.min(pages, number(page, 1))));
    }

    private static int number(String s, int fallback) {
        if (s == null || s.isBlank() || s.length() > 9) {
            return fallback;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    /** Index of the first row shown (0-based). */
    public int from() {
        return Math.min(total, (page - 1) * size);
    }

    /** Index after the last row shown. */
    public int to() {
        return Math.min(total, from() + size);
    }

    /** Whether the rows span more than one page (the page then shows where it is and how to move). */
    public boolean paged() {
        return pages() > 1;
    }

    /** The page sizes to offer: 50, 250, 1000 and 5000, and this page's own when it is none of them. */
    public List<Integer> sizes() {
        TreeSet<Integer> s = new TreeSet<>(List.of(50, DEFAULT_ROWS, 1000, MAX_ROWS));
        s.add(size);
        return List.copyOf(s);
    }

    /** The {@code rows} parameter to keep in links, or "" for the default size. */
    public String rowsQuery() {
        return size == DEFAULT_ROWS ? "" : "rows=" + size + "&";
    }
}
