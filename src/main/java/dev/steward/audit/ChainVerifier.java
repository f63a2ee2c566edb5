package dev.steward.audit;

import java.util.Objects;

/**
 * Checks entries fed in seq order against the chain rules and keeps the first problem. It looks one entry ahead so a
 * swap of two entries is named as such (REORDERED) rather than as two unrelated broken links. Feed entries with
 * {@link #accept}, then call {@link #finish}.
 */
public final class ChainVerifier {

    private final boolean fromGenesis;
    private AuditEvent previous;
    private long entries;
    private Long firstSeq;
    private AuditVerification.Problem problem;
    /** A broken link at the last entry, waiting for the next one to tell whether it is a reorder. */
    private AuditEvent pendingLink;
    /** The entry before {@link #pendingLink}. */
    private AuditEvent beforePending;

    /**
     * @param fromGenesis true when the entries start at the beginning of the chain (seq 1, prev_hash 64 zeros); false
     *        for a slice (an evidence bundle's period), whose first entry's prev_hash is taken as given
     */
    public ChainVerifier(boolean fromGenesis) {
        this.fromGenesis = fromGenesis;
    }

    /** True once a problem is found; further entries are only read to explain it. */
    public boolean broken() {
        return problem != null;
    }

    public void accept(AuditEvent e) {
        entries++;
        if (pendingLink != null) {
            resolvePending(e);
        }
        if (problem != null) {
            previous = e;
            return;
        }
        if (firstSeq == null) {
            firstSeq = e.seq();
            checkStart(e);
        } else {
            checkLink(e);
        }
        if (problem == null && pendingLink == null) {
            String recomputed = AuditChain.hash(e);
            if (!recomputed.equals(e.hash())) {
                problem = new AuditVerification.Problem(e.seq(), AuditVerification.Kind.HASH_MISMATCH, "hash", recomputed,
                        e.hash(), "entry " + e.seq() + " was changed after it was written: its fields (occurred_at, actor,"
                                + " action, target, outcome, detail) hash to " + recomputed + ", the stored hash is " + e.hash());
            }
        }
        previous = e;
    }

    private void checkStart(AuditEvent e) {
        if (!fromGenesis) {
            return;
        }
        if (e.seq() != 1) {
            problem = new AuditVerification.Problem(1, AuditVerification.Kind.MISSING_ENTRY, "seq", "1",
                    Long.toString(e.seq()), "the chain starts at seq " + e.seq() + ": entries 1.." + (e.seq() - 1) + " are missing");
        } else if (!AuditChain.GENESIS.equals(e.prevHash())) {
            problem = new AuditVerification.Problem(1, AuditVerification.Kind.PREV_HASH_MISMATCH, "prev_hash",
                    AuditChain.GENESIS, e.prevHash(), "entry 1 must link to the genesis hash (64 zeros)");
        }
    }

    private void checkLink(AuditEvent e) {
        long expectedSeq = previous.seq() + 1;
        if (e.seq() > expectedSeq) {
            problem = new AuditVerification.Problem(expectedSeq, AuditVerification.Kind.MISSING_ENTRY, "seq",
                    Long.toString(expectedSeq), Long.toString(e.seq()), "entry " + expectedSeq + " is missing"
                            + (e.seq() > expectedSeq + 1 ? " (and up to " + (e.seq() - 1) + ")" : "") + ": entry "
                            + previous.seq() + " is followed by entry " + e.seq());
        } else if (e.seq() < expectedSeq) {
            problem = new AuditVerification.Problem(e.seq(), AuditVerification.Kind.UNEXPECTED_SEQ, "seq",
                    Long.toString(expectedSeq), Long.toString(e.seq()), "entry " + e.seq() + " comes after entry "
                            + previous.seq() + ": seq must increase by one");
        } else if (!Objects.equals(previous.hash(), e.prevHash())) {
            pendingLink = e;
            beforePending = previous;
        }
    }

    /** The entry after a broken link has arrived: a swap shows as the link pointing at that next entry. */
    private void resolvePending(AuditEvent next) {
        AuditEvent e = pendingLink;
        pendingLink = null;
        if (Objects.equals(e.prevHash(), next.hash())) {
            problem = new AuditVerification.Problem(e.seq(), AuditVerification.Kind.REORDERED, "prev_hash", beforePending.hash(),
                    e.prevHash(), "entries " + e.seq() + " and " + next.seq() + " are in the wrong order: the entry stored at "
                            + e.seq() + " links to the entry stored at " + next.seq());
        } else {
            problem = linkProblem(e);
        }
    }

    private AuditVerification.Problem linkProblem(AuditEvent e) {
        AuditEvent previous = beforePending;
        return new AuditVerification.Problem(e.seq(), AuditVerification.Kind.PREV_HASH_MISMATCH, "prev_hash", previous.hash(),
                e.prevHash(), "entry " + e.seq() + " does not link to entry " + previous.seq() + ": its prev_hash is "
                        + e.prevHash() + ", entry " + previous.seq() + " has hash " + previous.hash() + " (entry "
                        + previous.seq() + " was rewritten with a new hash, or an entry was inserted or removed)");
    }

    /**
     * Ends the check. {@code headSeq}/{@code headHash}, when given, are where the chain must end (the head row of the
     * store, or the head recorded in an export); null skips that check (a slice).
     */
    public AuditVerification finish(Long headSeq, String headHash) {
        if (pendingLink != null) {
            AuditEvent e = pendingLink;
            pendingLink = null;
            problem = linkProblem(e);
        }
        Long lastSeq = previous == null ? null : previous.seq();
        String lastHash = previous == null ? null : previous.hash();
        if (problem == null && headSeq != null) {
            long last = lastSeq == null ? 0 : lastSeq;
            if (headSeq > last) {
                problem = new AuditVerification.Problem(last + 1, AuditVerification.Kind.MISSING_ENTRY, "seq",
                        Long.toString(headSeq), Long.toString(last), "the head says the chain ends at entry " + headSeq
                                + " (hash " + headHash + "), but the last stored entry is " + last + ": entries " + (last + 1)
                                + ".." + headSeq + " are missing");
            } else if (headSeq < last || (headSeq > 0 && !Objects.equals(headHash, lastHash))) {
                problem = new AuditVerification.Problem(last, AuditVerification.Kind.HEAD_MISMATCH, "head",
                        headSeq + " " + headHash, last + " " + lastHash, "the head (seq " + headSeq + ", hash " + headHash
                                + ") is not the last entry (seq " + last + ", hash " + lastHash + ")");
            }
        }
        return new AuditVerification(problem == null, entries, firstSeq, lastSeq, lastHash, problem);
    }
}
