package dev.steward.assessment;

import dev.steward.security.AccessScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One roll-up of a run (teams, owners, managers or environments) a page at a time, in the order asked: what a client
 * needs to find the owners or teams to act on without the whole run (at 100k agents the owners' roll-up alone is 25,000
 * entries, 5.5 MB of the run's 6.6 MB). The entries are those the run stores, or, for a manager, those of the run
 * narrowed to its teams ({@link ScopedReads}), so a page never shows what {@code GET /api/v1/assessments/{id}} would
 * not.
 */
@ApplicationScoped
public class RollupPages {

    /** Which roll-up. */
    public enum Dimension {
        TEAMS(Rollups::teams), OWNERS(Rollups::owners), MANAGERS(Rollups::managers),
        ENVIRONMENTS(Rollups::environments);

        private final Function<Rollups, List<RollupEntry>> entries;

        Dimension(Function<Rollups, List<RollupEntry>> entries) {
            this.entries = entries;
        }
    }

    /** The order of a page; every order ends with the key, so that pages never overlap. */
    public enum Sort {
        /** Most FAIL results first, then most findings (FAIL, PARTIAL, INSUFFICIENT_EVIDENCE): where to act first. */
        FAILURES(Comparator.comparingLong((RollupEntry e) -> -e.results().fail())
                .thenComparingLong(e -> -e.results().findings())),
        /** Lowest score first; entries without a score (nothing scored) last. */
        SCORE(Comparator.comparing(RollupEntry::score, Comparator.nullsLast(Comparator.<Double>naturalOrder()))),
        /** By key alone. */
        KEY((a, b) -> 0);

        private final Comparator<RollupEntry> order;

        Sort(Comparator<RollupEntry> first) {
            this.order = first.thenComparing(RollupEntry::key);
        }

        /** The whole order, ending with the key. */
        public Comparator<RollupEntry> order() {
            return order;
        }
    }

    /** One page and how many entries match over all pages. */
    public record Slice(List<RollupEntry> items, long total) {
    }

    private final AssessmentService assessments;

    public RollupPages(AssessmentService assessments) {
        this.assessments = assessments;
    }

    /**
     * Entries {@code page * size ..} of the roll-up in the given order, only the one of {@code key} when that is given;
     * empty when the run does not exist.
     */
    public Optional<Slice> page(String runId, Dimension dimension, Sort sort, String key, AccessScope scope, int page,
            int size) {
        Optional<Rollups> rollups = scope.unrestricted()
                ? assessments.summary(runId).map(AssessmentSummary::rollups)
                : assessments.get(runId, scope).map(r -> r.summary().rollups());
        return rollups.map(r -> slice(dimension.entries.apply(r), sort, key, page, size));
    }

    static Slice slice(List<RollupEntry> entries, Sort sort, String key, int page, int size) {
        List<RollupEntry> matching = key == null ? entries : entries.stream().filter(e -> e.key().equals(key)).toList();
        long from = (long) page * size;
        List<RollupEntry> items = from >= matching.size() ? List.of()
                : matching.stream().sorted(sort.order).skip(from).limit(size).toList();
        return new Slice(items, matching.size());
    }
}
