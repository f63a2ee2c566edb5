package dev.steward.mapping;

import java.util.List;
import java.util.Objects;

/**
 * A control, risk, layer, function or category of a framework. Group nodes (functions, categories) are controls too:
 * they normally carry no checks and are scored from their children. An in-scope control is evidenced by its
 * {@link #checks()} (weighted) and/or by {@link #manualEvidence()} a person attaches; an out-of-scope control is one
 * agent identity governance cannot evidence, and says why in {@link #outOfScopeReason()}.
 *
 * @param officialId false when the id was coined by Steward rather than the publisher (MAESTRO's CROSS)
 * @param rationale one line saying why the mapped checks evidence this control
 */
public record Control(
        String id,
        String title,
        String description,
        String parent,
        boolean inScope,
        Boolean officialId,
        String outOfScopeReason,
        String rationale,
        List<CheckRef> checks,
        List<ManualEvidence> manualEvidence) {

    public Control {
        officialId = officialId == null ? Boolean.TRUE : officialId;
        checks = List.copyOf(Objects.requireNonNullElse(checks, List.of()));
        manualEvidence = List.copyOf(Objects.requireNonNullElse(manualEvidence, List.of()));
    }
}
