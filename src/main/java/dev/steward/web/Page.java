package dev.steward.web;

import java.time.Instant;
import java.util.List;

/**
 * A page of a listing: {@code total} is how many items match the request's filters over all pages (the same scope and
 * filters as {@code items}), so that a client knows when to stop and a count can be quoted without paging to the end.
 * {@code asOf} is the instant the inventory was read at, where that applies.
 */
public record Page<T>(List<T> items, int page, int size, long total, Instant asOf) {

    public static final int MAX_SIZE = 1000;

    public static int checkedSize(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size " + size + " is out of range 1.." + MAX_SIZE);
        }
        return size;
    }

    public static int checkedPage(int page) {
        if (page < 0) {
            throw new IllegalArgumentException("page " + page + " must be 0 or more");
        }
        return page;
    }
}
