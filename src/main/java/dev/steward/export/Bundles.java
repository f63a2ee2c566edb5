package dev.steward.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seals and publishes bundle folders. Sealing lists every file of the folder in the manifest (sorted paths, SHA-256,
 * size), writes manifest.json, its Ed25519 signature (manifest.sig, Base64) and the public key; publishing moves the
 * sealed folder into place in one atomic rename, so a reader sees either no bundle or a whole one.
 */
public final class Bundles {

    private Bundles() {
    }

    /** Every file under {@code folder} except the seal, as manifest entries sorted by path. */
    public static List<Manifest.FileEntry> entries(Path folder) throws IOException {
        List<Manifest.FileEntry> out = new ArrayList<>();
        for (Path p : files(folder)) {
            String rel = relative(folder, p);
            if (!Manifest.SEAL.contains(rel)) {
                out.add(new Manifest.FileEntry(rel, Hashes.sha256(p), Files.size(p)));
            }
        }
        out.sort(Comparator.comparing(Manifest.FileEntry::path));
        return out;
    }

    /** Writes manifest.json (the given manifest with the folder's files), manifest.sig and public-key.pem. */
    public static Manifest seal(Path folder, Manifest header, KeyPair keys) throws IOException, GeneralSecurityException {
        Manifest m = new Manifest(header.format(), header.period(), header.zone(), header.asOf(), header.windowStart(),
                header.softwareVersion(), header.assessmentId(), header.mappingVersion(), header.inputs(), header.sampleSeed(),
                header.previousManifestSha256(), header.createdAt(), entries(folder), header.auditHead());
        byte[] bytes = m.toBytes();
        Files.write(folder.resolve(Manifest.FILE), bytes);
        Files.writeString(folder.resolve(Manifest.SIGNATURE),
                Base64.getEncoder().encodeToString(SigningKeys.sign(keys.getPrivate(), bytes)) + "\n", StandardCharsets.US_ASCII);
        Files.writeString(folder.resolve(Manifest.PUBLIC_KEY), SigningKeys.publicPem(keys.getPublic()), StandardCharsets.US_ASCII);
        return m;
    }

    /**
     * Moves the sealed temporary folder to {@code target} atomically (same file system). Fails when the target exists:
     * a published bundle is never replaced.
     */
    public static void publish(Path temp, Path target) throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a bundle for this period is published already");
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot publish " + target + " atomically: the staging folder " + temp
                    + " must be on the same file system", e);
        }
    }

    /** Deletes a folder tree; used to discard a staging folder after a failure. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }
}
