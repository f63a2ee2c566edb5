package dev.steward.decisions;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import dev.steward.store.PackBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The decision aggregates of a window too large to hold at once, split into shards by subject so that an assessment
 * holds one shard at a time. Agents (and principals) are cut into contiguous id ranges, shard k taking range k; a
 * credential is judged in the shard of its first holder, and those without a holder are cut into id ranges too. One
 * pass over the stored rows routes each row, dictionary-encoded, to a temporary file per shard: the shard of its
 * principal and of each holder of its credential (agent checks read the decisions of the credentials an agent holds;
 * the first holder's shard judges the credential), or of its credential's id range when it has no holder. Most rows
 * are made by their credential's only holder and so go to one shard. {@link #evidence(int)} sums a shard's rows by
 * key exactly as {@link DecisionAggregates#window} does, in the same order ({@link ShardKey#order}), and returns the
 * shard's evidence. Because ranges are contiguous, each check's results come shard after shard in run order, as in
 * one pass: agents and principals by id; credentials in two runs, those without a holder by id, then the others by
 * first holder and id ({@link #credentialRuns}; the split is {@link ShardSubjects}). Close to delete the files.
 */
public final class WindowShards implements AutoCloseable {

    /**
     * Shards of a window at most. Each has a temporary file open while the window is scanned (and the assessment's
     * results one while they are counted), with a buffer of 4 KiB or more.
     */
    public static final int MAX_SHARDS = 512;

    /**
     * The buffer of each of {@code files} files written or read at once, one per shard: 64 KiB, less when there are
     * more than 64 of them so that all of them hold 4 MiB (at least 4 KiB each).
     */
    public static int fileBuffer(int files) {
        return Math.max(1 << 12, Math.min(1 << 16, (1 << 22) / Math.max(1, files)));
    }

    private final Evidence inventory;
    private final ShardSubjects subjects;
    private final Path dir;
    private final ShardSpill[] out;
    /** Writes the shard files' full buffers beside the router. */
    private final SpillWriter writer;
    /** The window's texts; null once every row is routed ({@link #finishWriting}). */
    private WindowTextTable texts = new WindowTextTable();
    /** What routing worked out about each text, the window's dictionary, principals and named credentials. */
    private final RoutedTexts routed;
    private long aggregates;
    /** Rows written to the shard files: each routed row once per shard it goes to. */
    private long spilled;
    /** Reads the shards once every row is routed ({@link #finishWriting}). */
    private ShardEvidence reader;
    /** principalsBelow[k]: distinct principals whose shard is below k; the last, all of them (once routing is done). */
    private long[] principalsBelow;
    /** The window's texts in character order, and which its rows name as a credential (once routing is done). */
    private String[] byRank;
    private BitSet namedByRank;
    /**
     * The key of the row being routed: epoch day, then dictionary ids (-1 for null) of agent, credential, tool,
     * action, scope, environment and on-behalf-of chain. Filled by the caller of {@link #route}.
     */
    final int[] key = new int[8];
    /** The row being routed, encoded once for all of its shards ({@link ShardSpill#route}). */
    private final PackBytes.Out rowBytes = new PackBytes.Out(256);
    /** The shards of the row being routed, ascending: at most every shard, and one more while inserting. */
    private final int[] to;
    /** A row of {@link #add}: its texts' entries and their indexes, by reference 1 to 7 (0: null). */
    private final WindowText[] rowTexts = new WindowText[8];
    private final int[] rowIndexes = new int[8];

    WindowShards(Evidence inventory, int shards, Path tmp) throws IOException {
        this.inventory = inventory;
        this.subjects = new ShardSubjects(inventory, shards);
        this.routed = new RoutedTexts(inventory, subjects);
        this.rowIndexes[0] = -1;
        this.dir = Files.createTempDirectory(tmp, "steward-shards-");
        this.out = new ShardSpill[shards];
        this.to = new int[shards + 1];
        this.writer = new SpillWriter(ShardSpill.capacity(fileBuffer(shards)));
        for (int k = 0; k < shards; k++) {
            out[k] = new ShardSpill(Files.newOutputStream(file(k)), fileBuffer(shards), writer);
        }
    }

    private Path file(int k) {
        return dir.resolve("shard-" + k);
    }

    public int count() {
        return out.length;
    }

    /** The shard of an agent or principal id. */
    public int agentShard(String id) {
        return subjects.agentShard(id);
    }

    /** Agents judged in shard k, in id order. */
    public List<AgentRecord> agents(int k) {
        return subjects.agents(k);
    }

    /**
     * Credentials judged in shard k, in run order ({@link CredentialRecord#RUN_ORDER}): its range of those without a
     * holder ({@link #holderlessCredentials}), then those whose first holder is among its agents' range.
     */
    public List<CredentialRecord> credentials(int k) {
        return subjects.credentials(k);
    }

    /** How many of shard k's {@link #credentials} have no holder: they come first. */
    public int holderlessCredentials(int k) {
        return subjects.holderlessCredentials(k);
    }

    /** Distinct principals of the window, all shards. */
    public int principals() {
        return Math.toIntExact(principalsBelow[out.length]);
    }

    /** Distinct principals of the window whose shard is below k: where shard k's principal results start. */
    public long principalsBefore(int k) {
        return principalsBelow[k];
    }

    /**
     * Rows written to the shard files, all shards: each routed row once for every shard that needs it (its
     * principal's and its credential's holders', or its credential's range when it has no holder), so this is what reading the shards costs, against the stored
     * rows of the window.
     */
    public long spilled() {
        return spilled;
    }

    /** Aggregates of the window (distinct keys), all shards; known once every shard was read. */
    public long aggregates() {
        return aggregates;
    }

    /** Whether any aggregate of the window names the credential. */
    public boolean named(String credentialId) {
        int r = Arrays.binarySearch(byRank, credentialId);
        return r >= 0 && namedByRank.get(r);
    }

    /**
     * The window's entry of a text (made on first use), null for null. It has no dictionary id until a routed row
     * uses it ({@link RoutedTexts#id}): the texts of a pack are looked up before its rows are read, maybe on another
     * thread.
     */
    WindowText text(String s) {
        return s == null ? null : texts.get(s);
    }

    /**
     * {@link #text(String)} of {@code n} texts given as UTF-8 bytes, as a stored pack holds them (not decoded when
     * known): text i is {@code buf[offsets[i], offsets[i] + lengths[i])}, null when its length is -1; its entry goes to
     * {@code out[from + i]} and the entry's {@link WindowText#index} (-1 for null) to {@code indexes[from + i]}.
     */
    void texts(byte[] buf, int[] offsets, int[] lengths, int n, WindowText[] out, int[] indexes, int from) {
        texts.getAll(buf, offsets, lengths, n, out, indexes, from);
    }

    /** A router of stored packs by reference into their texts ({@link PackRoutes}), on a thread of its own. */
    PackRoutes packs() {
        return new PackRoutes(this);
    }

    /** Routes one stored row (not yet summed) to the shards that need it. */
    void add(LocalDate day, String agent, String credential, String tool, String action, String scope, String environment,
            boolean allowed, String onBehalfOf, long[] counts, Instant firstAt, Instant lastAt) throws IOException {
        String[] values = {agent, credential, tool, action, scope, environment, onBehalfOf};
        for (int i = 0; i < values.length; i++) {
            WindowText t = text(values[i]);
            rowTexts[i + 1] = t;
            rowIndexes[i + 1] = t == null ? -1 : t.index;
        }
        row((int) day.toEpochDay(), rowTexts, rowIndexes, 1, 2, 3, 4, 5, 6, allowed, 7, counts, firstAt != null,
                firstAt == null ? 0 : firstAt.getEpochSecond(), firstAt == null ? 0 : firstAt.getNano(), lastAt != null,
                lastAt == null ? 0 : lastAt.getEpochSecond(), lastAt == null ? 0 : lastAt.getNano());
    }

    /**
     * Routes one row by its texts: to the shard of its principal (its agent, or else its credential's sole holder) and
     * of each holder of its credential, or of its credential's id range when the credential has no holder; to shard 0
     * when it has none of them. The row's texts are references into {@code texts} and {@code indexes} (their entries
     * and those entries' {@link WindowText#index}; reference 0 is null): routing reads what it worked out about a text
     * by its index, the entry only on first use ({@link RoutedTexts}).
     */
    void row(int day, WindowText[] texts, int[] indexes, int agent, int credential, int tool, int action, int scope,
            int environment, boolean allowed, int onBehalfOf, long[] counts, boolean hasFirst, long firstSecond,
            long firstNano, boolean hasLast, long lastSecond, long lastNano) throws IOException {
        int[] to = this.to;
        RoutedTexts r = routed;
        int agentIndex = indexes[agent];
        int agentShard = agentIndex < 0 ? -1 : r.principalShard(agentIndex, texts[agent]);
        int credentialIndex = indexes[credential];
        // the sole holder's shard is among its holders' shards
        int n = credentialIndex < 0 ? 0 : r.credentialShards(credentialIndex, texts[credential], agentShard >= 0, to);
        if (agentShard >= 0) {
            n = RoutedTexts.insert(to, n, agentShard);
        }
        int[] key = this.key;
        key[0] = day;
        key[1] = r.id(agentIndex, texts[agent]);
        key[2] = r.id(credentialIndex, texts[credential]);
        key[3] = r.id(indexes[tool], texts[tool]);
        key[4] = r.id(indexes[action], texts[action]);
        key[5] = r.id(indexes[scope], texts[scope]);
        key[6] = r.id(indexes[environment], texts[environment]);
        key[7] = r.id(indexes[onBehalfOf], texts[onBehalfOf]);
        spilled += Math.max(1, n);
        ShardSpill.route(out, rowBytes, to, n, key, allowed, counts, hasFirst, firstSecond, firstNano, hasLast,
                lastSecond, lastNano);
    }

    void finishWriting() throws IOException {
        writer.drain();
        writer.close();
        for (ShardSpill o : out) {
            o.close();
        }
        // a credential's sole holder is the principal of its rows without an agent: give it a rank too
        List<WindowText> dict = routed.dict;
        for (int i = 0, n = dict.size(); i < n; i++) {
            WindowText t = dict.get(i);
            if (t.credentialKnown && t.soleHolder != null) {
                routed.id(text(t.soleHolder));
            }
        }
        // texts are distinct, so any sort gives the one order; on both cores (the router is done)
        WindowText[] byText = dict.toArray(new WindowText[0]);
        Arrays.parallelSort(byText, (a, b) -> a.value.compareTo(b.value));
        int[] rank = new int[byText.length];
        String[] byRank = new String[byText.length];
        for (int r = 0; r < byText.length; r++) {
            rank[byText[r].id] = r;
            byRank[r] = shared(byText[r]);
        }
        int[] asAgent = ShardEvidence.none(byText.length);
        int[] asCredential = ShardEvidence.none(byText.length);
        // the principals: agents of rows, and sole holders of credentials used in rows without one; one rank each
        boolean[] principal = new boolean[byText.length];
        namedByRank = new BitSet(byText.length);
        for (WindowText t : dict) {
            if (t.agent == WindowText.PRINCIPAL) {
                asAgent[rank[t.id]] = rank[t.id];
                principal[rank[t.id]] = true;
            }
            if (t.credentialKnown) {
                namedByRank.set(rank[t.id]);
            }
            if (t.credentialKnown && t.soleHolder != null) {
                int holder = rank[text(t.soleHolder).id];
                asCredential[rank[t.id]] = holder;
                principal[holder] |= t.holderIsPrincipal;
            }
        }
        long[] below = new long[out.length + 1];
        for (int r = 0; r < principal.length; r++) {
            if (principal[r]) {
                below[agentShard(byRank[r]) + 1]++;
            }
        }
        for (int k = 1; k < below.length; k++) {
            below[k] += below[k - 1];
        }
        principalsBelow = below;
        this.byRank = byRank;
        reader = new ShardEvidence(rank, byRank, asAgent, asCredential);
        // what routing needed about each text is not needed any more: shards are read by rank
        routed.clear();
        texts = null;
    }

    /**
     * The string a shard's aggregates carry for a text: for an agent or credential id the inventory holds, the
     * inventory record's own id string (equal to the text), so that the checks' lookups by id and their compares of an
     * aggregate's agent or credential with a record's id or holders meet the same instance and stop at the identity
     * test instead of comparing bytes that are cold in the cache; the text's own string otherwise.
     */
    private String shared(WindowText t) {
        if (t.inventoryId != null) {
            return t.inventoryId;
        }
        AgentRecord a = inventory.agents().get(t.value);
        return a != null ? a.id() : t.value;
    }

    /** Shard k's evidence: its aggregates summed by key and its subjects; reads (and then deletes) its file. */
    public Evidence evidence(int k) {
        try {
            Evidence e = reader.read(file(k), inventory, agents(k), credentials(k), p -> agentShard(p) == k);
            Files.deleteIfExists(file(k));
            aggregates += reader.owned();
            return e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read decision shard " + k, e);
        }
    }

    /** Agents of the shards before shard k, for seq offsets: where shard k's agent results start. */
    public long agentsBefore(int k) {
        return subjects.agentsBefore(k);
    }

    /**
     * Where shard k's credentials sit in run order (without a holder first, then by first holder, then id): two runs,
     * each {first position, count}: its credentials without a holder, then its others.
     */
    public long[][] credentialRuns(int k) {
        return subjects.credentialRuns(k);
    }

    @Override
    public void close() {
        writer.close();
        try {
            for (ShardSpill o : out) {
                o.close();
            }
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove decision shards in " + dir, e);
        }
    }
}
