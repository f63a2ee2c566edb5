package dev.steward.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a real PostgreSQL (embedded binaries) for the benchmark scripts, writes its JDBC URL to the file named by
 * the first argument, and runs until the process is stopped. Not a test.
 */
public final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }));
        Files.writeString(Path.of(args[0]), pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true\n");
        Thread.currentThread().join();
    }
}
