package dev.steward.assessment;

import java.time.Instant;

/**
 * One upload a run read: an inventory or people upload in force at the as-of instant, a decision upload with
 * aggregates in the window, or an upload whose secret findings count. {@code contentHash} is the upload's SHA-256;
 * it, not the store-local upload id, enters the assessment id.
 */
public record InputRef(long uploadId, String kind, String contentHash, Instant asOf) {
}
