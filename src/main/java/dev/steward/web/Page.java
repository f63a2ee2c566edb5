package dev.steward.web;

import java.time.Instant;
import java.util.List;

/** A page of a listing. {@code asOf} is the instant the inventory was read at, where that applies. */
public record Page<T>(List<T> items, int page, int size, Instant asOf) {

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
