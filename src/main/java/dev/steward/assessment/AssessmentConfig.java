package dev.steward.assessment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How assessments are scored and stored ({@code steward.assessment.*}). Check parameters are configured separately
 * under {@code steward.checks."<CHECK-ID>".*} ({@link CheckSettings}). Everything is validated at start-up.
 */
@ConfigMapping(prefix = "steward.assessment")
public interface AssessmentConfig {

    /** A control with at least this score (and enough coverage, no critical FAIL) is SATISFIED. */
    @WithDefault("0.95")
    double satisfiedMinScore();

    /** A control scoring below this is NOT_SATISFIED. */
    @WithDefault("0.60")
    double notSatisfiedBelow();

    /** The least coverage a SATISFIED control needs. */
    @WithDefault("0.90")
    double satisfiedMinCoverage();

    /** Observation window when a request names none: days ({@code 90d}), hours ({@code 12h}) or ISO-8601 ({@code P90D}). */
    @WithDefault("90d")
    String defaultWindow();

    /** Findings handed to the result writer's thread, and inserted in one JDBC batch, at a time. */
    @WithDefault("1000")
    int resultBatchSize();

    /** Most findings listed per category of a run's diff; counts are always complete. */
    @WithDefault("1000")
    int diffMaxListed();

    /**
     * Stored decision rows of the window above which an assessment runs shard by shard (about this many rows a shard)
     * instead of holding every aggregate at once: same results, bounded memory. 0 = never shard; at most
     * {@value dev.steward.decisions.WindowShards#MAX_SHARDS} shards (64 until 2026-11-30: at 10M decisions each of the
     * 64 held about 150,000 rows; with 500 the collector's pauses halved, 16.9 s to 8.7 s, for the same time overall).
     * 20,000 since 2026-11-30: smaller shards keep each evaluation's results small enough for the caches, and at 100k
     * agents and 1M decisions the assessment took 64.1 s with 50 shards against 69.0-73.0 s with 10 (100,000, the
     * default before; 200,000 before that left 650-720 MiB live under {@code -Xmx1g}); sample-data/ takes as long
     * either way (docs/benchmarks.md).
     */
    @WithDefault("20000")
    long shardRows();

    /**
     * Threads that evaluate the checks of an assessment while the calling thread counts and stores their results in
     * run order ({@link EvaluationPipeline}); the stored run is the same for any value. 1 = everything on the calling
     * thread, the default: on the 2-core target machine two threads measured no faster (the calling thread's load,
     * window scan and temporary files are the critical path, and the collector already uses the second core).
     */
    @WithDefault("1")
    int parallelism();

    /** Longest an assessment's transaction may run, in seconds. */
    @WithDefault("3600")
    int transactionTimeoutSeconds();

    default Thresholds thresholds() {
        return new Thresholds(satisfiedMinScore(), notSatisfiedBelow(), satisfiedMinCoverage());
    }
}
