package dev.steward.assessment;

/**
 * Measured revocation latency (revocation to the last allowed decision, LIF-4) over the credentials where it can be
 * measured: how many, and nearest-rank percentiles in seconds. Percentiles are null when nothing was measured.
 */
public record RevocationLatency(int measured, Double p50Seconds, Double p95Seconds, Double maxSeconds) {
}
