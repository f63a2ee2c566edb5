package dev.steward.report;

import dev.steward.assessment.ControlResult;
import dev.steward.assessment.Finding;
import dev.steward.assessment.RunDiff;
import dev.steward.check.Check;
import dev.steward.evidence.PersonRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A run's diff as a report shows it ({@link GapReport.Changes}). The diff names each changed finding by check, variant
 * and subject; the report adds who answers for it and why. A finding that is one now takes that from the finding now,
 * which the report's pass over the run's findings hands to {@link #see}; a resolved one from the finding it was in the
 * previous run ({@link ReportInputs#previousFindings}, read for the resolved findings' checks only: {@link
 * #resolvedChecks}). A changed finding is listed when that finding is in the report's scope, as the findings table
 * lists its rows.
 */
final class ReportChanges {

    private final RunDiff diff;
    /** The keys of the findings the diff lists, of any kind. */
    private final Set<String> keys = new HashSet<>();
    /** The findings now under those keys. */
    private final Map<String, Finding> now = new HashMap<>();
    /** The kind of each listed finding that is a finding now (every kind but resolved). */
    private final Map<String, GapReport.Change> kindOf = new HashMap<>();

    /** @param diff the run's diff, null when it had no previous run */
    ReportChanges(RunDiff diff) {
        this.diff = diff;
        if (diff != null) {
            kinds(diff).forEach((kind, list) -> list.forEach(c -> {
                keys.add(key(c));
                if (kind != GapReport.Change.RESOLVED) {
                    kindOf.put(key(c), kind);
                }
            }));
        }
    }

    /** How a finding of this run changed since the previous run ("new", ...), null when the diff does not list it. */
    String changeOf(Finding f) {
        GapReport.Change kind = kindOf.isEmpty() ? null : kindOf.get(key(f));
        return kind == null ? null : kind.label();
    }

    /** The checks of the findings resolved since the previous run: the previous findings a report needs. */
    static Set<String> resolvedChecks(RunDiff diff) {
        Set<String> checks = new TreeSet<>();
        if (diff != null) {
            diff.resolved().forEach(c -> checks.add(c.checkId()));
        }
        return checks;
    }

    /** Takes note of one finding of the run (each, in or out of the report's scope). */
    void see(Finding f) {
        if (!keys.isEmpty()) {
            String k = key(f);
            if (keys.contains(k)) {
                now.put(k, f);
            }
        }
    }

    /**
     * @param framework        the report's framework (null: all)
     * @param narrowed         whether the report is narrowed by a filter or framework
     * @param inScope          whether a finding is in the report's scope
     * @param findingsInScope  how many of the run's findings are in it
     * @param title            a control's title as the report prints it
     * @return null without a previous run
     */
    GapReport.Changes build(ReportInputs in, String framework, boolean narrowed, Predicate<Finding> inScope,
            long findingsInScope, Function<ControlResult, String> title) {
        if (diff == null) {
            return null;
        }
        Map<String, Finding> before = new HashMap<>();
        if (!diff.resolved().isEmpty()) {
            for (Finding f : in.previousFindings()) {
                String k = key(f);
                if (keys.contains(k)) {
                    before.put(k, f);
                }
            }
        }
        List<GapReport.ChangeRow> rows = new ArrayList<>();
        long[] counted = new long[GapReport.Change.values().length];
        long listedNow = 0;
        for (Map.Entry<GapReport.Change, List<RunDiff.FindingChange>> kind : kinds(diff).entrySet()) {
            boolean resolved = kind.getKey() == GapReport.Change.RESOLVED;
            for (RunDiff.FindingChange c : kind.getValue()) {
                Finding is = resolved ? null : now.get(key(c));
                Finding was = resolved ? before.get(key(c)) : null;
                Finding who = is != null ? is : was;
                // without a finding to attribute it by (not expected), only an unnarrowed report lists it
                if (who == null ? narrowed : !inScope.test(who)) {
                    continue;
                }
                rows.add(row(in, kind.getKey(), c, who, is, was));
                counted[kind.getKey().ordinal()]++;
                if (is != null) {
                    listedNow++;
                }
            }
        }
        RunDiff.Counts inScopeCounts = !narrowed ? diff.counts() : new RunDiff.Counts(
                counted[GapReport.Change.NEW.ordinal()], counted[GapReport.Change.RESOLVED.ordinal()],
                counted[GapReport.Change.REGRESSED.ordinal()], counted[GapReport.Change.IMPROVED.ordinal()],
                counted[GapReport.Change.CHANGED.ordinal()],
                // the report's findings the diff does not list (exact unless the run's lists were cut)
                Math.max(0, findingsInScope - listedNow));
        return new GapReport.Changes(diff.previousId(), diff.previousAsOf(), diff.counts(), inScopeCounts, narrowed,
                diff.truncated(), diff.listLimit(), frameworks(in, framework), controls(in, framework, title), rows,
                diff.basis() == null ? null : diff.basis().sentence());
    }

    private static GapReport.ChangeRow row(ReportInputs in, GapReport.Change kind, RunDiff.FindingChange c, Finding who,
            Finding is, Finding was) {
        Check check = in.checks().get(c.checkId());
        String owner = who == null ? null : who.owner();
        return new GapReport.ChangeRow(kind, c.checkId(), c.variant(), check == null ? c.checkId() : check.title(),
                check == null ? null : check.severity(), c.subjectType(), c.subjectId(), owner,
                in.evidence().person(owner).map(PersonRecord::name).orElse(null), who == null ? null : who.team(),
                who == null ? null : who.environment(), c.previousResult(), c.previousScore(), c.result(), c.score(),
                is == null ? null : is.reason(), was == null ? null : was.reason());
    }

    private List<GapReport.ScoreChange> frameworks(ReportInputs in, String framework) {
        Map<String, String> names = new HashMap<>();
        in.summary().frameworks().forEach(f -> names.put(f.framework(), f.name()));
        return diff.frameworks().stream().filter(x -> framework == null || x.ref().equals(framework))
                .map(x -> change(x, x.ref(), null, names.getOrDefault(x.ref(), x.ref()))).toList();
    }

    private List<GapReport.ScoreChange> controls(ReportInputs in, String framework, Function<ControlResult, String> title) {
        Map<String, ControlResult> byRef = new HashMap<>();
        in.controls().forEach(c -> byRef.put(c.ref(), c));
        List<GapReport.ScoreChange> out = new ArrayList<>();
        for (RunDiff.ScoreDelta x : diff.controls()) {
            int colon = x.ref().indexOf(':');
            String fw = colon < 0 ? x.ref() : x.ref().substring(0, colon);
            String id = colon < 0 ? "" : x.ref().substring(colon + 1);
            if (framework == null || fw.equals(framework)) {
                ControlResult c = byRef.get(x.ref());
                out.add(change(x, fw, id, c == null ? id : title.apply(c)));
            }
        }
        return out;
    }

    private static GapReport.ScoreChange change(RunDiff.ScoreDelta x, String framework, String controlId, String title) {
        return new GapReport.ScoreChange(framework, controlId, title, x.previousScore(), x.score(), x.delta(),
                x.previousCoverage(), x.coverage(), x.previousStatus(), x.status());
    }

    /** The diff's lists in the order the report lists them. */
    private static Map<GapReport.Change, List<RunDiff.FindingChange>> kinds(RunDiff d) {
        Map<GapReport.Change, List<RunDiff.FindingChange>> kinds = new LinkedHashMap<>();
        kinds.put(GapReport.Change.NEW, d.newFindings());
        kinds.put(GapReport.Change.REGRESSED, d.regressed());
        kinds.put(GapReport.Change.CHANGED, d.changed());
        kinds.put(GapReport.Change.IMPROVED, d.improved());
        kinds.put(GapReport.Change.RESOLVED, d.resolved());
        return kinds;
    }

    private static String key(RunDiff.FindingChange c) {
        return key(c.checkId(), c.variant(), c.subjectType(), c.subjectId());
    }

    private static String key(Finding f) {
        return key(f.checkId(), f.variant(), f.subjectType(), f.subjectId());
    }

    private static String key(String checkId, String variant, String subjectType, String subjectId) {
        return checkId + '|' + variant + '|' + subjectType + '|' + subjectId;
    }
}
