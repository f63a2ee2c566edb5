package dev.steward.decisions;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Which subjects each shard of a window judges ({@link WindowShards}). Agents (and principals) are cut into contiguous
 * id ranges, shard k taking range k. A credential with a holder is judged in its first holder's shard; those without
 * a holder are cut into id ranges of their own. Each shard's credentials are thus two runs in run order
 * ({@link CredentialRecord#RUN_ORDER}): its range of those without a holder, then those whose first holder it judges.
 */
final class ShardSubjects {

    private final String[] agentFrom;
    private final String[] holderlessFrom;
    private final List<List<AgentRecord>> agents = new ArrayList<>();
    /** Per shard, its credentials in run order: its range of those without a holder, then those it holds first. */
    private final List<List<CredentialRecord>> credentials = new ArrayList<>();
    /** Per shard, how many of its credentials have no holder (the first of its {@link #credentials}). */
    private final int[] holderlessHere;
    /** Credentials without a holder, all shards: they come first in run order. */
    private final int holderless;

    ShardSubjects(Evidence inventory, int shards) {
        this.agentFrom = new String[shards];
        this.holderlessFrom = new String[shards];
        this.holderlessHere = new int[shards];
        List<AgentRecord> a = new ArrayList<>(inventory.agents().values());
        List<CredentialRecord> without = new ArrayList<>();
        for (CredentialRecord c : inventory.credentials().values()) {
            if (c.holders().isEmpty()) {
                without.add(c);
            }
        }
        for (int k = 0; k < shards; k++) {
            List<AgentRecord> as = a.subList(a.size() * k / shards, a.size() * (k + 1) / shards);
            List<CredentialRecord> cs = without.subList(without.size() * k / shards, without.size() * (k + 1) / shards);
            agents.add(as);
            credentials.add(new ArrayList<>(cs));
            holderlessHere[k] = cs.size();
            agentFrom[k] = k == 0 || as.isEmpty() ? (k == 0 ? "" : null) : as.get(0).id();
            holderlessFrom[k] = k == 0 || cs.isEmpty() ? (k == 0 ? "" : null) : cs.get(0).id();
        }
        fillEmpty(agentFrom);
        fillEmpty(holderlessFrom);
        this.holderless = without.size();
        // the others in their first holder's shard: agent ranges are contiguous, so each shard's are a run of them
        for (CredentialRecord c : inventory.subjectCredentials()) {
            String first = c.firstHolder();
            if (first != null) {
                credentials.get(agentShard(first)).add(c);
            }
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

    private static int rangeOf(String[] from, String id) {
        int i = Arrays.binarySearch(from, id);
        if (i < 0) {
            return Math.max(0, -i - 2);
        }
        while (i + 1 < from.length && from[i + 1].equals(from[i])) {
            i++;
        }
        return i;
    }

    /** The shard of an agent or principal id. */
    int agentShard(String id) {
        return rangeOf(agentFrom, id);
    }

    /** The shard of a credential without a holder (or not in the inventory), by its id's range. */
    int holderlessShard(String id) {
        return rangeOf(holderlessFrom, id);
    }

    List<AgentRecord> agents(int k) {
        return agents.get(k);
    }

    List<CredentialRecord> credentials(int k) {
        return credentials.get(k);
    }

    int holderlessCredentials(int k) {
        return holderlessHere[k];
    }

    long agentsBefore(int k) {
        return count(agents, k);
    }

    /** Shard k's two runs of credentials in run order, each {first position, count}: without a holder, then others. */
    long[][] credentialRuns(int k) {
        long holderlessBefore = 0;
        for (int i = 0; i < k; i++) {
            holderlessBefore += holderlessHere[i];
        }
        long heldBefore = count(credentials, k) - holderlessBefore;
        return new long[][] {{holderlessBefore, holderlessHere[k]},
                {holderless + heldBefore, credentials.get(k).size() - holderlessHere[k]}};
    }

    private static long count(List<? extends Collection<?>> ranges, int k) {
        long n = 0;
        for (int i = 0; i < k; i++) {
            n += ranges.get(i).size();
        }
        return n;
    }
}
