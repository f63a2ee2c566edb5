package dev.steward.decisions;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.ShardGrouping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns a window's shard files into evidence, one shard at a time and reusing its buffers from shard to shard: the
 * rows are read ({@link ShardReader#readAll}) into one {@link ShardRows} whose arrays grow once to the largest shard,
 * summed by key in key order into one reset {@link ShardSum}, and each sum becomes a {@link DecisionAggregate} whose
 * day and chain objects are shared by the whole window. Each aggregate's principal (its agent, else its credential's
 * sole holder, as {@link Evidence#principalOf} says) and credential are known here as ranks, so the shard's evidence
 * groups them by rank ({@link ShardGrouping}) rather than by a hash lookup of a string per aggregate. Allocating the
 * rows anew for each shard was 7 GB of arrays at 10M decisions, most of it promoted and then freed by full collections.
 */
final class ShardEvidence {

    private static final int DAYS = 2048;

    private final int[] rank;
    private final String[] byRank;
    /** Per rank, when the text is a row's agent: the rank again if it names a principal, -1 if it is blank. */
    private final int[] principalAsAgent;
    /** Per rank, when the text is the credential of a row without a principal agent: its sole holder's rank or -1. */
    private final int[] principalAsCredential;
    private final List<String>[] chains;
    private final ShardGrouping grouping;
    private final ShardRows rows = new ShardRows();
    private final ShardSum sum = new ShardSum();
    private LocalDate[] days;
    private int firstDay;
    private int[] principalKeys = new int[0];
    private int[] credentialKeys = new int[0];
    private long owned;

    /**
     * @param rank each dictionary id's rank in character order
     * @param byRank the texts in character order
     */
    @SuppressWarnings("unchecked")
    ShardEvidence(int[] rank, String[] byRank, int[] principalAsAgent, int[] principalAsCredential) {
        this.rank = rank;
        this.byRank = byRank;
        this.principalAsAgent = principalAsAgent;
        this.principalAsCredential = principalAsCredential;
        this.chains = new List[byRank.length];
        this.grouping = new ShardGrouping(byRank);
    }

    /**
     * The evidence of one shard file: the inventory's, with the file's aggregates summed by key in key order and the
     * given subjects. {@link #owned()} then tells how many of those aggregates the shard owns.
     */
    Evidence read(Path file, Evidence inventory, List<AgentRecord> agents, List<CredentialRecord> credentials,
            Predicate<String> principals) throws IOException {
        rows.clear();
        try (ShardReader in = new ShardReader(Files.newInputStream(file))) {
            in.readAll(rows, rank);
        }
        int[] order = rows.sorted();
        int n = rows.size();
        if (principalKeys.length < n) {
            principalKeys = new int[Math.max(n, principalKeys.length * 2)];
            credentialKeys = new int[principalKeys.length];
        }
        List<DecisionAggregate> list = new ArrayList<>();
        ShardSum s = sum;
        owned = 0;
        for (int i = 0; i < n; ) {
            int first = order[i];
            s.clear();
            int j = i;
            while (j < n && rows.sameKey(first, order[j])) {
                rows.addTo(order[j], s);
                j++;
            }
            owned += rows.own(first) ? 1 : 0;
            int agent = rows.key(first, 1);
            int credential = rows.key(first, 2);
            int at = list.size();
            principalKeys[at] = agent >= 0 && principalAsAgent[agent] >= 0 ? agent
                    : credential >= 0 ? principalAsCredential[credential] : -1;
            credentialKeys[at] = credential;
            list.add(new DecisionAggregate(day(rows.key(first, 0)), text(agent), text(credential),
                    text(rows.key(first, 3)), text(rows.key(first, 4)), text(rows.key(first, 5)),
                    text(rows.key(first, 6)), rows.key(first, 7) != 0, chain(rows.key(first, 8), inventory), s.counts[0],
                    s.counts[1], s.counts[2], s.counts[3], s.counts[4], s.counts[5], s.counts[6], s.first(), s.last()));
            i = j;
        }
        return inventory.shard(list, principalKeys, credentialKeys, grouping, agents, credentials, principals);
    }

    /** Aggregates the last {@link #read} shard owns (each aggregate of the window is owned by exactly one shard). */
    long owned() {
        return owned;
    }

    private String text(int r) {
        return r < 0 ? null : byRank[r];
    }

    /** The day of an epoch day, one object per day of the window (cached; a day outside the cache is made anew). */
    private LocalDate day(int epochDay) {
        if (days == null) {
            days = new LocalDate[DAYS];
            firstDay = epochDay - DAYS / 2;
        }
        int i = epochDay - firstDay;
        if (i < 0 || i >= DAYS) {
            return LocalDate.ofEpochDay(epochDay);
        }
        LocalDate d = days[i];
        if (d == null) {
            d = LocalDate.ofEpochDay(epochDay);
            days[i] = d;
        }
        return d;
    }

    /**
     * The on-behalf-of chain of a rank, parsed once for the window; empty for none. A member the inventory holds as an
     * agent is the record's own id string, as the aggregates' agents are ({@link WindowShards}), so that AUT-5's
     * lookup of each member stops at the identity test.
     */
    private List<String> chain(int r, Evidence inventory) {
        if (r < 0) {
            return List.of();
        }
        List<String> c = chains[r];
        if (c == null) {
            List<String> members = new ArrayList<>(dev.steward.store.StringListConverter.read(byRank[r]));
            members.replaceAll(m -> {
                AgentRecord a = m == null ? null : inventory.agents().get(m);
                return a != null ? a.id() : m;
            });
            c = List.copyOf(members);
            chains[r] = c;
        }
        return c;
    }

    static int[] none(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }
}
