package dev.steward.report;

/**
 * One headline count of the ownership report. {@code definition} says which check results it counts, so the number
 * traces to records: every count is over the default-variant results of the run, within the report's filter.
 */
public record Headline(String key, String label, long value, String definition) {
}
