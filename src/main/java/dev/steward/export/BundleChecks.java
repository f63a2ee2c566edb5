package dev.steward.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The exports page's "verifies now" column without hashing every bundle at every page view (a month's bundle at 100k
 * agents is about a gigabyte: a year of them took 10-20 s a view). A bundle is verified in full ({@link BundleVerifier})
 * and the result kept with the listing of its files (path, size, modification time); a later view reuses it while the
 * listing is the same, the key is the same and the result is younger than {@link #RECHECK}. Any change to a file that
 * shows in its size or time, a file added or removed, or an hour passing, verifies the bundle in full again.
 */
@ApplicationScoped
public class BundleChecks {

    /** A kept result is verified again in full after this long, changed or not. */
    public static final Duration RECHECK = Duration.ofHours(1);

    /** The outcome of a full verification and when it ran. */
    public record Check(BundleVerifier.Report report, Instant checkedAt) {
    }

    private record Kept(List<String> listing, PublicKey key, Check check) {
    }

    private final Map<Path, Kept> kept = new ConcurrentHashMap<>();
    private final Clock clock;

    public BundleChecks() {
        this(Clock.systemUTC());
    }

    BundleChecks(Clock clock) {
        this.clock = clock;
    }

    /** The bundle in {@code folder} verified against {@code key} (null: its own key only), or the kept result. */
    public Check check(Path folder, PublicKey key) {
        Path at = folder.toAbsolutePath().normalize();
        List<String> listing = listing(at);
        Instant now = clock.instant();
        Kept k = kept.get(at);
        if (k != null && k.listing().equals(listing) && java.util.Objects.equals(k.key(), key)
                && k.check().checkedAt().plus(RECHECK).isAfter(now)) {
            return k.check();
        }
        Check c = new Check(BundleVerifier.verify(at, key, null), now);
        kept.put(at, new Kept(listing, key, c));
        return c;
    }

    /** Each regular file under the folder: its relative path, size and modification time, in path order. */
    private static List<String> listing(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    return folder.relativize(p) + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            // unreadable: never reuse a result for it (the full verification says what is wrong)
            return Arrays.asList("unreadable\t" + System.nanoTime());
        }
    }
}
