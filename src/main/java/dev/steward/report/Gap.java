package dev.steward.report;

import dev.steward.check.Result;
import dev.steward.check.Severity;
import java.time.Instant;

/**
 * One ownership gap of an agent: a finding of an ownership check (OWN-1..OWN-5, LIF-3, TPV-1 on the agent, LIF-1 on a
 * credential it holds), how long it has been open ({@code since}: the dated fact behind it, see {@link GapAge}; null
 * when the evidence dates nothing), the action that closes it (the check's remediation) and how it changed since the
 * previous run ({@code change}: "new", "regressed", "changed" or "improved" as the run's diff lists it; null when it is
 * unchanged, or there is no previous run, or the diff's list of its kind was cut before it).
 */
public record Gap(String checkId, String title, Severity severity, Result result, String subjectId, String reason,
        Instant since, Long ageDays, String action, String change) {

    /** Whether the gap is new since the previous run. */
    public boolean isNew() {
        return GapReport.Change.NEW.label().equals(change);
    }
}
