package dev.steward.decisions;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Receives stored per-day aggregate rows one at a time, not yet summed: from old {@code decision_daily} rows and from
 * {@link DailyPack}s alike, so every reader sums both the same way. {@code onBehalfOf} is the chain as stored (a JSON
 * array, {@code []} when empty); {@code counts} are count, withPolicy, complete, human, highRisk, approved and
 * highRiskApproved, and the array may be reused for the next row.
 */
@FunctionalInterface
interface DailyRow {

    void row(LocalDate day, String agent, String credential, String tool, String action, String scope,
            String environment, boolean allowed, String onBehalfOf, long[] counts, Instant firstAt, Instant lastAt)
            throws IOException;
}
