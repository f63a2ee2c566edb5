package dev.steward.report;

import java.time.Instant;

/**
 * The one view model every writer reads: both reports of one assessment run, narrowed by the same framework and
 * filter. Because XLSX, PDF, HTML, CSV and JSON all print from it, their numbers are identical.
 */
public record ReportModel(ReportMeta meta, OwnershipReport ownership, GapReport gaps) {

    /** The same model stamped as made at {@code generatedAt}: nothing else in it depends on when it was made. */
    public ReportModel generatedAt(Instant generatedAt) {
        ReportMeta m = meta;
        return new ReportModel(new ReportMeta(m.assessmentId(), m.asOf(), m.windowStart(), m.windowEnd(), generatedAt,
                m.engineVersion(), m.mappingVersion(), m.parametersDigest(), m.framework(), m.frameworkName(),
                m.filter()), ownership, gaps);
    }
}
