package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.assessment.Finding;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The report's findings iterator over one streaming read: every finding once, in order, and failures surface. */
class FindingStreamTest {

    private static Finding finding(int i) {
        return new Finding("run", "OWN-1", "default", "agent", "a-" + i, Result.FAIL, 0.0, Severity.HIGH, "reason " + i,
                null, null, null, null, 1, List.of(EvidenceRef.of("agent", "a-" + i, null)), List.of());
    }

    private static List<String> drain(Iterator<Finding> it) {
        List<String> ids = new ArrayList<>();
        while (it.hasNext()) {
            ids.add(it.next().subjectId());
        }
        return ids;
    }

    @Test
    void everyFindingArrivesOnceInOrderAcrossChunkBoundaries() {
        int n = FindingStream.CHUNK * 7 + 3;
        List<String> ids = drain(new FindingStream(c -> {
            for (int i = 0; i < n; i++) {
                c.accept(finding(i));
            }
        }));

        assertThat(ids).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(ids.get(i)).isEqualTo("a-" + i);
        }
    }

    @Test
    void anEmptyRunEndsAtOnce() {
        FindingStream it = new FindingStream(c -> { });

        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aFailedReadFailsTheReaderInsteadOfEndingQuietly() {
        FindingStream it = new FindingStream(c -> {
            c.accept(finding(1));
            throw new IllegalStateException("cannot read the findings of run x");
        });

        assertThatThrownBy(() -> drain(it)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot read the findings");
    }
}
