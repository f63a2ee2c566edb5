package dev.steward.sampledata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A credential of the generated inventory while it is being built. Besides the FORMATS.md fields it carries how the
 * decision generator may use it: from {@code useFrom} to {@code useTo} (defaults: creation, revocation or expiry),
 * or never when {@code unused}. {@code lastUsedAt} is filled from the generated decisions unless a plant pins it.
 * A null {@code storage} writes no storage key at all (absent, not "unknown").
 */
final class CredentialSpec {

    String id;
    final int order;
    String type;
    final List<String> holders = new ArrayList<>();
    String environment;
    String issuer;
    String storage;
    String location;
    List<String> scopes = new ArrayList<>();
    Instant createdAt;
    Instant expiresAt;
    Long ttlSeconds;
    Instant lastRotatedAt;
    Instant lastUsedAt;
    boolean lastUsedPinned;
    String status = "active";
    Instant revokedAt;
    Instant exposureAt;
    String exposureWhere;
    Instant useFrom;
    Instant useTo;
    boolean unused;

    CredentialSpec(int order) {
        this.order = order;
    }

    boolean heldBy(String agentId) {
        return holders.contains(agentId);
    }

    /** Whether the decision generator may pick it at the instant. */
    boolean usableAt(Instant t) {
        if (unused) {
            return false;
        }
        Instant from = useFrom != null ? useFrom : createdAt;
        Instant to = useTo != null ? useTo : (revokedAt != null ? revokedAt : expiresAt);
        return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }

    CredentialSpec pinLastUsed(Instant t) {
        lastUsedAt = t;
        lastUsedPinned = true;
        return this;
    }

    @Override
    public String toString() {
        return id;
    }
}
