package dev.steward.decisions;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily packs of one window, each with a filter of the texts it names ({@link PackFilter}), so that a page about
 * one agent or credential reads only the packs that may hold it instead of every pack of the window (at 10M decisions
 * a window of about 2,300 packs, of which an agent's aggregates sit in a few dozen). Valid for the window's days and
 * the committed uploads it was built from: another window, or any upload committed since, needs a new one.
 */
final class PackIndex {

    /** A pack by its key and the filter of its texts. */
    record Entry(long upload, int pack, PackFilter filter) {
    }

    private final String committed;
    private final LocalDate from;
    private final LocalDate to;
    private final List<Entry> entries;

    PackIndex(String committed, LocalDate from, LocalDate to, List<Entry> entries) {
        this.committed = committed;
        this.from = from;
        this.to = to;
        this.entries = List.copyOf(entries);
    }

    /** Whether this index answers for the window [from, to) over the committed uploads described by {@code committed}. */
    boolean covers(String committed, LocalDate from, LocalDate to) {
        return this.committed.equals(committed) && this.from.equals(from) && this.to.equals(to);
    }

    /** The packs, in storage order, that may name the agent or the credential (either may be null). */
    List<Entry> mayHold(String agent, String credential) {
        byte[] a = agent == null ? null : agent.getBytes(StandardCharsets.UTF_8);
        byte[] c = credential == null ? null : credential.getBytes(StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.filter().mightContain(a) || e.filter().mightContain(c)) {
                out.add(e);
            }
        }
        return out;
    }
}
