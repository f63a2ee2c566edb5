package dev.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain rules without a database: the canonical hash, slices, and each kind of break named at its entry. */
class ChainVerifierTest {

    private static List<AuditEvent> chain(long first, int n, String prev) {
        List<AuditEvent> out = new ArrayList<>();
        for (long seq = first; seq < first + n; seq++) {
            Instant at = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(seq);
            String hash = AuditChain.hash(seq, at, "cli:ana", "UPLOAD", "upload " + seq, "ok", null, prev);
            out.add(new AuditEvent(seq, at, "cli:ana", "UPLOAD", "upload " + seq, "ok", null, prev, hash));
            prev = hash;
        }
        return out;
    }

    private static AuditVerification check(List<AuditEvent> events, boolean fromGenesis, Long headSeq, String headHash) {
        ChainVerifier v = new ChainVerifier(fromGenesis);
        events.forEach(v::accept);
        return v.finish(headSeq, headHash);
    }

    @Test
    void theEncodingIsLengthPrefixedAndDocumented() {
        String encoded = new String(AuditChain.encode(1, Instant.parse("2026-11-29T20:41:50.123456Z"), "token:bootstrap",
                "UPLOAD", "upload 7", "ok", null, AuditChain.GENESIS), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(encoded).isEqualTo("16:steward-audit/v1\n1:1\n27:2026-11-29T20:41:50.123456Z\n15:token:bootstrap\n"
                + "6:UPLOAD\n8:upload 7\n2:ok\n-\n64:" + "0".repeat(64) + "\n");
        // a value holding the separator cannot pose as two fields
        assertThat(AuditChain.hash(1, Instant.EPOCH, "a\n1:b", "X", null, "ok", null, AuditChain.GENESIS))
                .isNotEqualTo(AuditChain.hash(1, Instant.EPOCH, "a", "X", "b", "ok", null, AuditChain.GENESIS));
        assertThat(AuditChain.time(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000000Z");
    }

    @Test
    void aWholeChainAndASliceVerify() {
        List<AuditEvent> all = chain(1, 5, AuditChain.GENESIS);
        AuditVerification ok = check(all, true, 5L, all.get(4).hash());
        assertThat(ok.ok()).isTrue();
        assertThat(ok.entries()).isEqualTo(5);
        AuditVerification slice = check(all.subList(2, 5), false, null, null);
        assertThat(slice.ok()).isTrue();
        assertThat(slice.firstSeq()).isEqualTo(3L);
        // the same slice claimed as the start of the chain is missing entries 1..2
        AuditVerification asWhole = check(all.subList(2, 5), true, null, null);
        assertThat(asWhole.problem().kind()).isEqualTo(AuditVerification.Kind.MISSING_ENTRY);
        assertThat(asWhole.problem().message()).contains("entries 1..2 are missing");
    }

    @Test
    void aDuplicatedSeqAndAWrongHeadAreNamed() {
        List<AuditEvent> all = new ArrayList<>(chain(1, 3, AuditChain.GENESIS));
        all.add(all.get(1));
        AuditVerification dup = check(all, true, null, null);
        assertThat(dup.problem().kind()).isEqualTo(AuditVerification.Kind.UNEXPECTED_SEQ);
        assertThat(dup.problem().seq()).isEqualTo(2);

        List<AuditEvent> three = chain(1, 3, AuditChain.GENESIS);
        AuditVerification head = check(three, true, 3L, "f".repeat(64));
        assertThat(head.problem().kind()).isEqualTo(AuditVerification.Kind.HEAD_MISMATCH);
        AuditVerification shorter = check(three, true, 2L, three.get(1).hash());
        assertThat(shorter.problem().kind()).isEqualTo(AuditVerification.Kind.HEAD_MISMATCH);
    }

    @Test
    void theFirstBreakIsReportedNotTheOnesAfterIt() {
        List<AuditEvent> all = new ArrayList<>(chain(1, 6, AuditChain.GENESIS));
        AuditEvent second = all.get(1);
        all.set(1, new AuditEvent(2, second.occurredAt(), "cli:mallory", second.action(), second.target(), second.outcome(),
                second.detail(), second.prevHash(), second.hash()));
        AuditEvent fifth = all.get(4);
        all.set(4, new AuditEvent(5, fifth.occurredAt(), fifth.actor(), fifth.action(), "x", fifth.outcome(), fifth.detail(),
                fifth.prevHash(), fifth.hash()));
        AuditVerification v = check(all, true, 6L, all.get(5).hash());
        assertThat(v.problem().seq()).isEqualTo(2);
        assertThat(v.problem().kind()).isEqualTo(AuditVerification.Kind.HASH_MISMATCH);
        assertThat(v.problem().stored()).isEqualTo(second.hash());
    }
}
