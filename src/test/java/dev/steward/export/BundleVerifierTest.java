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
import java.util.Map;
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
        Path staging = Files.createTempDirectory(tmp, ".staging-");
        Files.writeString(staging.resolve("findings.json"), "{\"findings\":[] }");
        Files.createDirectories(staging.resolve("reports"));
        Files.writeString(staging.resolve("reports/gaps.csv"), "control,status\nASI03,NOT_SATISFIED\n");
        Manifest header = new Manifest(Manifest.FORMAT, period, "UTC", Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-08-03T00:00:00Z"), "test", "run-1", "map-1",
                List.of(Map.of("kind", "INVENTORY", "contentHash", "abc")), 42L, previous, Instant.parse("2026-11-02T00:00:00Z"),
                List.of());
        Bundles.seal(staging, header, keys);
        Path target = tmp.resolve("exports").resolve(period);
        Files.createDirectories(target.getParent());
        Bundles.publish(staging, target);
        return target;
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
}
