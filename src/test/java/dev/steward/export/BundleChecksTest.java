package dev.steward.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle's verification is kept while its files are unchanged and for at most an hour: a changed, added or removed
 * file, another key or the hour passing verifies it in full again.
 */
class BundleChecksTest {

    @TempDir
    Path root;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private static KeyPair keyPair() throws Exception {
        return java.security.KeyPairGenerator.getInstance(SigningKeys.ALGORITHM).generateKeyPair();
    }

    private void later(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void aResultIsKeptWhileTheFilesAreUnchangedAndForAnHourAtMost() throws Exception {
        KeyPair keys = keyPair();
        Path bundle = TestBundles.seal(root, keys, "2026-10", null, false);
        BundleChecks checks = new BundleChecks(clock);
        BundleChecks.Check first = checks.check(bundle, keys.getPublic());
        assertThat(first.report().ok()).isTrue();
        assertThat(first.checkedAt()).isEqualTo(now.get());

        later(Duration.ofMinutes(59));
        assertThat(checks.check(bundle, keys.getPublic())).as("unchanged, within the hour: kept").isSameAs(first);
        later(Duration.ofMinutes(2));
        BundleChecks.Check hourly = checks.check(bundle, keys.getPublic());
        assertThat(hourly).as("over an hour old: checked again").isNotSameAs(first);
        assertThat(hourly.checkedAt()).isEqualTo(now.get());
        assertThat(hourly.report().ok()).isTrue();
        assertThat(checks.check(bundle, keyPair().getPublic()).report().ok()).as("another key: checked").isFalse();
        assertThat(checks.check(bundle, keys.getPublic()).report().ok()).as("this key again: checked").isTrue();

        // the same size, a new time: checked again, and the change found
        Path gaps = bundle.resolve("reports/gaps.csv");
        String text = Files.readString(gaps);
        Files.writeString(gaps, text.replace("NOT_SATISFIED", "SATISFIED____"));
        Files.setLastModifiedTime(gaps, FileTime.from(Files.getLastModifiedTime(gaps).toInstant().plusSeconds(5)));
        later(Duration.ofMinutes(1));
        BundleChecks.Check tampered = checks.check(bundle, keys.getPublic());
        assertThat(tampered.report().ok()).isFalse();
        assertThat(tampered.report().problems()).anySatisfy(p -> assertThat(p).startsWith("reports/gaps.csv: SHA-256"));

        // put back, and a file added: checked again (the bundle verifies; the extra file is a note or a problem, not kept)
        Files.writeString(gaps, text);
        later(Duration.ofMinutes(1));
        assertThat(checks.check(bundle, keys.getPublic()).report().ok()).isTrue();
        Files.writeString(bundle.resolve("extra.txt"), "not in the manifest");
        later(Duration.ofMinutes(1));
        BundleChecks.Check added = checks.check(bundle, keys.getPublic());
        assertThat(added.checkedAt()).isEqualTo(now.get());
    }
}
