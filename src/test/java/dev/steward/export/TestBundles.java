package dev.steward.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Small bundles sealed and published as an export seals them (findings.json, reports/gaps.csv and, when asked, the
 * guide VERIFY.txt), in a temporary folder, for the offline verification tests.
 */
final class TestBundles {

    private TestBundles() {
    }

    /** The bundle of {@code period} under {@code root}/exports, chained to {@code previous} (a manifest hash, or null). */
    static Path seal(Path root, KeyPair keys, String period, String previous, boolean guide) throws Exception {
        Path staging = Files.createTempDirectory(root, ".staging-");
        Files.writeString(staging.resolve("findings.json"), "{\"findings\":[] }");
        Files.createDirectories(staging.resolve("reports"));
        Files.writeString(staging.resolve("reports/gaps.csv"), "control,status\nASI03,NOT_SATISFIED\n");
        if (guide) {
            Files.writeString(staging.resolve(BundleGuide.FILE),
                    BundleGuide.text(period, YearMonth.parse(period).minusMonths(1).toString()));
        }
        Manifest header = new Manifest(Manifest.FORMAT, period, "UTC", Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-08-03T00:00:00Z"), "test", "run-1", "map-1",
                List.of(Map.of("kind", "INVENTORY", "contentHash", "abc")), 42L, previous, Instant.parse("2026-11-02T00:00:00Z"),
                List.of());
        Bundles.seal(staging, header, keys);
        Path target = root.resolve("exports").resolve(period);
        Files.createDirectories(target.getParent());
        Bundles.publish(staging, target);
        return target;
    }
}
