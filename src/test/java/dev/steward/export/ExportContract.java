package dev.steward.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.ingest.IngestService;
import dev.steward.testing.AssessmentFixture;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports on a real store (H2 and PostgreSQL subclasses): a bundle that verifies and chains, exactly once per period,
 * no partial bundle after a crash (and a retry afterwards), one winner when two replicas claim a period.
 */
public abstract class ExportContract {

    /** After every fixture period has closed. */
    private static final Instant LATER = Instant.parse("2031-01-01T00:00:00Z");
    private static AssessmentFixture fixture;

    @Inject
    IngestService ingest;

    @Inject
    ExportService exports;

    @Inject
    ExportRuns runs;

    @Inject
    dev.steward.security.TokenService tokens;

    @Inject
    dev.steward.audit.AuditLog audit;

    @Inject
    javax.sql.DataSource dataSource;

    @TempDir
    Path out;

    @BeforeEach
    void data() {
        if (fixture == null) {
            fixture = new AssessmentFixture();
            fixture.ingestAll(ingest);
        }
    }

    @Inject
    dev.steward.work.HeavyWork heavy;

    /** An export (an assessment and every report) waits while another heavy job runs, then exports. */
    @Test
    void anExportWaitsForTheRunningHeavyJob() throws Exception {
        java.util.concurrent.atomic.AtomicReference<ExportService.Outcome> done = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread export = new Thread(() -> {
            try {
                done.set(exports.export(YearMonth.of(2030, 10), out, "test", ExportService.Step.NONE, LATER));
            } catch (Throwable t) {
                failed.set(t);
            }
        }, "waiting-export");
        try (dev.steward.work.HeavyWork.Permit permit = heavy.acquire("a test's heavy job")) {
            export.start();
            long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (heavy.waiting() == 0 && export.isAlive() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(failed.get()).isNull();
            assertThat(heavy.waiting()).as("the export waits for the permit").isEqualTo(1);
            assertThat(out.resolve("2030-10")).doesNotExist();
        }
        export.join(java.time.Duration.ofMinutes(2).toMillis());
        assertThat(failed.get()).isNull();
        assertThat(done.get().status()).isEqualTo(ExportService.Status.EXPORTED);
        assertThat(out.resolve("2030-10")).isDirectory();
    }

    @Test
    void aPeriodIsExportedOnceIntoABundleThatVerifiesAndChains() throws Exception {
        ExportService.Outcome feb = exports.export(YearMonth.of(2030, 2), out, "test", ExportService.Step.NONE, LATER);
        assertThat(feb.status()).isEqualTo(ExportService.Status.EXPORTED);
        Path bundle = out.resolve("2030-02");
        assertThat(feb.bundle()).isEqualTo(bundle);
        BundleVerifier.Report report = BundleVerifier.verify(bundle, exports.keys().getPublic(), null);
        assertThat(report.problems()).isEmpty();

        Manifest m = Manifest.parse(Files.readAllBytes(bundle.resolve(Manifest.FILE)));
        assertThat(m.asOf()).isEqualTo(Instant.parse("2030-03-01T00:00:00Z"));
        assertThat(m.windowStart()).isEqualTo(Instant.parse("2029-12-01T00:00:00Z"));
        assertThat(m.previousManifestSha256()).isNull();
        assertThat(m.inputs()).isNotEmpty();
        assertThat(m.files()).extracting(Manifest.FileEntry::path).contains("findings.json", "assessment-run.json",
                "inventory-snapshot.json", "decision-sample.json", "reports/gaps.pdf", "reports/gaps.xlsx",
                "reports/ownership.html", "reports/ownership.csv", "reports/gaps.json", "mappings/owasp-asi-2026.yaml",
                "mappings/crosswalks/owasp-nhi-2025--nist-csf-2.0.yaml", BundleGuide.FILE);
        assertThat(Files.readString(bundle.resolve(BundleGuide.FILE))).contains("period 2030-02").contains("../2030-01/");
        // the period's audit entries are in the bundle as a verifying slice of the chain, under the head at export
        assertThat(m.files()).extracting(Manifest.FileEntry::path).contains(Manifest.AUDIT_FILE);
        assertThat(m.auditHead()).isNotNull();
        assertThat(report.notes()).anyMatch(n -> n.startsWith("audit: ") && n.contains("seq " + m.auditHead().seq()));
        dev.steward.audit.AuditFile.FileCheck slice;
        try (var in = Files.newInputStream(bundle.resolve(Manifest.AUDIT_FILE))) {
            slice = dev.steward.audit.AuditFile.verify(in);
        }
        assertThat(slice.complete()).isFalse();
        assertThat(slice.head().seq()).isEqualTo(m.auditHead().seq());
        assertThat(slice.verification().ok()).isTrue();
        ExportRuns.ExportRun record = runs.get("2030-02").orElseThrow();
        assertThat(record.status()).isEqualTo(ExportRuns.DONE);
        dev.steward.audit.AuditEvent exported = audit.page(new dev.steward.audit.AuditFilter(
                dev.steward.audit.AuditAction.EXPORT, "test", null, null), 0, 1).get(0);
        assertThat(exported.target()).isEqualTo("2030-02");
        assertThat(exported.detail()).contains(record.manifestSha256());
        assertThat(record.manifestSha256()).isEqualTo(Hashes.sha256(bundle.resolve(Manifest.FILE)));
        assertThat(record.assessmentId()).isEqualTo(m.assessmentId());
        assertThat(record.sizeBytes()).isGreaterThan(0L);

        ObjectMapper json = new ObjectMapper();
        JsonNode inventory = json.readTree(bundle.resolve("inventory-snapshot.json").toFile());
        assertThat(inventory.get("agents").findValuesAsText("id")).contains(fixture.botA(), fixture.botB());
        JsonNode sample = json.readTree(bundle.resolve("decision-sample.json").toFile());
        assertThat(sample.get("seed").asLong()).isEqualTo(m.sampleSeed());
        assertThat(sample.get("checks").size()).isPositive();
        assertThat(sample.findValues("decisions")).anyMatch(d -> d.size() > 0);

        // an auditor downloads the whole bundle as a zip: every file, byte for byte
        String auditor = tokens.create("auditor-" + java.util.UUID.randomUUID(), dev.steward.security.Role.AUDITOR, null,
                "test").token();
        var download = io.restassured.RestAssured.given().auth().oauth2(auditor).get("/api/v1/exports/2030-02/bundle")
                .then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("steward-evidence-2030-02.zip"))
                .extract().asByteArray();
        java.util.Map<String, byte[]> zipped = new java.util.TreeMap<>();
        try (var zin = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(download))) {
            for (var e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                zipped.put(e.getName(), zin.readAllBytes());
            }
        }
        java.util.List<String> onDisk;
        try (var walk = Files.walk(bundle)) {
            onDisk = walk.filter(Files::isRegularFile).map(f -> "2030-02/" + bundle.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertThat(zipped.keySet()).containsExactlyElementsOf(onDisk).contains("2030-02/manifest.json", "2030-02/manifest.sig");
        assertThat(zipped.get("2030-02/manifest.json")).isEqualTo(Files.readAllBytes(bundle.resolve(Manifest.FILE)));
        dev.steward.audit.AuditEvent downloaded = audit.page(new dev.steward.audit.AuditFilter(
                dev.steward.audit.AuditAction.EXPORT_DOWNLOAD, null, null, null), 0, 1).get(0);
        assertThat(downloaded.target()).isEqualTo("2030-02");
        assertThat(downloaded.actor()).startsWith("token:auditor-");
        io.restassured.RestAssured.given().auth().oauth2(auditor).get("/api/v1/exports/2030-11/bundle").then().statusCode(404);

        // exactly once: the same period again is skipped, the bundle untouched
        ExportService.Outcome again = exports.export(YearMonth.of(2030, 2), out, "test", ExportService.Step.NONE, LATER);
        assertThat(again.status()).isEqualTo(ExportService.Status.SKIPPED);
        assertThat(runs.get("2030-02").orElseThrow().manifestSha256()).isEqualTo(record.manifestSha256());

        // the next period links to this one, and the same sample seed re-draws the same sample
        exports.export(YearMonth.of(2030, 3), out, "test", ExportService.Step.NONE, LATER);
        Manifest mar = Manifest.parse(Files.readAllBytes(out.resolve("2030-03").resolve(Manifest.FILE)));
        assertThat(mar.previousManifestSha256()).isEqualTo(record.manifestSha256());
        assertThat(BundleVerifier.verify(out.resolve("2030-03"), exports.keys().getPublic(), bundle).problems()).isEmpty();
    }

    @Test
    void aCrashMidExportLeavesNoBundleAndThePeriodIsRetried() throws Exception {
        int[] written = {0};
        ExportService.Step crash = file -> {
            if (++written[0] == 3) {
                throw new IOException("disk full (injected)");
            }
        };
        assertThatThrownBy(() -> exports.export(YearMonth.of(2030, 4), out, "test", crash, LATER))
                .isInstanceOf(ExportException.class).hasMessageContaining("disk full (injected)");
        assertThat(written[0]).isEqualTo(3);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.toList()).isEmpty();
        }
        ExportRuns.ExportRun failed = runs.get("2030-04").orElseThrow();
        assertThat(failed.status()).isEqualTo(ExportRuns.FAILED);
        assertThat(failed.error()).contains("disk full (injected)");

