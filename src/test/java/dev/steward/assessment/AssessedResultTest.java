package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.EvidenceRef;
import dev.steward.evidence.SourceRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounds on what a stored result keeps of its evidence. */
class AssessedResultTest {

    @Test
    void evidenceWithinBoundsIsKeptAsTheCheckGaveIt() {
        List<EvidenceRef> refs = List.of(EvidenceRef.of("agent", "a".repeat(AssessedResult.MAX_ID), "d".repeat(AssessedResult.MAX_DETAIL)),
                new EvidenceRef("decisions", "bot", "12 allowed", new SourceRef(3, "decisions.jsonl", 7)));
        assertThat(AssessedResult.bounded(refs)).isSameAs(refs);
        List<EvidenceRef> hundred = new ArrayList<>();
        for (int i = 0; i < AssessedResult.MAX_EVIDENCE; i++) {
            hundred.add(EvidenceRef.of("credential", "c" + i, null));
        }
        assertThat(AssessedResult.bounded(List.copyOf(hundred))).containsExactlyElementsOf(hundred);
    }

    @Test
    void longTextsAreCutAndExtraReferencesCounted() {
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(new EvidenceRef("agent", "a".repeat(AssessedResult.MAX_ID + 1), "short", new SourceRef(1, "inventory.yaml", 2)));
        refs.add(EvidenceRef.of("agent", "b", "d".repeat(AssessedResult.MAX_DETAIL + 5)));
        for (int i = 0; i < AssessedResult.MAX_EVIDENCE + 3; i++) {
            refs.add(EvidenceRef.of("credential", "c" + i, null));
        }
        List<EvidenceRef> kept = AssessedResult.bounded(refs);
        assertThat(kept).hasSize(AssessedResult.MAX_EVIDENCE + 1);
        assertThat(kept.get(0).id()).hasSize(AssessedResult.MAX_ID).endsWith("a\u2026");
        assertThat(kept.get(0).detail()).isEqualTo("short");
        assertThat(kept.get(0).source()).isEqualTo(new SourceRef(1, "inventory.yaml", 2));
        assertThat(kept.get(1).id()).isEqualTo("b");
        assertThat(kept.get(1).detail()).hasSize(AssessedResult.MAX_DETAIL).endsWith("d\u2026");
        assertThat(kept.get(2)).isSameAs(refs.get(2));
        assertThat(kept.get(AssessedResult.MAX_EVIDENCE - 1).id()).isEqualTo("c" + (AssessedResult.MAX_EVIDENCE - 3));
        assertThat(kept.get(AssessedResult.MAX_EVIDENCE)).isEqualTo(
                EvidenceRef.of("truncated", null, "5 more evidence references not kept"));

        // one long text among few references is enough to copy
        List<EvidenceRef> one = List.of(EvidenceRef.of("agent", "x", "d".repeat(AssessedResult.MAX_DETAIL + 1)));
        assertThat(AssessedResult.bounded(one)).isNotSameAs(one).singleElement()
                .satisfies(r -> assertThat(r.detail()).hasSize(AssessedResult.MAX_DETAIL));
    }
}
