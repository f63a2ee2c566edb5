package dev.steward.decisions;

/**
 * One distinct text of a window's aggregates (an agent, credential, tool, action, scope, environment or chain) and
 * what the routing of rows to shards has worked out about it, once for the whole window: its dictionary id, and, when
 * it is met as an agent or a credential, its shards. Looking a row's texts up once each and reading these fields
 * replaced five to eight probes of large maps and sets per row (the dictionary, the inventory's credentials, the
 * window's principals and named credentials, the shard ranges): at 10M decisions those probes, each a few cache
 * misses, were most of the window scan. Routing a row now reads the same from {@link RoutedTexts}, one long per text.
 */
final class WindowText {

    static final byte UNKNOWN = 0;
    static final byte PRINCIPAL = 1;
    static final byte BLANK = 2;

    final String value;
    /** The text's place in its {@link WindowTextTable}: 0, 1, 2, ... in order of creation. */
    final int index;
    /** Dictionary id, -1 until a routed row first uses the text ({@link RoutedTexts#id}). */
    int id = -1;

    /** As an agent: UNKNOWN until met, then PRINCIPAL (non-blank) or BLANK; its shard is in {@link RoutedTexts}. */
    byte agent;

    /** As a credential: whether looked up; its own shard and its holders', ascending, distinct; its sole holder or null. */
    boolean credentialKnown;
    int[] credentialShards;
    String soleHolder;
    /** As a credential the inventory holds: the record's own id string (equal to {@link #value}), else null. */
    String inventoryId;
    /** As a credential: whether a row of it without a principal of its own made its sole holder a principal. */
    boolean holderIsPrincipal;

    WindowText(String value, int index) {
        this.value = value;
        this.index = index;
    }
}
