package dev.steward.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail, pure Java with no database, so the same code checks the live table, an exported
 * file and the slice inside an evidence bundle.
 *
 * <p>Canonical encoding (version {@value #FORMAT}; docs/audit.md): the UTF-8 bytes of nine items, each followed by a
 * line feed: the format tag, seq, occurred_at, actor, action, target, outcome, detail, prev_hash. An item is {@code -}
 * when null, else {@code <n>:<value>} with n the UTF-8 byte length of the value. seq is decimal; occurred_at is UTC
 * written {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} (always six fraction digits). The hash is the lower-case hex SHA-256 of
 * that encoding. Length prefixes make the encoding unambiguous whatever the values contain.
 */
public final class AuditChain {

    public static final String FORMAT = "steward-audit/v1";
    /** The prev_hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /** occurred_at as it is encoded. */
    public static String time(Instant t) {
        return TIME.format(t);
    }

    /** The canonical bytes of an entry (every field but its own hash). */
    public static byte[] encode(long seq, Instant occurredAt, String actor, String action, String target, String outcome,
            String detail, String prevHash) {
        StringBuilder b = new StringBuilder(256);
        for (String item : new String[] {FORMAT, Long.toString(seq), occurredAt == null ? null : time(occurredAt), actor,
                action, target, outcome, detail, prevHash}) {
            if (item == null) {
                b.append('-');
            } else {
                b.append(item.getBytes(StandardCharsets.UTF_8).length).append(':').append(item);
            }
            b.append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The hash an entry must carry, recomputed from its fields. */
    public static String hash(AuditEvent e) {
        return hash(e.seq(), e.occurredAt(), e.actor(), e.action(), e.target(), e.outcome(), e.detail(), e.prevHash());
    }

    public static String hash(long seq, Instant occurredAt, String actor, String action, String target, String outcome,
            String detail, String prevHash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(encode(seq, occurredAt, actor, action, target, outcome, detail, prevHash)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
