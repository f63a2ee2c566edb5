package dev.steward.testing;

import dev.steward.decisions.DecisionAggregates;
import dev.steward.decisions.RawDecisions;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.ingest.DecisionLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads stored decisions back through the product's readers (decisions are packs, not SQL rows): the raw decisions and
 * the summed daily aggregates of every committed upload, filtered by the test's own ids.
 */
public final class StoredDecisionReads {

    public static final Instant EVER = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant NEVER = Instant.parse("2100-01-01T00:00:00Z");

    private StoredDecisionReads() {
    }

    /** Raw decisions of committed uploads that match, in storage order. */
    public static List<DecisionLine> raw(RawDecisions decisions, Predicate<DecisionLine> which) {
        List<DecisionLine> out = new ArrayList<>();
        decisions.inWindowUnchecked(EVER, NEVER, (upload, d) -> {
            if (which.test(d)) {
                out.add(d);
            }
        });
        return out;
    }

    /** Every decision of one upload, whatever its status, in file order. */
    public static List<DecisionLine> ofUpload(RawDecisions decisions, long uploadId) throws java.io.IOException {
        List<DecisionLine> out = new ArrayList<>();
        decisions.ofUpload(uploadId, (upload, d) -> out.add(d));
        return out;
    }

    /** Summed daily aggregates of committed uploads that match, in the window's order. */
    public static List<DecisionAggregate> daily(DecisionAggregates aggregates, Predicate<DecisionAggregate> which) {
        return aggregates.window(EVER, NEVER).stream().filter(which).toList();
    }
}
