package dev.steward.report;

import dev.steward.assessment.Finding;
import java.util.Set;

/**
 * A run's findings, streamed in run order (re-iterable), and also those of some subjects only, which the store reads
 * as such: a page about one agent or credential needs its few findings, not a pass over all of the run's.
 */
public interface FindingSource extends Iterable<Finding> {

    /** The findings whose subject id is one of {@code subjectIds}, in run order. */
    Iterable<Finding> of(Set<String> subjectIds);
}
