package dev.steward.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing, publishing and offline verification of bundles built in a temporary folder, no application needed. */
class BundleVerifierTest {

    @TempDir
    Path tmp;

    private KeyPair keys;
    private Path october;
    private Path november;

    @BeforeEach
    void bundles() throws Exception {
        keys = SigningKeys.loadOrCreate(tmp.resolve("keys/private.pem"), tmp.resolve("keys/public.pem"));
        october = bundle("2026-10", null);
        november = bundle("2026-11", Hashes.sha256(october.resolve(Manifest.FILE)));
    }

    private Path bundle(String period, String previous) throws Exception {
        return TestBundles.seal(tmp, keys, period, previous, false);
    }

    @Test
    void aSealedBundleVerifiesAndLinksToItsPredecessor() throws Exception {
        BundleVerifier.Report r = BundleVerifier.verify(november, keys.getPublic(), october);
        assertThat(r.problems()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("chain: links to"));
        Manifest m = Manifest.parse(Files.readAllBytes(november.resolve(Manifest.FILE)));
        assertThat(m.files()).extracting(Manifest.FileEntry::path).containsExactly("findings.json", "reports/gaps.csv");
        assertThat(m.files().get(0).size()).isEqualTo(16);
        assertThat(m.sampleSeed()).isEqualTo(42L);
    }

