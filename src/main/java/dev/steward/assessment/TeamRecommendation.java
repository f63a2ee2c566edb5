package dev.steward.assessment;

import dev.steward.check.SubjectType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recommendation for one team with what is behind it: the checks whose FAILs decided it (catalog order) and the
 * failing subjects (catalog order, then id; at most {@value #MAX_LISTED}, {@code subjectCount} counts them all).
 */
public record TeamRecommendation(String team, Recommendation recommendation, int agents, int autonomousAgentsWithLiveAccess,
        List<String> checks, List<SubjectRef> subjects, int subjectCount) {

    public static final int MAX_LISTED = 100;

    /**
     * The teams to act on first: governance first, then rotation first, then maintain, each with the most failing
     * subjects first, then by name.
     */
    public static final Comparator<TeamRecommendation> ACT_FIRST = Comparator
            .comparing(TeamRecommendation::recommendation)
            .thenComparing(TeamRecommendation::subjectCount, Comparator.reverseOrder())
            .thenComparing(TeamRecommendation::team);

    /** How many of {@code recs} have each recommendation, in its order: "3 governance first, 5 maintain". */
    public static String counted(Collection<TeamRecommendation> recs) {
        Map<Recommendation, Integer> counts = new EnumMap<>(Recommendation.class);
        recs.forEach(r -> counts.merge(r.recommendation(), 1, Integer::sum));
        List<String> told = new ArrayList<>();
        counts.forEach((r, n) -> told.add(n + " " + r.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        return String.join(", ", told);
    }

    public TeamRecommendation {
        checks = List.copyOf(checks);
        subjects = List.copyOf(subjects);
    }

    /** A failing subject behind a recommendation. */
    public record SubjectRef(String checkId, SubjectType subjectType, String subjectId) {
    }
}
