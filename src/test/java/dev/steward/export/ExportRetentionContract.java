package dev.steward.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditEvent;
import dev.steward.audit.AuditFilter;
import dev.steward.audit.AuditLog;
import dev.steward.ingest.IngestService;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import dev.steward.testing.AssessmentFixture;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention with {@code steward.exports.keep=1} in a database of its own (H2 and PostgreSQL subclasses): an export
 * deletes older bundles and marks them PURGED with their hashes kept, the bundle just published and a running export
 * are never purged, a later period still chains to a purged one, and each purge is audited.
 */
public abstract class ExportRetentionContract {

    private static final Instant LATER = Instant.parse("2035-01-01T00:00:00Z");

    @Inject
    IngestService ingest;

    @Inject
    ExportService exports;

    @Inject
    ExportRuns runs;

    @Inject
    AuditLog audit;

    @Inject
    TokenService tokens;

    @TempDir
    Path out;

    private ExportService.Outcome export(int month) {
        return exports.export(YearMonth.of(2031, month), out, "test", ExportService.Step.NONE, LATER);
    }

    @Test
    void olderBundlesArePurgedKeepingTheirHashesAndTheChain() throws Exception {
        new AssessmentFixture().ingestAll(ingest);
        Instant now = Instant.parse("2031-08-01T00:00:00Z");
        assertThat(runs.claim("2031-07", now, now.minusSeconds(60))).isTrue();

        export(1);
        String jan = runs.get("2031-01").orElseThrow().manifestSha256();
        export(2);
        // keep=1: January went when February was published
        ExportRuns.ExportRun janRecord = runs.get("2031-01").orElseThrow();
        assertThat(janRecord.status()).isEqualTo(ExportRuns.PURGED);
        assertThat(janRecord.manifestSha256()).isEqualTo(jan);
        assertThat(janRecord.purgedAt()).isNotNull();
        assertThat(out.resolve("2031-01")).doesNotExist();
        assertThat(out.resolve("2031-02").resolve(Manifest.FILE)).exists();
        AuditEvent purge = audit.page(new AuditFilter(AuditAction.EXPORT_PURGED, null, null, null), 0, 1).get(0);
        assertThat(purge.target()).isEqualTo("2031-01");
        assertThat(purge.outcome()).isEqualTo("ok");
        assertThat(purge.detail()).contains(jan);

        String feb = runs.get("2031-02").orElseThrow().manifestSha256();
        export(4);
        assertThat(runs.get("2031-02").orElseThrow().status()).isEqualTo(ExportRuns.PURGED);
        // March exported late: older than the one kept, but just published, so it stays; it chains to purged February
        ExportService.Outcome mar = export(3);
        assertThat(runs.get("2031-03").orElseThrow().status()).isEqualTo(ExportRuns.DONE);
        assertThat(out.resolve("2031-03").resolve(Manifest.FILE)).exists();
        Manifest m = Manifest.parse(Files.readAllBytes(mar.bundle().resolve(Manifest.FILE)));
        assertThat(m.previousManifestSha256()).isEqualTo(feb);
        assertThat(runs.get("2031-04").orElseThrow().status()).isEqualTo(ExportRuns.DONE);
        // an export in progress is never purged
        assertThat(runs.get("2031-07").orElseThrow().status()).isEqualTo(ExportRuns.RUNNING);

        // the listing shows purged bundles with their hashes; their download is gone (404)
        String auditor = tokens.create("a-" + UUID.randomUUID(), Role.AUDITOR, null, "test").token();
        List<String> statuses = RestAssured.given().auth().oauth2(auditor).get("/api/v1/exports").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.period.startsWith('2031-0') }.status", String.class);
        assertThat(statuses).containsExactly("RUNNING", "DONE", "DONE", "PURGED", "PURGED");
        RestAssured.given().auth().oauth2(auditor).get("/api/v1/exports/2031-01").then().statusCode(200)
                .body("manifestSha256", org.hamcrest.Matchers.equalTo(jan));
        RestAssured.given().auth().oauth2(auditor).get("/api/v1/exports/2031-01/bundle").then().statusCode(404);
        assertThat(audit.verify().ok()).isTrue();
    }
}
