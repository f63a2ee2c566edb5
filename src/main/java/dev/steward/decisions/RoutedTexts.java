package dev.steward.decisions;

import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the routing of a window's rows has worked out about each text it met ({@link WindowShards#row}), kept twice:
 * in full on the text's {@link WindowText} (what {@link WindowShards#finishWriting} reads), and as one long per text in
 * an array indexed by the text's {@link WindowText#index} (what routing a row reads). At 10M decisions the router read
 * the agent's and the credential's {@code WindowText} (and the credential's shard array) for every row, three objects
 * scattered over tens of megabytes, a cache miss each; a long per text keeps 427k texts in 3.4 MB, and only a text's
 * first use, a credential with holders in several shards and the dictionary's growth read the objects.
 *
 * <p>A text's long: its dictionary id + 1 (0: none yet) in the low 32 bits; as an agent, its state (unknown,
 * principal, blank) and its shard; as a credential, whether it was looked up, its shard when it has exactly one, and
 * whether its sole holder still has to be noted as a principal. Used by one thread at a time (the caller, then the
 * router, handed over by an executor).
 */
final class RoutedTexts {

    private static final long ID = 0xFFFF_FFFFL;
    private static final int AGENT_STATE = 32;
    private static final int AGENT_SHARD = 34;
    private static final long CREDENTIAL_KNOWN = 1L << 44;
    private static final long ONE_SHARD = 1L << 45;
    private static final int CREDENTIAL_SHARD = 46;
    private static final long HOLDER_PENDING = 1L << 56;
    private static final int SHARD_BITS = 0x3FF;

    static {
        if (WindowShards.MAX_SHARDS > SHARD_BITS + 1) {
            throw new AssertionError("a shard number takes 10 bits of a routed text");
        }
    }

    private final Evidence inventory;
    private final ShardSubjects subjects;
    /** The texts given an id, by id. */
    final List<WindowText> dict = new ArrayList<>();
    private long[] state = new long[1 << 12];

    RoutedTexts(Evidence inventory, ShardSubjects subjects) {
        this.inventory = inventory;
        this.subjects = subjects;
    }

    private long state(int index) {
        if (index >= state.length) {
            state = Arrays.copyOf(state, Math.max(index + 1, 2 * state.length));
        }
        return state[index];
    }

    /** The text's dictionary id ({@code -1} for null), given on first use: texts are numbered in order of use. */
    int id(int index, WindowText t) {
        if (index < 0) {
            return -1;
        }
        long s = state(index);
        if ((s & ID) != 0) {
            return (int) (s & ID) - 1;
        }
        int id = id(t);
        state[index] = s | (id + 1L);
        return id;
    }

    /** As {@link #id(int, WindowText)}, by the text alone: once routing is done. */
    int id(WindowText t) {
        if (t == null) {
            return -1;
        }
        if (t.id < 0) {
            t.id = dict.size();
            dict.add(t);
        }
        return t.id;
    }

    /**
     * Whether an agent text names a principal (is not blank), -1 when it does not, else its shard; notes the principal
     * and its shard on first use (on its {@link WindowText}: the window's principals are counted once routing is done,
     * not collected in a set as rows come, which took a third of the router's time).
     */
    int principalShard(int index, WindowText agent) {
        long s = state(index);
        int known = (int) (s >>> AGENT_STATE) & 3;
        if (known == WindowText.UNKNOWN) {
            if (agent.value.isBlank()) {
                agent.agent = WindowText.BLANK;
            } else {
                agent.agent = WindowText.PRINCIPAL;
                s |= (long) subjects.agentShard(agent.value) << AGENT_SHARD;
            }
            known = agent.agent;
            s |= (long) known << AGENT_STATE;
            state[index] = s;
        }
        return known == WindowText.PRINCIPAL ? (int) (s >>> AGENT_SHARD) & SHARD_BITS : -1;
    }

    /**
     * The shards of a credential's rows ({@link #know}), ascending, into {@code to}; returns how many. Notes that the
     * credential's sole holder is a principal the first time one of its rows has no principal of its own.
     */
    int credentialShards(int index, WindowText credential, boolean principal, int[] to) {
        long s = state(index);
        if ((s & CREDENTIAL_KNOWN) == 0) {
            s = know(index, credential);
        }
        if (!principal && (s & HOLDER_PENDING) != 0) {
            s &= ~HOLDER_PENDING;
            state[index] = s;
            credential.holderIsPrincipal = true;
        }
        if ((s & ONE_SHARD) != 0) {
            to[0] = (int) (s >>> CREDENTIAL_SHARD) & SHARD_BITS;
            return 1;
        }
        int[] own = credential.credentialShards;
        System.arraycopy(own, 0, to, 0, own.length);
        return own.length;
    }

    /** Notes a credential named by the window on first use: its inventory record, its shards, its sole holder. */
    private long know(int index, WindowText credential) {
        CredentialRecord c = inventory.credentials().get(credential.value);
        int[] shards = new int[1 + (c == null ? 0 : c.holders().size())];
        // a held credential is judged in its first holder's shard, among its holders' shards
        int n = c == null || c.holders().isEmpty() ? insert(shards, 0, subjects.holderlessShard(credential.value)) : 0;
        if (c != null) {
            for (String h : c.holders()) {
                n = insert(shards, n, subjects.agentShard(h));
            }
        }
        credential.credentialShards = Arrays.copyOf(shards, n);
        credential.soleHolder = c != null && c.holders().size() == 1 ? c.holders().get(0) : null;
        credential.inventoryId = c == null ? null : c.id();
        credential.credentialKnown = true;
        long s = state[index] | CREDENTIAL_KNOWN | (credential.soleHolder != null ? HOLDER_PENDING : 0);
        if (n == 1) {
            s |= ONE_SHARD | (long) shards[0] << CREDENTIAL_SHARD;
        }
        state[index] = s;
        return s;
    }

    /** Adds a shard to the first n of an ascending list of distinct shards; returns the new length. */
    static int insert(int[] shards, int n, int shard) {
        int i = n;
        while (i > 0 && shards[i - 1] > shard) {
            i--;
        }
        if (i > 0 && shards[i - 1] == shard) {
            return n;
        }
        System.arraycopy(shards, i, shards, i + 1, n - i);
        shards[i] = shard;
        return n + 1;
    }

    /** Forgets what only routing needed (the dictionary is read by rank from then on). */
    void clear() {
        dict.clear();
        state = null;
    }
}
