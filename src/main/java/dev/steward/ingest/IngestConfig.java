package dev.steward.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and behaviour of ingestion. Hostile input ends in a clear error naming the limit's key, never in an OOM. */
@ConfigMapping(prefix = "steward.ingest")
public interface IngestConfig {

    /** The store's folder (steward.data-dir); never walked when a folder is ingested. */
    @io.smallrye.config.WithName("data-dir-for-ingest")
    @WithDefault("${steward.data-dir}")
    java.nio.file.Path dataDir();

    /** Largest accepted upload, all files together, as received (compressed) bytes. */
    @WithDefault("2147483648")
    long maxUploadBytes();

    /** Largest decompressed size of one gzip file. */
    @WithDefault("34359738368")
    long maxDecompressedBytes();

    /** Largest ratio of decompressed to compressed bytes of one gzip file (gzip bombs exceed 1000). */
    @WithDefault("200")
    long maxCompressionRatio();

    /** Longest accepted line of a JSON Lines or CSV file, in bytes. */
    @WithDefault("1048576")
    int maxLineBytes();

    /** Deepest accepted nesting of JSON or YAML objects and arrays. */
    @WithDefault("32")
    int maxNestingDepth();

    /** Largest YAML or JSON inventory document, in bytes. */
    @WithDefault("1073741824")
    long maxDocumentBytes();

    /** Most YAML aliases accepted in one document (alias bombs use thousands). */
    @WithDefault("50")
    int maxYamlAliases();

    /** Most problems listed in an ingest report; the rest are counted. */
    @WithDefault("1000")
    int maxProblemsListed();

    /** Distinct aggregate keys kept in memory before they are flushed to the store. */
    @WithDefault("200000")
    int aggregateFlushKeys();

    /** Longest an upload's transaction may run, in seconds (a 10M-line log takes minutes). */
    @WithDefault("7200")
    int transactionTimeoutSeconds();

    /** Pattern of user agents that mark a decision as made from a browser (a human, HUM-1). */
    @WithDefault("(?i)mozilla/")
    String browserUserAgentPattern();
}
