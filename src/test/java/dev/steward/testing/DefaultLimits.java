package dev.steward.testing;

import dev.steward.ingest.IngestConfig;
import java.nio.file.Path;

/** The documented ingest limits, for adapter tests and tools that run without CDI. */
public class DefaultLimits implements IngestConfig {

    @Override
    public Path dataDir() {
        return Path.of("target/test-data");
    }

    @Override
    public long maxUploadBytes() {
        return 2L << 30;
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
        return 1 << 20;
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
