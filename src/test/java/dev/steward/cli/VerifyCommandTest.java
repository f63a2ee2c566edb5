package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.export.Bundles;
import dev.steward.export.Hashes;
import dev.steward.export.Manifest;
import dev.steward.export.SigningKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code steward verify} on plain picocli (the offline path): exit codes, output, and the sibling chain check. */
class VerifyCommandTest {

    @TempDir
    Path tmp;

    private Path bundle(KeyPair keys, String period, String previous) throws Exception {
        Path staging = Files.createTempDirectory(tmp, ".staging-");
        Files.writeString(staging.resolve("findings.json"), "{}");
        Bundles.seal(staging, new Manifest(Manifest.FORMAT, period, "UTC", Instant.EPOCH, Instant.EPOCH, "test", "run", "map",
                List.of(), 1L, previous, Instant.EPOCH, List.of()), keys);
        Path target = tmp.resolve(period);
        Bundles.publish(staging, target);
        return target;
    }

    private int run(StringWriter out, String... args) {
        CommandLine cl = new CommandLine(new VerifyCommand());
        cl.setOut(new PrintWriter(out));
        cl.setExecutionExceptionHandler(new CliErrors());
        return cl.execute(args);
    }

    @Test
    void verifiesAgainstTheGivenKeyAndChecksTheSiblingChain() throws Exception {
        KeyPair keys = SigningKeys.loadOrCreate(tmp.resolve("k/priv.pem"), tmp.resolve("k/pub.pem"));
        Path sep = bundle(keys, "2026-09", null);
        Path oct = bundle(keys, "2026-10", Hashes.sha256(sep.resolve(Manifest.FILE)));
        StringWriter out = new StringWriter();
        assertThat(run(out, oct.toString(), "--public-key", tmp.resolve("k/pub.pem").toString())).isZero();
        assertThat(out.toString()).contains("chain: links to").contains("OK: ");

        Files.writeString(sep.resolve("findings.json"), "{ }");
        Files.writeString(sep.resolve(Manifest.FILE), Files.readString(sep.resolve(Manifest.FILE)) + " ");
        StringWriter broken = new StringWriter();
        assertThat(run(broken, oct.toString(), "--public-key", tmp.resolve("k/pub.pem").toString())).isEqualTo(1);
        assertThat(broken.toString()).contains("MISMATCH chain: previous manifest").contains("FAILED: ");
    }

    @Test
    void aMissingFolderIsBadUsage() {
        StringWriter out = new StringWriter();
        assertThat(run(out, tmp.resolve("nope").toString())).isEqualTo(2);
    }

    @Test
    void onlyVerifyTakesTheOfflinePath() {
        assertThat(StewardMain.commandIndex("-v", "verify", "x")).isEqualTo(1);
        assertThat(StewardMain.servesHttp("verify", "serve")).isFalse();
        assertThat(StewardMain.servesHttp("--debug", "serve")).isTrue();
    }
}
