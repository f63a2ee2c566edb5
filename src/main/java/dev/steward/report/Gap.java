package dev.steward.report;

import dev.steward.check.Result;
import dev.steward.check.Severity;
import java.time.Instant;

/**
 * One ownership gap of an agent: a finding of an ownership check (OWN-1..OWN-5, LIF-3, TPV-1 on the agent, LIF-1 on a
 * credential it holds), how long it has been open ({@code since}: the dated fact behind it, see {@link GapAge}; null
 * when the evidence dates nothing) and the action that closes it (the check's remediation).
 */
public record Gap(String checkId, String title, Severity severity, Result result, String subjectId, String reason,
        Instant since, Long ageDays, String action) {
}
