package dev.steward.assessment;

/**
 * Size of a run: subjects in the evidence (agents, credentials, principals seen in the decision logs, decision
 * aggregates), every result stored (all variants) and the findings among them by result and by severity.
 */
public record Totals(int agents, int credentials, int principals, int decisionAggregates, ResultCounts results,
        long findings, SeverityCounts findingsBySeverity) {
}
