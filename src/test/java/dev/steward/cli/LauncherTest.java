package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options {@code ./steward} gives Java, read from a copy of the script in a checkout of its own whose jar is
 * a placeholder and whose Java only prints its arguments.
 */
class LauncherTest {

    @TempDir
    Path dir;

    @BeforeEach
    void checkout() throws IOException {
        Files.copy(Path.of("steward"), dir.resolve("steward"), StandardCopyOption.COPY_ATTRIBUTES);
        Path app = Files.createDirectories(dir.resolve("target/quarkus-app"));
        Files.writeString(app.resolve("quarkus-run.jar"), "placeholder");
        Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
        Files.writeString(dir.resolve("jdk/release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("data"));
    }

    private List<String> options(String javaOpts, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("sh", dir.resolve("steward").toString()));
        line.addAll(Arrays.asList(command));
        ProcessBuilder pb = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().put("STEWARD_DATA_DIR", dir.resolve("data").toString());
        pb.environment().put("STEWARD_JAVA_OPTS", javaOpts);
        pb.environment().remove("STEWARD_AOT_CACHE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> args = Arrays.asList(out.substring(out.lastIndexOf('\n') + 1).split(" "));
        return args.subList(0, args.indexOf("-jar"));
    }

    @Test
    void anAssessmentOrReportGivenAHeapLimitStartsWithTheWholeHeapAndTenuresEarly() throws Exception {
        for (String command : List.of("assess", "report", "export")) {
            assertThat(options("-Xmx1g", command)).as(command)
                    .contains("-XX:+UseParallelGC", "-XX:FreqInlineSize=100", "-Xms1g", "-XX:MaxTenuringThreshold=1",
                            "-Xmx1g");
        }
        assertThat(options("-Xmx2g -Xms512m", "assess")).contains("-Xms512m").doesNotContain("-Xms2g");
        assertThat(options("-Xmx1g -XX:MaxTenuringThreshold=3", "assess")).contains("-XX:MaxTenuringThreshold=3")
                .doesNotContain("-XX:MaxTenuringThreshold=1");
        assertThat(options("", "assess")).as("no limit, no initial heap")
                .noneMatch(o -> o.startsWith("-Xms")).contains("-XX:MaxTenuringThreshold=1");
    }

    @Test
    void theServiceAndIngestKeepTheJvmsOwnSizing() throws Exception {
        for (String command : List.of("serve", "ingest", "bench")) {
            assertThat(options("-Xmx1g", command)).as(command).contains("-XX:+UseParallelGC", "-Xmx1g")
                    .noneMatch(o -> o.startsWith("-Xms") || o.contains("TenuringThreshold"));
        }
    }

    @Test
    void theServiceLetsItsPageCachesGoSoonerUnlessToldOtherwise() throws Exception {
        assertThat(options("-Xmx1g", "serve")).contains("-XX:SoftRefLRUPolicyMSPerMB=10");
        assertThat(options("-XX:SoftRefLRUPolicyMSPerMB=1000", "serve")).contains("-XX:SoftRefLRUPolicyMSPerMB=1000")
                .doesNotContain("-XX:SoftRefLRUPolicyMSPerMB=10");
        for (String command : List.of("assess", "ingest")) {
            assertThat(options("-Xmx1g", command)).as(command).noneMatch(o -> o.contains("SoftRefLRUPolicy"));
        }
    }

    @Test
    void smallOneShotJobsGetTheQuickCompilerAndTheServiceNever() throws Exception {
        assertThat(options("", "assess")).contains("-XX:TieredStopAtLevel=1");
        assertThat(options("", "serve")).doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(options("-XX:TieredStopAtLevel=4", "assess")).contains("-XX:TieredStopAtLevel=4")
                .doesNotContain("-XX:TieredStopAtLevel=1");
    }
}
