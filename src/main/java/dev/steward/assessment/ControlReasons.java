package dev.steward.assessment;

import dev.steward.check.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Says in words why a scored control has its status and how its score and coverage were computed, by the rules of
 * {@link ControlScorer} and the thresholds the run used. A reader who sees "not satisfied" beside a score of 96 % learns
 * that a critical check fails; one who sees "partially satisfied" learns which limit was missed. Reads the control as
 * the whole organisation's run scored it (not narrowed to a manager's teams), and names checks, never subjects.
 */
public final class ControlReasons {

    private ControlReasons() {
    }

    /** Why the control has its status. */
    public static String status(ControlResult c, List<ControlResult> children, Thresholds t) {
        return switch (c.status()) {
            case OUT_OF_SCOPE -> sentence("Out of scope: " + Objects.requireNonNullElse(c.outOfScopeReason(),
                    "marked so by its mapping"));
            case MANUAL -> c.group()
                    ? "Every in-scope sub-control asks only for manual evidence, and no attestation in force at the as-of instant"
                            + " answers any of it."
                    : "It asks only for manual evidence, and no attestation in force at the as-of instant answers it.";
            case NOT_ASSESSED -> notAssessed(c);
            case NOT_SATISFIED -> notSatisfied(c, children, t);
            case SATISFIED -> "Its score " + pct(c.score()) + " is at least " + pct(t.satisfiedMinScore()) + " and its coverage "
                    + pct(c.coverage()) + " at least " + pct(t.satisfiedMinCoverage()) + ", with no critical check failing.";
            case PARTIALLY_SATISFIED -> partially(c, t);
        };
    }

    /** How the score and coverage were computed; null when the control has no score. */
    public static String score(ControlResult c, List<ControlResult> children) {
        if (c.score() == null && c.coverage() == null) {
            return null;
        }
        if (c.group()) {
            long scored = children.stream().filter(Objects::nonNull).filter(k -> k.status() != ControlStatus.OUT_OF_SCOPE).count();
            return "Score and coverage are the plain means of its " + scored + " in-scope sub-control" + (scored == 1 ? "" : "s")
                    + (c.checks().isEmpty() ? "" : ", with its own checks as one more part") + "; a part without a score or"
                    + " coverage is left out of that mean.";
        }
        if (c.checks().isEmpty()) {
            int items = c.manualEvidence().size();
            return "No check judges it: attested manual evidence scores 100%, and its coverage is the share of its " + items
                    + " manual evidence item" + (items == 1 ? "" : "s") + " answered by an attestation in force.";
        }
        List<String> weights = new ArrayList<>();
        c.checks().forEach(k -> weights.add(k.checkId() + " x" + k.weight()));
        return "Score and coverage are the means of its " + c.checks().size() + " check" + (c.checks().size() == 1 ? "" : "s")
                + "' scores and coverage, weighted by the mapping (" + String.join(", ", weights) + "); a check that gave"
                + " no score is left out.";
    }

    /** The text with a full stop at its end, unless it already ends a sentence (a mapping's reason usually does). */
    static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    private static String notAssessed(ControlResult c) {
        if (c.group()) {
            return "None of its sub-controls" + (c.checks().isEmpty() ? "" : " or its own checks") + " gave a score.";
        }
        if (c.checks().isEmpty()) {
            return "No check and no manual evidence is mapped to it.";
        }
        return "None of its checks gave a score: every result was not applicable or insufficient evidence.";
    }

    private static String notSatisfied(ControlResult c, List<ControlResult> children, Thresholds t) {
        if (!c.criticalFail()) {
            return "Its score " + pct(c.score()) + " is below " + pct(t.notSatisfiedBelow()) + ".";
        }
        List<String> own = c.checks().stream().filter(k -> k.severity() == Severity.CRITICAL && k.fails() > 0)
                .map(k -> k.checkId() + ("default".equals(k.variant()) ? "" : " (" + k.variant() + ")")).distinct().toList();
        List<String> subs = children.stream().filter(Objects::nonNull).filter(ControlResult::criticalFail)
                .map(ControlResult::controlId).toList();
        List<String> where = new ArrayList<>();
        if (!own.isEmpty()) {
            where.add("critical check" + (own.size() == 1 ? " " : "s ") + String.join(", ", own) + " fail"
                    + (own.size() == 1 ? "s" : ""));
        }
        if (!subs.isEmpty()) {
            where.add("a critical check fails in sub-control" + (subs.size() == 1 ? " " : "s ") + String.join(", ", subs));
        }
        String what = where.isEmpty() ? "a critical check fails" : String.join(", and ", where);
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + " for at least one subject: a control with a"
                + " critical FAIL is not satisfied whatever its score (" + pct(c.score()) + ").";
    }

    private static String partially(ControlResult c, Thresholds t) {
        List<String> missed = new ArrayList<>();
        if (c.score() != null && c.score() < t.satisfiedMinScore()) {
            missed.add("its score " + pct(c.score()) + " is below " + pct(t.satisfiedMinScore()));
        }
        if (c.coverage() == null || c.coverage() < t.satisfiedMinCoverage()) {
            missed.add("its coverage " + pct(c.coverage()) + " is below " + pct(t.satisfiedMinCoverage()));
        }
        return "No critical check fails and its score is at least " + pct(t.notSatisfiedBelow()) + ", but "
                + String.join(" and ", missed) + ".";
    }

    private static String pct(Double share) {
        if (share == null) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.2f", share * 100);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s + "%";
    }
}
