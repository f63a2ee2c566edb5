package dev.steward.decisions;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import dev.steward.store.PackBytes;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decision aggregates of a window too large to hold at once, split into shards by subject so that an assessment
 * holds one shard at a time. Agents (and principals) are cut into contiguous id ranges, credentials likewise, shard k
 * taking range k of each; one pass over the stored rows routes each row, dictionary-encoded, to a temporary file per
 * shard: the shard of its principal, of its credential, and of each holder of its credential (agent checks read the
 * decisions of the credentials an agent holds). {@link #evidence(int)} sums a shard's rows by key exactly as
 * {@link DecisionAggregates#window} does, in the same order ({@link ShardKey#order}), and returns the shard's
 * evidence. Because ranges are contiguous, each check's results come shard after shard in subject id
 * order, as in one pass. Close to delete the files.
 */
public final class WindowShards implements AutoCloseable {

    private final Evidence inventory;
    private final String[] agentFrom;
    private final String[] credentialFrom;
    private final List<List<AgentRecord>> agents = new ArrayList<>();
    private final List<List<CredentialRecord>> credentials = new ArrayList<>();
    private final Path dir;
    private final ShardSpill[] out;
    private final List<String> dict = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Set<String> principals = new HashSet<>();
    private final Set<String> credentialsNamed = new HashSet<>();
    /** Position of each dictionary text in character order: keys sort by int compares. */
    private int[] rank;
    /** The dictionary texts in character order: {@code byRank[rank[id]] == dict.get(id)}. */
    private String[] byRank;
    private long aggregates;

    WindowShards(Evidence inventory, int shards, Path tmp) throws IOException {
        this.inventory = inventory;
        this.agentFrom = new String[shards];
        this.credentialFrom = new String[shards];
        List<AgentRecord> a = new ArrayList<>(inventory.agents().values());
        List<CredentialRecord> c = new ArrayList<>(inventory.credentials().values());
        for (int k = 0; k < shards; k++) {
            List<AgentRecord> as = a.subList(a.size() * k / shards, a.size() * (k + 1) / shards);
            List<CredentialRecord> cs = c.subList(c.size() * k / shards, c.size() * (k + 1) / shards);
            agents.add(as);
            credentials.add(cs);
            agentFrom[k] = k == 0 || as.isEmpty() ? (k == 0 ? "" : null) : as.get(0).id();
            credentialFrom[k] = k == 0 || cs.isEmpty() ? (k == 0 ? "" : null) : cs.get(0).id();
        }
        fillEmpty(agentFrom);
        fillEmpty(credentialFrom);
        this.dir = Files.createTempDirectory(tmp, "steward-shards-");
        this.out = new ShardSpill[shards];
        for (int k = 0; k < shards; k++) {
            out[k] = new ShardSpill(Files.newOutputStream(file(k)));
        }
    }

    /** An empty range starts where the next one does, so lookups never land in it. */
    private static void fillEmpty(String[] from) {
        for (int k = from.length - 1; k > 0; k--) {
            if (from[k] == null) {
                from[k] = k + 1 < from.length ? from[k + 1] : "\uffff\uffff";
            }
        }
    }

    private Path file(int k) {
        return dir.resolve("shard-" + k);
    }

    public int count() {
        return out.length;
    }

    private static int rangeOf(String[] from, String id) {
        int i = Arrays.binarySearch(from, id);
        return i >= 0 ? lastEqual(from, i) : Math.max(0, -i - 2);
    }

    private static int lastEqual(String[] from, int i) {
        while (i + 1 < from.length && from[i + 1].equals(from[i])) {
            i++;
        }
        return i;
    }

    /** The shard of an agent or principal id. */
    public int agentShard(String id) {
        return rangeOf(agentFrom, id);
    }

    public int credentialShard(String id) {
        return rangeOf(credentialFrom, id);
    }

    /** Agents judged in shard k, in id order. */
    public List<AgentRecord> agents(int k) {
        return agents.get(k);
    }

    public List<CredentialRecord> credentials(int k) {
        return credentials.get(k);
    }

    /** Distinct principals of the window, all shards. */
    public int principals() {
        return principals.size();
    }

    /** Distinct principals of the window whose shard is below k: where shard k's principal results start. */
    public long principalsBefore(int k) {
        return principals.stream().filter(p -> agentShard(p) < k).count();
    }

    /** Aggregates of the window (distinct keys), all shards; known once every shard was read. */
    public long aggregates() {
        return aggregates;
    }

    /** Whether any aggregate of the window names the credential. */
    public boolean named(String credentialId) {
        return credentialsNamed.contains(credentialId);
    }

    private int id(String s) {
        return s == null ? -1 : ids.computeIfAbsent(s, k -> {
            dict.add(k);
            return dict.size() - 1;
        });
    }

    /** Routes one stored row (not yet summed) to the shards that need it. */
    void add(LocalDate day, String agent, String credential, String tool, String action, String scope, String environment,
            boolean allowed, String onBehalfOf, long[] counts, Instant firstAt, Instant lastAt) throws IOException {
        String principal = agent != null && !agent.isBlank() ? agent : null;
        CredentialRecord c = credential == null ? null : inventory.credentials().get(credential);
        if (principal == null && c != null && c.holders().size() == 1) {
            principal = c.holders().get(0);
        }
        long shards = 0;
        if (principal != null) {
            principals.add(principal);
            shards |= 1L << agentShard(principal);
        }
        if (credential != null) {
            credentialsNamed.add(credential);
            shards |= 1L << credentialShard(credential);
            if (c != null) {
                for (String h : c.holders()) {
                    shards |= 1L << agentShard(h);
                }
            }
        }
        if (shards == 0) {
            shards = 1;
        }
        int owner = Long.numberOfTrailingZeros(shards);
        int[] key = {(int) day.toEpochDay(), id(agent), id(credential), id(tool), id(action), id(scope), id(environment),
            id(onBehalfOf)};
        for (int k = owner; k < out.length; k++) {
            if ((shards & (1L << k)) != 0) {
                PackBytes.Out o = out[k].bytes;
                o.writeByte(k == owner ? 1 : 0);
                for (int v : key) {
                    o.varLong(v + 1L);
                }
                o.writeByte(allowed ? 1 : 0);
                for (long n : counts) {
                    o.varLong(n);
                }
                instant(o, firstAt);
                instant(o, lastAt);
                out[k].spillWhenFull();
            }
        }
    }

    private static void instant(PackBytes.Out o, Instant t) {
        o.writeByte(t != null ? 1 : 0);
        if (t != null) {
            o.varLong(t.getEpochSecond());
            o.varLong(t.getNano());
        }
    }

    private static long var(Reader in) throws IOException {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
    }

    private static int varId(Reader in) throws IOException {
        return (int) (var(in) - 1);
    }

    void finishWriting() throws IOException {
        for (ShardSpill o : out) {
            o.close();
        }
        Integer[] byText = new Integer[dict.size()];
        for (int i = 0; i < byText.length; i++) {
            byText[i] = i;
        }
        Arrays.sort(byText, Comparator.comparing(dict::get));
        rank = new int[byText.length];
        byRank = new String[byText.length];
        for (int r = 0; r < byText.length; r++) {
            rank[byText[r]] = r;
            byRank[r] = dict.get(byText[r]);
        }
    }

    /** Shard k's evidence: its aggregates summed by key and its subjects; reads (and then deletes) its file. */
    public Evidence evidence(int k) {
        Map<ShardKey, ShardSum> sums = new HashMap<>();
        long owned = 0;
        try (Reader in = new Reader(Files.newInputStream(file(k)))) {
            while (in.more()) {
                boolean own = in.readBoolean();
                int[] f = new int[8];
                f[0] = varId(in);
                for (int i = 1; i < 8; i++) {
                    f[i] = ranked(varId(in));
                }
                ShardKey key = new ShardKey(f[0], f[1], f[2], f[3], f[4], f[5], f[6], in.readBoolean(), f[7]);
                ShardSum s = sums.get(key);
                if (s == null) {
                    s = new ShardSum();
                    sums.put(key, s);
                    owned += own ? 1 : 0;
                }
                for (int i = 0; i < 7; i++) {
                    s.counts[i] += var(in);
                }
                if (in.readBoolean()) {
                    s.first(var(in), var(in));
                }
                if (in.readBoolean()) {
                    s.last(var(in), var(in));
                }
            }
            Files.deleteIfExists(file(k));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read decision shard " + k, e);
        }
        aggregates += owned;
        List<ShardKey> keys = new ArrayList<>(sums.keySet());
        keys.sort(ShardKey.ORDER);
        Map<LocalDate, LocalDate> days = new HashMap<>();
        Map<Integer, List<String>> chains = new HashMap<>();
        List<DecisionAggregate> list = new ArrayList<>(keys.size());
        for (ShardKey key : keys) {
            ShardSum s = sums.get(key);
            list.add(new DecisionAggregate(days.computeIfAbsent(LocalDate.ofEpochDay(key.day()), d -> d), text(key.agent()),
                    text(key.credential()), text(key.tool()), text(key.action()), text(key.scope()), text(key.environment()),
                    key.allowed(), chains.computeIfAbsent(key.onBehalfOf(), i -> i < 0 ? List.of()
                            : dev.steward.store.StringListConverter.read(byRank[i])),
                    s.counts[0], s.counts[1], s.counts[2], s.counts[3], s.counts[4], s.counts[5], s.counts[6], s.first(), s.last()));
        }
        return inventory.shard(list, agents.get(k), credentials.get(k), p -> agentShard(p) == k);
    }

    /**
     * The rank of a dictionary id ({@code -1} for null stays {@code -1}): a shard's keys hold ranks, not ids, so they
     * sort by plain int compares in text order (looking the rank up in each comparison was 4 % of a 100k-agent run).
     */
    private int ranked(int id) {
        return id < 0 ? -1 : rank[id];
    }

    /** The text of a rank ({@link #ranked}). */
    private String text(int rank) {
        return rank < 0 ? null : byRank[rank];
    }

    /** Agents of the shard and credentials of the shard, for seq offsets: how many precede shard k. */
    public long agentsBefore(int k) {
        return count(agents, k);
    }

    public long credentialsBefore(int k) {
        return count(credentials, k);
    }

    private static long count(List<? extends Collection<?>> ranges, int k) {
        long n = 0;
        for (int i = 0; i < k; i++) {
            n += ranges.get(i).size();
        }
        return n;
    }

    /** A buffered reader of a shard file without the per-byte locking of the JDK's buffered streams. */
    private static final class Reader implements AutoCloseable {
        private final java.io.InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;

        Reader(java.io.InputStream in) {
            this.in = in;
        }

        boolean more() throws IOException {
            if (pos < end) {
                return true;
            }
            end = in.read(buf);
            pos = 0;
            return end > 0;
        }

        int readUnsignedByte() throws IOException {
            if (!more()) {
                throw new EOFException("decision shard ends inside a row");
            }
            return buf[pos++] & 0xFF;
        }

        boolean readBoolean() throws IOException {
            return readUnsignedByte() != 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    @Override
    public void close() {
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
