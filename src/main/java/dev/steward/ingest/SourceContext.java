package dev.steward.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * What a {@link SourceAdapter} session may do with one upload: report problems, deliver decisions (decision uploads),
 * deliver inventory records through the one {@link RecordMapper} (inventory uploads, and credentials a log shows being
 * issued), declare the sections it replaces, document-level facts, and propose the supersession scope.
 */
public final class SourceContext {

    private final IngestConfig limits;
    private final Problems problems;
    private final DecisionSink decisions;
    private final RecordMapper mapper;
    private final InventorySink inventory;
    private final String sourceOption;
    private String scope;
    private Instant latestDecision;
    private long decisionCount;

    /**
     * @param decisions    where decisions go; null in an inventory upload
     * @param sourceOption the user's --source text, or null (some adapters name their scope by it)
     */
    public SourceContext(IngestConfig limits, Problems problems, DecisionSink decisions, RecordMapper mapper,
            InventorySink inventory, String sourceOption) {
        this.limits = limits;
        this.problems = problems;
        this.decisions = decisions;
        this.mapper = mapper;
        this.inventory = inventory;
        this.sourceOption = sourceOption;
    }

    public IngestConfig limits() {
        return limits;
    }

    public Problems problems() {
        return problems;
    }

    public String sourceOption() {
        return sourceOption;
    }

    /** Delivers one normalized decision (secret values already redacted, see DecisionDraft). */
    public void decision(DecisionLine d) {
        if (decisions == null) {
            throw new IllegalStateException("decisions delivered in an inventory upload from " + d.file());
        }
        decisionCount++;
        if (latestDecision == null || d.time().isAfter(latestDecision)) {
            latestDecision = d.time();
        }
        decisions.decision(d);
    }

    /** Where secret findings of decisions go. */
    public DecisionSink decisionSink() {
        return decisions;
    }

    /** The section is present in the upload, even if empty: it replaces the earlier one of the same scope. */
    public void section(RecordMapper.Section section) {
        inventory.section(section);
    }

    /** Document-level facts (the export time and a provenance text). */
    public void meta(Instant asOf, String source) {
        inventory.meta(asOf, source);
    }

    /**
     * Validates, redacts and stores one native-shaped record. {@code attributes} (may be null) are source facts the
     * adapter keeps on purpose: stored without the unknown-field warning.
     */
    public void record(RecordMapper.Section section, ObjectNode node, ObjectNode attributes, String file, long line) {
        inventory.section(section);
        mapper.map(section, node, attributes, file, line, Map.of());
    }

    /** Proposes the supersession scope (e.g. aws:123456789012); the first proposal wins, a --scope option overrides. */
    public void proposeScope(String proposed) {
        if (scope == null && proposed != null && !proposed.isBlank()) {
            scope = proposed.length() > 200 ? proposed.substring(0, 200) : proposed;
        }
    }

    /** The scope proposed so far, or null. */
    public String proposedScope() {
        return scope;
    }

    /** The latest time of the decisions delivered so far, or null. */
    public Instant latestDecision() {
        return latestDecision;
    }

    /** How many decisions were delivered so far. */
    public long decisionCount() {
        return decisionCount;
    }
}
