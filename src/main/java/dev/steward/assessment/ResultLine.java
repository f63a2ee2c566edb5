package dev.steward.assessment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of a run's full results (GET /api/v1/assessments/{id}/results, JSON Lines): any result, PASS and
 * NOT_APPLICABLE included, written as its run-order position {@code seq} followed by the fields of findings.json
 * ({@link Finding}), so the two documents cannot drift apart.
 */
@JsonPropertyOrder({"seq", "finding"})
public record ResultLine(int seq, @JsonUnwrapped Finding finding) {

    static ResultLine of(String assessmentId, StoredResult stored, List<String> controls) {
        AssessedResult r = stored.result();
        return new ResultLine(stored.seq(), new Finding(assessmentId, r.checkId(), r.variant(), r.subjectType().json(),
                r.subjectId(), r.result(), r.score(), r.severity(), r.reason(), r.owner(), r.manager(), r.team(),
                r.environment(), r.weight(), r.evidence(), controls));
    }

    /**
     * Writes every stored result of run {@code id} of {@code teams} (null: all) as JSON Lines in run order, streamed
     * from the store; {@code controls} maps {@code check|variant} to its controls. Returns how many.
     */
    static long writeAll(AssessmentStore store, String id, Set<String> teams, Map<String, List<String>> controls,
            OutputStream out) {
        byte[] newline = {'\n'};
        long n = store.results(id, teams, r -> {
            try {
                out.write(AssessmentJson.MAPPER.writeValueAsBytes(of(id, r, controls.getOrDefault(
                        Evaluation.key(r.result().checkId(), r.result().variant()), List.of()))));
                out.write(newline);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }
}
