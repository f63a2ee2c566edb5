package dev.steward.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Decisions of one UTC day that share agent, credential, tool, action, scope, environment, outcome and delegation
 * chain, with the counts the checks need. Checks read these, never raw decision lines. Any key part may be null
 * (missing in the log); {@code onBehalfOf} is never null.
 */
public record DecisionAggregate(
        LocalDate day,
        String agent,
        String credential,
        String tool,
        String action,
        String scope,
        String environment,
        boolean allowed,
        List<String> onBehalfOf,
        long count,
        long withPolicy,
        long complete,
        long human,
        long highRisk,
        long approved,
        long highRiskApproved,
        Instant firstAt,
        Instant lastAt) {

    public DecisionAggregate {
        onBehalfOf = onBehalfOf == null ? List.of() : List.copyOf(onBehalfOf);
    }
}
