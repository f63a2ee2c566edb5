package dev.steward.assessment;

import java.time.Instant;

/**
 * One input a run read: an inventory or people upload in force at the as-of instant, a decision upload with
 * aggregates in the window, an upload whose secret findings count, or (kind {@value #ATTESTATION}) a manual
 * attestation in force, whose id {@code uploadId} then holds and whose {@code asOf} is when it was attested.
 * {@code contentHash} is the upload's (or the attestation's) SHA-256; it, not the store-local id, enters the
 * assessment id.
 */
public record InputRef(long uploadId, String kind, String contentHash, Instant asOf) {

    public static final String ATTESTATION = "attestation";
}
