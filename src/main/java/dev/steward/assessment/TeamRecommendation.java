package dev.steward.assessment;

import dev.steward.check.SubjectType;
import java.util.List;

/**
 * The recommendation for one team with what is behind it: the checks whose FAILs decided it (catalog order) and the
 * failing subjects (catalog order, then id; at most {@value #MAX_LISTED}, {@code subjectCount} counts them all).
 */
public record TeamRecommendation(String team, Recommendation recommendation, int agents, int autonomousAgentsWithLiveAccess,
        List<String> checks, List<SubjectRef> subjects, int subjectCount) {

    public static final int MAX_LISTED = 100;

    public TeamRecommendation {
        checks = List.copyOf(checks);
        subjects = List.copyOf(subjects);
    }

    /** A failing subject behind a recommendation. */
    public record SubjectRef(String checkId, SubjectType subjectType, String subjectId) {
    }
}