        // an exporter killed mid-write leaves its staging folder behind; the next claim of the period removes it
        Path orphan = Files.createDirectories(out.resolve(".staging-2030-04-killed"));
        Files.writeString(orphan.resolve("findings.json"), "{");
        ExportService.Outcome retried = exports.export(YearMonth.of(2030, 4), out, "test", ExportService.Step.NONE, LATER);
        assertThat(retried.status()).isEqualTo(ExportService.Status.EXPORTED);
        assertThat(BundleVerifier.verify(out.resolve("2030-04"), exports.keys().getPublic(), null).ok()).isTrue();
        assertThat(runs.get("2030-04").orElseThrow().error()).isNull();
        assertThat(orphan).doesNotExist();
    }

    @Test
    void aBundlePublishedButNotRecordedIsReconciledDoneWhenItVerifies() throws Exception {
        ExportService.Step dbGone = new ExportService.Step() {
            @Override
            public void written(String file) {
            }

            @Override
            public void published(Path bundle) throws IOException {
                throw new IOException("database connection lost (injected)");
            }
        };
        assertThatThrownBy(() -> exports.export(YearMonth.of(2030, 5), out, "test", dbGone, LATER))
                .isInstanceOf(ExportException.class).hasMessageContaining("database connection lost");
        assertThat(runs.get("2030-05").orElseThrow().status()).isEqualTo(ExportRuns.FAILED);
        assertThat(out.resolve("2030-05").resolve(Manifest.FILE)).exists();

        // the retry at the next start finds the published bundle, verifies it and records it DONE
        ExportService.Outcome again = exports.export(YearMonth.of(2030, 5), out, "scheduler", ExportService.Step.NONE, LATER);
        assertThat(again.status()).isEqualTo(ExportService.Status.RECONCILED);
        ExportRuns.ExportRun done = runs.get("2030-05").orElseThrow();
        assertThat(done.status()).isEqualTo(ExportRuns.DONE);
        assertThat(done.error()).isNull();
        assertThat(done.manifestSha256()).isEqualTo(Hashes.sha256(out.resolve("2030-05").resolve(Manifest.FILE)));
        assertThat(done.location()).isEqualTo(out.resolve("2030-05").toAbsolutePath().toString());
        assertThat(audit.page(new dev.steward.audit.AuditFilter(dev.steward.audit.AuditAction.EXPORT, "scheduler", null, null),
                0, 1).get(0).detail()).contains("\"reconciled\":true");

        // a bundle on disk that does not verify is never taken as the period's export
        assertThatThrownBy(() -> exports.export(YearMonth.of(2030, 7), out, "test", dbGone, LATER))
                .isInstanceOf(ExportException.class);
        Files.writeString(out.resolve("2030-07").resolve("findings.json"), "[]");
        assertThatThrownBy(() -> exports.export(YearMonth.of(2030, 7), out, "test", ExportService.Step.NONE, LATER))
                .isInstanceOf(ExportException.class).hasMessageContaining("does not verify")
                .hasMessageContaining("findings.json");
        assertThat(runs.get("2030-07").orElseThrow().status()).isEqualTo(ExportRuns.FAILED);
    }

    @Test
    void twoReplicasClaimingOnePeriodHaveOneWinner() throws Exception {
        Instant now = Instant.parse("2030-07-01T02:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Boolean> claim = () -> runs.claim("2030-06", now, now.minusSeconds(3600));
            List<Future<Boolean>> results = pool.invokeAll(List.of(claim, claim, claim, claim));
            long winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        // a RUNNING claim older than the stale limit (its exporter crashed) is taken over once
        Instant later = now.plusSeconds(7200);
        assertThat(runs.claim("2030-06", later, later.minusSeconds(3600))).isTrue();
        assertThat(runs.claim("2030-06", later, later.minusSeconds(3600))).isFalse();
    }

    @Test
    void aFailureThatCannotBeRecordedDoesNotHideTheExportsOwnError() throws Exception {
        // mid-export the disk fills and, at the same moment, the store can no longer record anything (here: its
        // export_run table is gone); the caller must still learn about the disk, with the recording failure attached
        ExportService.Step diskFullAndStoreGone = file -> {
            if (file.equals("findings.json")) {
                sql("ALTER TABLE export_run RENAME TO export_run_away");
                throw new IOException("disk full (injected)");
            }
        };
        try {
            assertThatThrownBy(() -> exports.export(YearMonth.of(2030, 8), out, "test", diskFullAndStoreGone, LATER))
                    .isInstanceOf(ExportException.class).hasMessageContaining("disk full (injected)")
                    .cause().isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                            .satisfies(r -> assertThat(r).hasMessageContaining("cannot record export")));
        } finally {
            sql("ALTER TABLE export_run_away RENAME TO export_run");
        }
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.toList()).as("no bundle and no staging folder").isEmpty();
        }
        // the claim could not be released: it stays RUNNING until stale, then the period is exported
        assertThat(runs.get("2030-08").orElseThrow().status()).isEqualTo(ExportRuns.RUNNING);
        assertThat(exports.export(YearMonth.of(2030, 8), out, "test", ExportService.Step.NONE, LATER).status())
                .isEqualTo(ExportService.Status.SKIPPED);
        assertThat(exports.export(YearMonth.of(2030, 8), out, "test", ExportService.Step.NONE, LATER.plusSeconds(7 * 3600))
                .status()).isEqualTo(ExportService.Status.EXPORTED);
    }

    private void sql(String statement) throws IOException {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (java.sql.SQLException e) {
            throw new IOException(statement + ": " + e.getMessage(), e);
        }
    }

    @Test
    void anOpenPeriodIsRefused() {
        assertThatThrownBy(() -> exports.export(YearMonth.of(2030, 9), out, "test", ExportService.Step.NONE,
                Instant.parse("2030-09-15T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not closed yet");
        assertThat(runs.get("2030-09")).isEmpty();
    }
}
