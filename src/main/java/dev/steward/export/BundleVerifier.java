package dev.steward.export;

import dev.steward.audit.AuditFile;
import dev.steward.audit.AuditVerification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a bundle with nothing but its files and a public key: the manifest signature, every listed file's size and
 * SHA-256, no file missing and none added, and the chain link to the previous period's manifest when that bundle is
 * given. Every mismatch becomes one precise line; a bundle verifies when there is none. Pure Java, no database.
 */
public final class BundleVerifier {

    private BundleVerifier() {
    }

    /** What a verification found: problems (the bundle does not verify when any) and notes (facts worth printing). */
    public record Report(List<String> problems, List<String> notes) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * @param bundle the bundle folder
     * @param publicKey the key to trust; null = the bundle's own public-key.pem (then only integrity, not origin, is
     *        shown, and a note says so)
     * @param previous the previous period's bundle folder; null = none to check against
     */
    public static Report verify(Path bundle, PublicKey publicKey, Path previous) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path manifestFile = bundle.resolve(Manifest.FILE);
        if (!Files.isRegularFile(manifestFile)) {
            problems.add(Manifest.FILE + ": missing; " + bundle + " is not an evidence bundle");
            return new Report(problems, notes);
        }
        byte[] bytes;
        Manifest manifest;
        try {
            bytes = Files.readAllBytes(manifestFile);
            manifest = Manifest.parse(bytes);
        } catch (IOException e) {
            problems.add(Manifest.FILE + ": unreadable: " + e.getMessage());
            return new Report(problems, notes);
        }
        checkSignature(bundle, bytes, publicKey, problems, notes);
        checkFiles(bundle, manifest, problems);
        checkChain(manifest, previous, problems, notes);
        checkAudit(bundle, manifest, problems, notes);
        return new Report(problems, notes);
    }

    /** The period's audit entries: their own hash chain, and the head the manifest recorded. */
    private static void checkAudit(Path bundle, Manifest manifest, List<String> problems, List<String> notes) {
        Path file = bundle.resolve(Manifest.AUDIT_FILE);
        if (!Files.isRegularFile(file)) {
            if (manifest.auditHead() != null) {
                problems.add(Manifest.AUDIT_FILE + ": missing, but the manifest records the audit head");
            }
            return;
        }
        AuditFile.FileCheck check;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            check = AuditFile.verify(in);
        } catch (IOException | RuntimeException e) {
            problems.add(Manifest.AUDIT_FILE + ": unreadable: " + e.getMessage());
            return;
        }
        AuditVerification v = check.verification();
        if (!v.ok()) {
            problems.add(Manifest.AUDIT_FILE + ": the audit chain breaks at entry " + v.problem().seq() + " ("
                    + v.problem().kind() + "): " + v.problem().message());
        } else {
            notes.add("audit: " + v.entries() + " entries of the period" + (v.entries() == 0 ? "" : " (seq " + v.firstSeq()
                    + ".." + v.lastSeq() + ")") + " chain; the trail's head at export was seq " + check.head().seq()
                    + ", hash " + check.head().hash() + ": any later copy of the trail must hold that hash at that seq");
        }
        Manifest.AuditHead declared = manifest.auditHead();
        if (declared != null && (declared.seq() != check.head().seq() || !declared.hash().equals(check.head().hash()))) {
            problems.add(Manifest.AUDIT_FILE + ": head seq " + check.head().seq() + " hash " + check.head().hash()
                    + ", manifest says seq " + declared.seq() + " hash " + declared.hash());
        }
    }

    private static void checkSignature(Path bundle, byte[] manifest, PublicKey given, List<String> problems, List<String> notes) {
        PublicKey key = given;
        try {
            if (key == null) {
                key = SigningKeys.readPublic(bundle.resolve(Manifest.PUBLIC_KEY));
                notes.add("no --public-key given: checked against the bundle's own " + Manifest.PUBLIC_KEY
                        + " (fingerprint " + SigningKeys.fingerprint(key) + "); compare that fingerprint with the one you trust");
            } else {
                notes.add("public key fingerprint " + SigningKeys.fingerprint(key));
            }
        } catch (IOException | GeneralSecurityException e) {
            problems.add(Manifest.PUBLIC_KEY + ": unreadable: " + e.getMessage());
            return;
        }
        Path sig = bundle.resolve(Manifest.SIGNATURE);
        if (!Files.isRegularFile(sig)) {
            problems.add(Manifest.SIGNATURE + ": missing");
            return;
        }
        try {
            byte[] signature = Base64.getDecoder().decode(Files.readString(sig, StandardCharsets.US_ASCII).trim());
            if (!SigningKeys.verify(key, manifest, signature)) {
                problems.add(Manifest.SIGNATURE + ": the signature does not match " + Manifest.FILE
                        + " under the public key (fingerprint " + SigningKeys.fingerprint(key) + ")");
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            problems.add(Manifest.SIGNATURE + ": not a valid Ed25519 signature: " + e.getMessage());
        }
    }

    private static void checkFiles(Path bundle, Manifest manifest, List<String> problems) {
        Map<String, Manifest.FileEntry> listed = new LinkedHashMap<>();
        manifest.files().forEach(f -> listed.put(f.path(), f));
        Set<String> present = new TreeSet<>();
        try {
            for (Path p : Bundles.files(bundle)) {
                present.add(Bundles.relative(bundle, p));
            }
        } catch (IOException e) {
            problems.add(bundle + ": cannot list files: " + e.getMessage());
            return;
        }
        for (Manifest.FileEntry f : listed.values()) {
            Path p = bundle.resolve(f.path()).normalize();
            if (!p.startsWith(bundle.normalize()) || !present.contains(f.path())) {
                problems.add(f.path() + ": missing (listed in the manifest with SHA-256 " + f.sha256() + ", " + f.size() + " bytes)");
                continue;
            }
            try {
                long size = Files.size(p);
                if (size != f.size()) {
                    problems.add(f.path() + ": size " + size + " bytes, manifest says " + f.size());
                }
                String hash = Hashes.sha256(p);
                if (!hash.equals(f.sha256())) {
                    problems.add(f.path() + ": SHA-256 " + hash + ", manifest says " + f.sha256());
                }
            } catch (IOException e) {
                problems.add(f.path() + ": unreadable: " + e.getMessage());
            }
        }
        for (String p : present) {
            if (!listed.containsKey(p) && !Manifest.SEAL.contains(p)) {
                problems.add(p + ": not listed in the manifest (added after signing)");
            }
        }
    }

    private static void checkChain(Manifest manifest, Path previous, List<String> problems, List<String> notes) {
        String declared = manifest.previousManifestSha256();
        if (previous == null) {
            notes.add(declared == null ? "chain: first bundle of its chain (no previous manifest)"
                    : "chain: not checked (no previous bundle given); previous manifest SHA-256 " + declared);
            return;
        }
        Path prev = previous.resolve(Manifest.FILE);
        try {
            String actual = Hashes.sha256(Files.readAllBytes(prev));
            if (declared == null) {
                problems.add("chain: the manifest names no previous manifest, but " + prev + " was given (SHA-256 " + actual + ")");
            } else if (!declared.equals(actual)) {
                problems.add("chain: previous manifest " + prev + " has SHA-256 " + actual + ", this manifest says " + declared);
            } else {
                notes.add("chain: links to " + prev + " (SHA-256 " + actual + ")");
            }
        } catch (IOException e) {
            problems.add("chain: previous manifest " + prev + " unreadable: " + e.getMessage());
        }
    }
}
