package dev.steward.report;

/**
 * The one view model every writer reads: both reports of one assessment run, narrowed by the same framework and
 * filter. Because XLSX, PDF, HTML, CSV and JSON all print from it, their numbers are identical.
 */
public record ReportModel(ReportMeta meta, OwnershipReport ownership, GapReport gaps) {
}
