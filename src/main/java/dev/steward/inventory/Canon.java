package dev.steward.inventory;

import dev.steward.store.StringListConverter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical instances for the repeated values of one inventory load: equal strings (teams, owners, environments,
 * statuses, source files, holder and tool names...) come back as one shared instance, and equal stored lists (the JSON
 * text of tools, grants, scopes, holders) as one shared immutable list. Values are never changed, only shared, so
 * records built from them are equal to records built from fresh strings; at 100k agents and 300k credentials this keeps
 * hundreds of thousands of duplicate strings and lists off the heap for as long as the inventory is held. One instance
 * per load, dropped with it: the maps only live while the rows are read.
 */
final class Canon {

    /**
     * The canonical strings, open addressing with linear probing (no entry object per string: a load puts about 425k
     * strings here at the benchmark scale, most of them once, and a hash map's node per string was most of a pack
     * load's own time).
     */
    private String[] strings = new String[1 << 12];
    private int size;
    private final Map<String, List<String>> lists = new HashMap<>();
    private final Map<List<String>, List<String>> listsByValue = new HashMap<>();

    /** The shared instance equal to {@code value} (null stays null). */
    String of(String value) {
        if (value == null) {
            return null;
        }
        String[] table = strings;
        int mask = table.length - 1;
        int h = value.hashCode();
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            String known = table[i];
            if (known == null) {
                table[i] = value;
                if (2 * ++size > table.length) {
                    grow();
                }
                return value;
            }
            if (known.hashCode() == h && known.equals(value)) {
                return known;
            }
        }
    }

    private void grow() {
        String[] bigger = new String[strings.length * 2];
        int mask = bigger.length - 1;
        for (String s : strings) {
            if (s != null) {
                int h = s.hashCode();
                int i = (h ^ (h >>> 16)) & mask;
                while (bigger[i] != null) {
                    i = (i + 1) & mask;
                }
                bigger[i] = s;
            }
        }
        strings = bigger;
    }

    /**
     * The list a stored JSON array column holds, exactly as {@link StringListConverter#read} reads it, its elements
     * canonical; equal column texts share one list.
     */
    List<String> list(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        List<String> known = lists.get(column);
        if (known != null) {
            return known;
        }
        List<String> read = StringListConverter.read(column);
        List<String> shared = new ArrayList<>(read.size());
        for (String s : read) {
            shared.add(of(s));
        }
        List<String> out = List.copyOf(shared);
        lists.put(column, out);
        return out;
    }

    /** The shared immutable list equal to {@code values}, whose elements are canonical already (a pack's). */
    List<String> list(List<String> values) {
        List<String> known = listsByValue.putIfAbsent(values, values);
        return known != null ? known : values;
    }
}
