package dev.steward.ingest;

import java.nio.file.Path;

/** Ingest limits for plain unit tests: the documented defaults, with a few made small to keep tests quick. */
class TestLimits implements IngestConfig {

    long maxUploadBytes = 2L << 30;
    int maxLineBytes = 1 << 20;

    @Override
    public Path dataDir() {
        return Path.of("target/test-data");
    }

    @Override
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    @Override
    public long maxDecompressedBytes() {
        return 32L << 30;
    }

    @Override
    public long maxCompressionRatio() {
        return 200;
    }

    @Override
    public int maxLineBytes() {
        return maxLineBytes;
    }

    @Override
    public int maxNestingDepth() {
        return 32;
    }

    @Override
    public long maxDocumentBytes() {
        return 1L << 30;
    }

    @Override
    public int maxYamlAliases() {
        return 50;
    }

    @Override
    public int maxProblemsListed() {
        return 1000;
    }

    @Override
    public int decisionBatchSize() {
        return 1000;
    }

    @Override
    public int aggregateFlushKeys() {
        return 1000;
    }

    @Override
    public int transactionTimeoutSeconds() {
        return 60;
    }

    @Override
    public String browserUserAgentPattern() {
        return "(?i)mozilla/";
    }
}
