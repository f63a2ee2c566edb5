package dev.steward.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Evidence export settings ({@code steward.exports.*}): the schedule, the period's time zone and window, where bundles
 * and keys live, the sample size, and how long a RUNNING claim may stay before another replica may take it over.
 */
@ConfigMapping(prefix = "steward.exports")
public interface ExportConfig {

    /** Whether {@code serve} schedules the monthly export (and catches up the last closed period at start). */
    @WithDefault("true")
    boolean enabled();

    /** Quartz-style cron (seconds first); default 02:00 on the 1st of every month. */
    @WithDefault("0 0 2 1 * ?")
    String cron();

    /** Time zone of the cron and of the period boundaries. */
    @WithDefault("UTC")
    String zone();

    /** Observation window ending at the period's as-of, in days. */
    @WithDefault("90")
    int windowDays();

    /** Where bundles go; default {@code <steward.data-dir>/exports}. */
    Optional<Path> dir();

    /** PEM private key (PKCS#8, Ed25519); default {@code <steward.data-dir>/keys/export-signing-key.pem}, generated. */
    Optional<Path> privateKey();

    /** PEM public key; default beside the generated private key. */
    Optional<Path> publicKey();

    /** Decisions sampled per check with findings, for auditors to test. */
    @WithDefault("25")
    int samplePerCheck();

    /**
     * How many published bundles to keep on disk, newest periods first; older ones are deleted after each successful
     * export and their records marked PURGED (hashes kept, so later manifests still chain). 0 keeps every bundle.
     */
    @WithDefault("24")
    int keep();

    /** A RUNNING export older than this is taken as crashed and may be claimed again. */
    @WithDefault("PT6H")
    Duration staleAfter();
}
