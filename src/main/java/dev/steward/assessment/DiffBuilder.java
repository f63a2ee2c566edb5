package dev.steward.assessment;

import dev.steward.check.CheckCatalog;
import dev.steward.check.Result;
import dev.steward.check.SubjectType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@link RunDiff} of a run while its results stream past: the previous run's findings are held by subject,
 * each current result is looked up once, and what was not seen again is resolved. Linear in results.
 */
public final class DiffBuilder {

    /** A finding of the previous run. */
    public record PriorFinding(String checkId, String variant, SubjectType subjectType, String subjectId, Result result,
            Double score) {
    }

    /**
     * What the diff needs of the previous run. {@code teams}: each team's roll-up and framework scores, null when the
     * run stored no teams' framework scores; {@code header}: what it was computed from, null to compare nothing of it.
     */
    public record Previous(String id, Instant asOf, List<PriorFinding> findings, List<FrameworkScore> frameworks,
            List<ControlResult> controls, List<TeamDeltas.Team> teams, RunHeader header) {

        public Previous(String id, Instant asOf, List<PriorFinding> findings, List<FrameworkScore> frameworks,
                List<ControlResult> controls) {
            this(id, asOf, findings, frameworks, controls, null, null);
        }

        public Previous(String id, Instant asOf, List<PriorFinding> findings, List<FrameworkScore> frameworks,
                List<ControlResult> controls, List<TeamDeltas.Team> teams) {
            this(id, asOf, findings, frameworks, controls, teams, null);
        }

        /** The previous run {@code id} from its stored summary and controls. */
        static Previous of(String id, Instant asOf, List<PriorFinding> findings, AssessmentSummary summary,
                List<ControlResult> controls) {
            return new Previous(id, asOf, findings, summary.frameworks(), controls,
                    TeamDeltas.Team.of(summary.rollups().teams(), summary.teamFrameworks()), RunHeader.of(summary));
        }
    }

    private static final Comparator<RunDiff.FindingChange> ORDER = Comparator
            .comparing(RunDiff.FindingChange::checkId, CheckCatalog.ID_ORDER)
            .thenComparing(RunDiff.FindingChange::variant)
            .thenComparing(RunDiff.FindingChange::subjectType)
            .thenComparing(RunDiff.FindingChange::subjectId);

    private final Previous previous;
    private final int listLimit;
    /**
     * The previous run's findings by subject id (a subject has a few at most), each with what the current run said of
     * it. A result is matched by subject, then check, variant and type, with no key text built per result: the
     * concatenated key of every result whose subject had a finding was most of the diff at 10M decisions.
     */
    private final Map<String, Subject> prior = new HashMap<>();
    private final List<RunDiff.FindingChange> added = new ArrayList<>();
    private final List<RunDiff.FindingChange> regressed = new ArrayList<>();
    private final List<RunDiff.FindingChange> improved = new ArrayList<>();
    private final List<RunDiff.FindingChange> changed = new ArrayList<>();
    private long addedCount;
    private long regressedCount;
    private long improvedCount;
    private long changedCount;
    private long unchanged;
    private boolean truncated;

    public DiffBuilder(Previous previous, int listLimit) {
        this.previous = Objects.requireNonNull(previous);
        this.listLimit = listLimit;
        for (PriorFinding f : previous.findings()) {
            List<Prior> same = prior.computeIfAbsent(f.subjectId(), k -> new Subject(new ArrayList<>(1))).priors;
            Prior known = find(same, f.checkId(), f.variant(), f.subjectType());
            if (known != null) {
                same.remove(known); // one finding per key, the last one read (as a map by key keeps it)
            }
            same.add(new Prior(f));
        }
    }

    /** A finding of the previous run and what the current run said of its subject under the same check and variant. */
    private static final class Prior {
        final PriorFinding finding;
        /** The current result, null while none was seen. */
        Now now;
        /** Whether the current result is a finding too. */
        boolean still;

        Prior(PriorFinding finding) {
            this.finding = finding;
        }
    }

    private static Prior find(List<Prior> priors, String checkId, String variant, SubjectType type) {
        for (int i = 0; i < priors.size(); i++) {
            PriorFinding f = priors.get(i).finding;
            if (f.subjectType() == type && f.checkId().equals(checkId) && Objects.equals(f.variant(), variant)) {
                return priors.get(i);
            }
        }
        return null;
    }

    /**
     * A subject's findings in the previous run (none for most), looked up once for all of its results: one lookup by
     * subject id per result was most of the diff's time at 10M decisions (5.1M lookups into 95k findings, each a cache
     * miss).
     */
    public static final class Subject {
        private final List<Prior> priors;

        private Subject(List<Prior> priors) {
            this.priors = priors;
        }
    }

    private static final Subject NONE = new Subject(List.of());

    /** The previous run's findings of a subject, for {@link #accept(AssessedResult, Subject)}. */
    public Subject subject(String subjectId) {
        return prior.getOrDefault(subjectId, NONE);
    }

    /** Takes note of one result of the current run (every result, not only findings). */
    public void accept(AssessedResult r) {
        accept(r, subject(r.subjectId()));
    }