    @Test
    void theGeneratedPrivateKeyIsReadableByItsOwnerOnly() throws Exception {
        assertThat(Files.getPosixFilePermissions(tmp.resolve("keys/private.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        KeyPair again = SigningKeys.loadOrCreate(tmp.resolve("keys/private.pem"), tmp.resolve("keys/public.pem"));
        assertThat(again.getPublic().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
    }

    @Test
    void aTamperedFileIsNamedWithBothHashes() throws Exception {
        Files.writeString(october.resolve("reports/gaps.csv"), "control,status\nASI03,SATISFIED\n", StandardCharsets.UTF_8);
        BundleVerifier.Report r = BundleVerifier.verify(october, keys.getPublic(), null);
        assertThat(r.problems()).hasSize(2);
        assertThat(r.problems().get(0)).startsWith("reports/gaps.csv: size 31 bytes, manifest says 35");
        assertThat(r.problems().get(1)).startsWith("reports/gaps.csv: SHA-256 ").contains(", manifest says ");
    }

    @Test
    void sameSizeTamperingIsCaughtByTheHash() throws Exception {
        Files.writeString(october.resolve("findings.json"), "{\"findings\":[1]}");
        assertThat(BundleVerifier.verify(october, keys.getPublic(), null).problems())
                .singleElement().asString().startsWith("findings.json: SHA-256 ");
    }

    @Test
    void aRemovedFileAndAnAddedFileAreBothReported() throws Exception {
        Files.delete(october.resolve("findings.json"));
        Files.writeString(october.resolve("extra.txt"), "planted");
        assertThat(BundleVerifier.verify(october, keys.getPublic(), null).problems()).containsExactly(
                "findings.json: missing (listed in the manifest with SHA-256 " + Hashes.sha256("{\"findings\":[] }"
                        .getBytes(StandardCharsets.UTF_8)) + ", 16 bytes)",
                "extra.txt: not listed in the manifest (added after signing)");
    }

    @Test
    void aWrongKeyOrAnEditedManifestFailsTheSignature() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(BundleVerifier.verify(october, other.getPublic(), null).problems()).singleElement().asString()
                .startsWith("manifest.sig: the signature does not match manifest.json under the public key (fingerprint "
                        + SigningKeys.fingerprint(other.getPublic()));
        String edited = Files.readString(october.resolve(Manifest.FILE)).replace("\"run-1\"", "\"run-2\"");
        Files.writeString(october.resolve(Manifest.FILE), edited);
        assertThat(BundleVerifier.verify(october, keys.getPublic(), null).problems()).singleElement().asString()
                .startsWith("manifest.sig: the signature does not match");
    }

    @Test
    void aReplacedPreviousBundleBreaksTheChain() throws Exception {
        Path forged = bundle("2026-10-forged", null);
        BundleVerifier.Report r = BundleVerifier.verify(november, keys.getPublic(), forged);
        assertThat(r.problems()).singleElement().asString()
                .startsWith("chain: previous manifest " + forged.resolve(Manifest.FILE) + " has SHA-256 ")
                .endsWith("this manifest says " + Hashes.sha256(october.resolve(Manifest.FILE)));
    }

    @Test
    void publishingNeverReplacesABundle() throws Exception {
        Path staging = Files.createTempDirectory(tmp, ".staging-");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Bundles.publish(staging, october))
                .hasMessageContaining("published already");
        assertThat(BundleVerifier.verify(october, keys.getPublic(), null).ok()).isTrue();
    }

    /** A bundle whose audit slice is sealed into the manifest: entries 5..7 of a chain, head at 7 unless forged. */
    private Path auditedBundle(String period, boolean breakChain, long declaredHead) throws Exception {
        Path staging = Files.createTempDirectory(tmp, ".staging-");
        List<dev.steward.audit.AuditEvent> events = new java.util.ArrayList<>();
        String prev = "a".repeat(64);
        for (long seq = 5; seq <= 7; seq++) {
            Instant at = Instant.parse("2026-10-0" + seq + "T10:00:00Z");
            String detail = breakChain && seq == 6 ? "{\"agents\":2}" : "{\"agents\":1}";
            String hash = dev.steward.audit.AuditChain.hash(seq, at, "token:t", "UPLOAD", "upload " + seq, "ok",
                    "{\"agents\":1}", prev);
            events.add(new dev.steward.audit.AuditEvent(seq, at, "token:t", "UPLOAD", "upload " + seq, "ok", detail, prev, hash));
            prev = hash;
        }
        dev.steward.audit.AuditLog.Head head = new dev.steward.audit.AuditLog.Head(7, prev);
        try (var out = Files.newOutputStream(staging.resolve(Manifest.AUDIT_FILE));
                var w = dev.steward.audit.AuditFile.json(out, head, false, Instant.EPOCH)) {
            events.forEach(w);
        }
        Manifest header = new Manifest(Manifest.FORMAT, period, "UTC", Instant.EPOCH, Instant.EPOCH, "test", "run", "map",
                List.of(), 1L, null, Instant.EPOCH, List.of(), new Manifest.AuditHead(declaredHead, prev));
        Bundles.seal(staging, header, keys);
        Path target = tmp.resolve("audited").resolve(period);
        Files.createDirectories(target.getParent());
        Bundles.publish(staging, target);
        return target;
    }

    @Test
    void theAuditSliceOfABundleIsChainCheckedEvenWhenItsFileHashMatches() throws Exception {
        BundleVerifier.Report ok = BundleVerifier.verify(auditedBundle("2026-10", false, 7), keys.getPublic(), null);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.notes()).anyMatch(n -> n.startsWith("audit: 3 entries of the period (seq 5..7) chain")
                && n.contains("head at export was seq 7"));
        assertThat(Manifest.parse(Files.readAllBytes(tmp.resolve("audited/2026-10").resolve(Manifest.FILE))).auditHead().seq())
                .isEqualTo(7);

        // a slice edited before sealing (a re-signed bundle) still shows: entry 6 no longer hashes to its stored hash
        BundleVerifier.Report edited = BundleVerifier.verify(auditedBundle("2026-11", true, 7), keys.getPublic(), null);
        assertThat(edited.problems()).singleElement().asString()
                .startsWith("audit-log.json: the audit chain breaks at entry 6 (HASH_MISMATCH)");

        BundleVerifier.Report head = BundleVerifier.verify(auditedBundle("2026-12", false, 9), keys.getPublic(), null);
        assertThat(head.problems()).singleElement().asString().startsWith("audit-log.json: head seq 7")
                .contains("manifest says seq 9");
    }
}
