package dev.steward.testing;

import dev.steward.assessment.AssessmentService;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.SourceAdapters;
import dev.steward.ingest.UploadGrouping;
import dev.steward.ingest.InputFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Ingests the repository's sample-data (again: uploads are idempotent by content) and assesses it as of 2026-11-01,
 * once per database; returns the run's id.
 */
public final class SampleData {

    public static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    private SampleData() {
    }

    public static synchronized String ensure(IngestService ingest, IngestConfig limits, SourceAdapters sources,
            AssessmentService assessments) {
        var groups = UploadGrouping.of(List.of(Path.of("sample-data")), limits, sources, "auto");
        for (List<InputFile> files : groups.uploads()) {
            IngestReport r = ingest.ingest(new IngestRequest(files, "auto", null, null, null, "test", null, null));
            if (r.status() == IngestReport.Status.REJECTED) {
                throw new AssertionError("sample-data upload rejected: " + r.problems());
            }
        }
        return assessments.assess(AS_OF, null, "test").run().id();
    }
}
