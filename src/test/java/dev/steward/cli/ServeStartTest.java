package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentService;
import dev.steward.export.ExportService;
import dev.steward.export.Manifest;
import dev.steward.report.ReportService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code steward serve <folder> [--as-of]}'s start: the monthly export's catch-up runs before the folder is assessed,
 * as of the given instant, so the run served is the one the pages show (the newest) and not the catch-up's.
 */
@QuarkusTest
@TestProfile(ServeProfile.class)
class ServeStartTest {

    @Inject
    ServeCommand serve;

    @Inject
    ReportService reports;

    @Inject
    ExportService exports;

    @Inject
    AssessmentService assessments;

    /** Bundles left by an earlier run of the suite would be reconciled instead of exported. */
    @BeforeAll
    static void noBundlesYet() throws IOException {
        Path dir = Path.of("target/test-data-serve/exports");
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The README's quick start: the month closed at its as-of is October, whose run is the very run served. */
    @Test
    void anAsOfThatStartsAMonthExportsTheMonthBeforeAndServesItsRun() throws Exception {
        StringWriter out = new StringWriter();
        String served = start("2026-11-01T00:00:00Z", out);

        Path october = exports.exportsDir().resolve("2026-10");
        assertThat(out.toString()).contains("Exported the evidence bundle of 2026-10, the month closed at"
                + " 2026-11-01T00:00:00Z, to " + october);
        assertThat(exports.exportsDir().resolve("2026-11")).as("no month after the as-of is exported").doesNotExist();
        Manifest m = Manifest.parse(Files.readAllBytes(october.resolve(Manifest.FILE)));
        assertThat(m.asOf()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(m.assessmentId()).as("the bundle's run is the run served").isEqualTo(served);
        assertThat(reports.latest()).as("the pages show the run served").contains(served);
    }

    /** An as-of within a month: the catch-up's run (at the month's start) is made first, the served run after it. */
    @Test
    void theRunServedIsNewerThanTheCatchUpsRun() throws Exception {
        StringWriter out = new StringWriter();
        String served = start("2026-10-15T00:00:00Z", out);

        Path september = exports.exportsDir().resolve("2026-09");
        assertThat(out.toString()).contains("Exported the evidence bundle of 2026-09, the month closed at"
                + " 2026-10-15T00:00:00Z, to " + september);
        Manifest m = Manifest.parse(Files.readAllBytes(september.resolve(Manifest.FILE)));
        assertThat(m.assessmentId()).isNotEqualTo(served);
        assertThat(assessments.get(served).orElseThrow().summary().asOf())
                .isEqualTo(Instant.parse("2026-10-15T00:00:00Z"));
        assertThat(reports.latest()).as("the pages show the run served, not the catch-up's").contains(served);
    }

    /** Starts serve's preparation on sample-data at the as-of; the id of the run it served. */
    private String start(String asOf, StringWriter out) {
        serve.folder = Path.of("sample-data");
        serve.asOf = asOf;
        StringWriter err = new StringWriter();
        assertThat(serve.prepare(new PrintWriter(out, true), new PrintWriter(err, true))).as(err.toString()).isTrue();
        String text = out.toString();
        int at = text.indexOf("Assessed ");
        assertThat(at).as(text).isNotNegative();
        return text.substring(at + "Assessed ".length(), text.indexOf(' ', at + "Assessed ".length()));
    }
}
