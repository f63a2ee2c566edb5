package dev.steward.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One stored entry of the audit trail with its chain hashes. {@code action} and {@code outcome} are kept as the
 * stored text (not the enums) so that a tampered row still reads back and verification can say what is wrong with it.
 *
 * @param seq        position in the chain, 1, 2, 3, ... without gaps
 * @param occurredAt when it happened (UTC, whole microseconds)
 * @param actor      principal name, {@code cli:<os user>} or {@code scheduler}
 * @param action     an {@link AuditAction} name
 * @param target     what it was done to (an upload id, a run id, a period, a token id), or null
 * @param outcome    ok, failed or denied
 * @param detail     a small JSON object (counts, formats, reasons), never a secret; or null
 * @param prevHash   the hash of entry {@code seq - 1} (64 zeros for the first)
 * @param hash       SHA-256 of the canonical encoding of all other fields (see {@link AuditChain#encode})
 */
@JsonPropertyOrder({"seq", "occurredAt", "actor", "action", "target", "outcome", "detail", "prevHash", "hash"})
public record AuditEvent(long seq, Instant occurredAt, String actor, String action, String target, String outcome,
        String detail, String prevHash, String hash) {
}
