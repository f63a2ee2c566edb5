package dev.steward.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the texts a sharded assessment keeps per result (owner, team, manager, environment) so its temporary files
 * hold an int instead of the text: ids are handed out in first-seen order, equal texts share one id whatever their
 * instance, and {@link #text} gives back the first instance seen. Keyed by value: every record loaded from the store
 * has its own string instances, so an identity map grew to millions of entries and its lookups missed the cache
 * (12 % of a 100k-agent run's calling thread), while a string caches its hash.
 */
final class TextIds {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    /** The id of a text, a new one when it was not seen before; -1 for null. */
    int id(String s) {
        if (s == null) {
            return -1;
        }
        Integer known = ids.get(s);
        if (known == null) {
            known = texts.size();
            texts.add(s);
            ids.put(s, known);
        }
        return known;
    }

    /** The text of an id ({@link #id}); null for -1. */
    String text(int id) {
        return id < 0 ? null : texts.get(id);
    }

    /** Distinct texts seen. */
    int size() {
        return texts.size();
    }
}