    /** {@link #accept(AssessedResult)} with its subject's {@link #subject} looked up already. */
    public void accept(AssessedResult r, Subject subject) {
        List<Prior> ofSubject = subject.priors;
        Prior matched = ofSubject.isEmpty() ? null : find(ofSubject, r.checkId(), r.variant(), r.subjectType());
        if (matched != null) {
            matched.now = new Now(r.result(), r.score());
        }
        if (!r.result().finding()) {
            return;
        }
        if (matched == null) {
            addedCount++;
            keep(added, change(r.checkId(), r.variant(), r.subjectType(), r.subjectId(), null, null, r.result(), r.score()));
            return;
        }
        matched.still = true;
        PriorFinding before = matched.finding;
        RunDiff.FindingChange c = change(r.checkId(), r.variant(), r.subjectType(), r.subjectId(), before.result(),
                before.score(), r.result(), r.score());
        if (before.result() == r.result() && Objects.equals(before.score(), r.score())) {
            unchanged++;
        } else if (before.score() != null && r.score() != null && r.score() < before.score()) {
            regressedCount++;
            keep(regressed, c);
        } else if (before.score() != null && r.score() != null && r.score() > before.score()) {
            improvedCount++;
            keep(improved, c);
        } else {
            changedCount++;
            keep(changed, c);
        }
    }

    /** The diff, once every result of the run has been accepted; {@code header}: what this run is computed from. */
    public RunDiff finish(Outcome outcome, RunHeader header) {
        return finish(outcome.frameworks(), outcome.controls(),
                TeamDeltas.Team.of(outcome.rollups().teams(), outcome.teamFrameworks()), header);
    }

    /** The same without comparing what the runs were computed from. */
    RunDiff finish(List<FrameworkScore> frameworks, List<ControlResult> controls, List<TeamDeltas.Team> teams) {
        return finish(frameworks, controls, teams, null);
    }

    /**
     * @param teams the run's teams ({@link TeamDeltas.Team#of}), null to compare none
     * @param header what this run is computed from, null to compare nothing of it
     */
    RunDiff finish(List<FrameworkScore> frameworks, List<ControlResult> controls, List<TeamDeltas.Team> teams,
            RunHeader header) {
        List<RunDiff.FindingChange> resolved = new ArrayList<>();
        long resolvedCount = 0;
        for (Subject ofSubject : prior.values()) {
            for (Prior kept : ofSubject.priors) {
                if (kept.still) {
                    continue;
                }
                resolvedCount++;
                PriorFinding p = kept.finding;
                Now now = kept.now;
                resolved.add(change(p.checkId(), p.variant(), p.subjectType(), p.subjectId(), p.result(), p.score(),
                        now == null ? null : now.result(), now == null ? null : now.score()));
            }
        }
        resolved.sort(ORDER);
        if (resolved.size() > listLimit) {
            resolved = new ArrayList<>(resolved.subList(0, listLimit));
            truncated = true;
        }
        added.sort(ORDER);
        regressed.sort(ORDER);
        improved.sort(ORDER);
        changed.sort(ORDER);
        return new RunDiff(previous.id(), previous.asOf(),
                new RunDiff.Counts(addedCount, resolvedCount, regressedCount, improvedCount, changedCount, unchanged),
                added, resolved, regressed, improved, changed, listLimit, truncated,
                frameworkDeltas(frameworks), controlDeltas(controls), TeamDeltas.of(previous.teams(), teams),
                previous.header() == null || header == null ? null : RunDiff.Basis.of(previous.header(), header));
    }

    private List<RunDiff.ScoreDelta> frameworkDeltas(List<FrameworkScore> now) {
        Map<String, FrameworkScore> before = new LinkedHashMap<>();
        previous.frameworks().forEach(f -> before.put(f.framework(), f));
        List<RunDiff.ScoreDelta> out = new ArrayList<>();
        for (FrameworkScore f : now) {
            FrameworkScore b = before.get(f.framework());
            out.add(new RunDiff.ScoreDelta(f.framework(), b == null ? null : b.score(), f.score(),
                    Scores.delta(b == null ? null : b.score(), f.score()), b == null ? null : b.coverage(), f.coverage(),
                    null, null));
        }
        return out;
    }

    private List<RunDiff.ScoreDelta> controlDeltas(List<ControlResult> now) {
        Map<String, ControlResult> before = new HashMap<>();
        previous.controls().forEach(c -> before.put(c.ref(), c));
        List<RunDiff.ScoreDelta> out = new ArrayList<>();
        for (ControlResult c : now) {
            ControlResult b = before.get(c.ref());
            boolean same = b != null && Objects.equals(b.score(), c.score()) && Objects.equals(b.coverage(), c.coverage())
                    && b.status() == c.status();
            if (!same) {
                out.add(new RunDiff.ScoreDelta(c.ref(), b == null ? null : b.score(), c.score(),
                        Scores.delta(b == null ? null : b.score(), c.score()), b == null ? null : b.coverage(), c.coverage(),
                        b == null ? null : b.status().name(), c.status().name()));
            }
        }
        return out;
    }

    /** The current result of a subject that had a finding before. */
    private record Now(Result result, Double score) {
    }

    private void keep(List<RunDiff.FindingChange> list, RunDiff.FindingChange c) {
        if (list.size() < listLimit) {
            list.add(c);
        } else {
            truncated = true;
        }
    }

    private static RunDiff.FindingChange change(String checkId, String variant, SubjectType type, String subjectId,
            Result previousResult, Double previousScore, Result result, Double score) {
        return new RunDiff.FindingChange(checkId, variant, type.json(), subjectId, previousResult, previousScore, result, score);
    }
}
