package dev.steward.assessment;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import java.util.ArrayList;
import java.util.List;

/**
 * One check result as an assessment keeps it: the check's verdict plus the variant it ran with, the check's severity,
 * the subject's weight and who answers for it (owner, team, manager, environment; null when unknown) and the controls
 * the evaluation scores. The score is rounded ({@link Scores}). Stored for every result, PASS and NOT_APPLICABLE
 * included. Evidence keeps at most {@value #MAX_EVIDENCE} references (a last one says how many were left out) and
 * ids, details and reasons are cut at a fixed length, so a stored row has a bounded size.
 */
public record AssessedResult(
        String checkId,
        String variant,
        SubjectType subjectType,
        String subjectId,
        Result result,
        Double score,
        Severity severity,
        int weight,
        String reason,
        String owner,
        String team,
        String manager,
        String environment,
        List<EvidenceRef> evidence,
        List<String> controls) {

    public static final int MAX_EVIDENCE = 100;
    public static final int MAX_ID = 1000;
    public static final int MAX_DETAIL = 2000;
    public static final int MAX_REASON = 20_000;

    public AssessedResult {
        evidence = List.copyOf(evidence);
        controls = List.copyOf(controls);
        score = Scores.round(score);
    }

    static AssessedResult of(Evaluation e, CheckResult r, Attribution.Subject s) {
        return new AssessedResult(r.checkId(), e.variant(), r.subjectType(), r.subjectId(), r.result(), r.score(),
                e.check().severity(), s.weight(), cut(r.reason() == null ? "" : r.reason(), MAX_REASON),
                s.owner(), s.team(), s.manager(), s.environment(), bounded(r.evidence()), e.controls());
    }

    /** Key of this result across runs: check, variant, subject type and id. */
    public String key() {
        return key(checkId, variant, subjectType, subjectId);
    }

    public static String key(String checkId, String variant, SubjectType type, String subjectId) {
        return checkId + "\u0000" + variant + "\u0000" + type.name() + "\u0000" + subjectId;
    }

    static List<EvidenceRef> bounded(List<EvidenceRef> refs) {
        if (withinBounds(refs)) {
            return refs;
        }
        List<EvidenceRef> out = new ArrayList<>(Math.min(refs.size(), MAX_EVIDENCE + 1));
        for (int i = 0; i < refs.size() && i < MAX_EVIDENCE; i++) {
            EvidenceRef r = refs.get(i);
            boolean longId = r.id() != null && r.id().length() > MAX_ID;
            boolean longDetail = r.detail() != null && r.detail().length() > MAX_DETAIL;
            out.add(longId || longDetail ? new EvidenceRef(r.kind(), longId ? cut(r.id(), MAX_ID) : r.id(),
                    longDetail ? cut(r.detail(), MAX_DETAIL) : r.detail(), r.source()) : r);
        }
        if (refs.size() > MAX_EVIDENCE) {
            out.add(EvidenceRef.of("truncated", null, (refs.size() - MAX_EVIDENCE) + " more evidence references not kept"));
        }
        return out;
    }

    /**
     * Whether every reference is kept as it is: then the check's own list is kept (a {@link CheckResult}'s list is
     * immutable already, so the constructor's copy is no copy either), instead of a copy per result; nearly every
     * result of a large run is within bounds.
     */
    private static boolean withinBounds(List<EvidenceRef> refs) {
        if (refs.size() > MAX_EVIDENCE) {
            return false;
        }
        for (int i = 0; i < refs.size(); i++) {
            EvidenceRef r = refs.get(i);
            if ((r.id() != null && r.id().length() > MAX_ID) || (r.detail() != null && r.detail().length() > MAX_DETAIL)) {
                return false;
            }
        }
        return true;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
