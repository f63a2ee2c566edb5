package dev.steward.assessment;

import java.util.function.Consumer;

/**
 * Takes every result of a sharded run in run order, on a thread of its own. {@link #subject} is asked once per
 * subject and shard for what {@link #accept} needs of it (the diff: the subject's findings in the previous run),
 * rather than once for each of the subject's results.
 */
interface InOrder<S> {

    S subject(String subjectId);

    /** @param subject {@link #subject} of the result's subject */
    void accept(AssessedResult result, S subject);

    /** Every result to a consumer, nothing looked up. */
    static InOrder<Void> of(Consumer<AssessedResult> consumer) {
        return new InOrder<>() {
            @Override
            public Void subject(String subjectId) {
                return null;
            }

            @Override
            public void accept(AssessedResult result, Void subject) {
                consumer.accept(result);
            }
        };
    }

    /** The diff's: each subject's findings in the previous run. */
    static InOrder<DiffBuilder.Subject> of(DiffBuilder diff) {
        return new InOrder<>() {
            @Override
            public DiffBuilder.Subject subject(String subjectId) {
                return diff.subject(subjectId);
            }

            @Override
            public void accept(AssessedResult result, DiffBuilder.Subject subject) {
                diff.accept(result, subject);
            }
        };
    }
}
