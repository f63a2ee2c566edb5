package dev.steward.report;

import java.time.Instant;

/**
 * What a report is about and when it was made: the assessment run (id, as-of, window, engine and mapping version,
 * parameters digest), the framework it is narrowed to (null = all, through the crosswalks) and the filter.
 */
public record ReportMeta(String assessmentId, Instant asOf, Instant windowStart, Instant windowEnd, Instant generatedAt,
        String engineVersion, String mappingVersion, String parametersDigest, String framework, String frameworkName,
        ReportFilter filter) {

    /** "All frameworks" or the framework's name. */
    public String scope() {
        return framework == null ? "All frameworks" : frameworkName;
    }
}
