package dev.steward.ingest;

import java.time.Instant;
import java.util.List;

/** One normalized authorization decision, as every decision adapter delivers it. Secret values are already redacted. */
public record DecisionLine(
        String id,
        Instant time,
        String agent,
        String credential,
        List<String> onBehalfOf,
        String tool,
        String action,
        String resource,
        String scope,
        boolean allowed,
        String policy,
        String reason,
        String trigger,
        String approval,
        String risk,
        String environment,
        Boolean interactive,
        String userAgent,
        String file,
        long line) {

    public DecisionLine {
        onBehalfOf = onBehalfOf == null ? List.of() : List.copyOf(onBehalfOf);
    }
}
