package dev.steward.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard-tools steps of VERIFY.txt, run as written (POSIX sh, OpenSSL 3, coreutils, jq) on bundles sealed as an
 * export seals them: they pass on an intact bundle, print the key's fingerprint and the chain's two hashes, and fail
 * on a changed file, an added file and an edited manifest. Skipped, saying which tool is missing, where one is.
 */
class BundleGuideTest {

    @TempDir
    Path tmp;

    private KeyPair keys;
    private Path october;
    private Path november;

    @BeforeEach
    void bundles() throws Exception {
        for (String tool : List.of("openssl", "sha256sum", "jq", "diff", "find", "sed", "sort")) {
            Assumptions.assumeTrue(onPath(tool), "skipped: " + tool + " is not on the PATH, so VERIFY.txt's steps cannot run");
        }
        keys = SigningKeys.loadOrCreate(tmp.resolve("keys/private.pem"), tmp.resolve("keys/public.pem"));
        october = bundle("2026-10", null);
        november = bundle("2026-11", Hashes.sha256(october.resolve(Manifest.FILE)));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private Path bundle(String period, String previous) throws Exception {
        return TestBundles.seal(tmp, keys, period, previous, true);
    }

    /** The indented lines after the standard-tools heading of the bundle's own VERIFY.txt, comments dropped. */
    private static String steps(Path bundle) throws IOException {
        String guide = Files.readString(bundle.resolve(BundleGuide.FILE));
        List<String> commands = new ArrayList<>();
        boolean inTools = false;
        for (String line : guide.split("\n")) {
            inTools |= line.startsWith(BundleGuide.TOOLS);
            if (inTools && line.startsWith("    ") && !line.trim().startsWith("#")) {
                commands.add(line.trim());
            }
        }
        assertThat(commands).as("the guide's commands").hasSize(8);
        return String.join("\n", commands);
    }

    private record Ran(int exit, String output) {
    }

    private Ran run(Path bundle) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-e", "-c", steps(bundle)).directory(bundle.toFile())
                .redirectErrorStream(true);
        pb.environment().put("TMPDIR", Files.createTempDirectory(tmp, "sh-").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the steps end").isTrue();
        return new Ran(p.exitValue(), out);
    }

    @Test
    void theStepsPassOnAnIntactBundleAndShowTheFingerprintAndTheChain() throws Exception {
        Ran r = run(november);

        assertThat(r.exit()).as(r.output()).isZero();
        List<String> lines = r.output().lines().toList();
        assertThat(lines.get(0)).startsWith(SigningKeys.fingerprint(keys.getPublic()) + " ");
        assertThat(lines).contains("Signature Verified Successfully", "findings.json: OK", "reports/gaps.csv: OK",
                BundleGuide.FILE + ": OK");
        String previous = Hashes.sha256(october.resolve(Manifest.FILE));
        assertThat(lines.get(lines.size() - 2)).isEqualTo(previous);
        assertThat(lines.get(lines.size() - 1)).startsWith(previous + " ").endsWith("../2026-10/manifest.json");
        assertThat(BundleVerifier.verify(november, keys.getPublic(), october).problems()).isEmpty();
    }

    @Test
    void aChangedFileFailsTheSteps() throws Exception {
        Files.writeString(november.resolve("findings.json"), "{\"findings\":[1]}");
        Ran r = run(november);
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("findings.json: FAILED");
    }

    @Test
    void anAddedFileFailsTheSteps() throws Exception {
        Files.writeString(november.resolve("reports/extra.csv"), "planted");
        Ran r = run(november);
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("> reports/extra.csv");
    }

    @Test
    void anEditedManifestFailsTheSignature() throws Exception {
        Path manifest = november.resolve(Manifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replace("\"run-1\"", "\"run-2\""));
        Ran r = run(november);
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("Signature Verification Failure").doesNotContain("Signature Verified Successfully");
    }
}
