package dev.steward.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes test input files into a fresh temporary folder, deleted with everything in it when the test JVM exits (a
 * suite creates thousands of these folders, some with multi-megabyte logs: left behind, repeated runs fill /tmp).
 */
public final class TestFiles {

    private static final java.util.List<Path> CREATED = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (CREATED) {
                CREATED.forEach(TestFiles::deleteTree);
            }
        }, "test-files-cleanup"));
    }

    private final Path dir;

    public TestFiles() {
        try {
            dir = Files.createTempDirectory("steward-test-");
            CREATED.add(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit: a folder that cannot be walked stays behind
        }
    }

    public Path dir() {
        return dir;
    }

    public Path write(String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path gzip(String name, String content) {
        try {
            Path p = dir.resolve(name);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal valid inventory document with the given agents section body (YAML, indented by two). */
    public static String inventory(String asOf, String agentsYaml) {
        return "apiVersion: steward/v1\nkind: Inventory\nasOf: " + asOf + "\nsource: test\nagents:\n" + agentsYaml;
    }

    /** One agent entry for {@link #inventory}. */
    public static String agent(String id) {
        return "  - id: " + id + "\n    autonomy: supervised\n    environment: prod\n    team: payments\n    owner: p-ana\n"
                + "    status: active\n";
    }

    /** One native decision line. */
    public static String decision(int n, String agent) {
        return "{\"id\":\"d-" + n + "\",\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"" + agent
                + "\",\"credential\":\"cred-1\",\"tool\":\"erp\",\"action\":\"read\",\"resource\":\"erp://x/" + n
                + "\",\"scope\":\"erp:read\",\"decision\":\"allow\",\"policy\":\"p\",\"trigger\":\"task:1\"}\n";
    }
}
