package dev.steward.sampledata;

import dev.steward.check.Result;
import dev.steward.check.SubjectType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The results the curated organisation is built to produce, per check and result, with a one-line why. FAIL lists
 * are complete (every failing subject); the other lists name the planted cases. Subjects are the spec objects
 * (ids of credentials are given late) or principal ids; reasons may be computed late from the generated decisions.
 */
final class Expectations {

    /** The 29 checks of CHECKS.md, in catalog order, with their subject type. */
    static final Map<String, SubjectType> CHECKS = new LinkedHashMap<>();

    static {
        String[][] table = {
            {"INV-1", "P"}, {"OWN-1", "A"}, {"OWN-2", "A"}, {"OWN-3", "A"}, {"OWN-4", "A"}, {"OWN-5", "A"},
            {"LIF-1", "K"}, {"LIF-2", "K"}, {"LIF-3", "A"}, {"LIF-4", "K"},
            {"IDN-1", "A"}, {"IDN-2", "K"}, {"IDN-3", "K"},
            {"CRD-1", "K"}, {"CRD-2", "K"}, {"CRD-3", "K"}, {"CRD-4", "K"}, {"CRD-5", "K"},
            {"AUT-1", "A"}, {"AUT-2", "A"}, {"AUT-3", "A"}, {"AUT-4", "A"}, {"AUT-5", "A"}, {"AUT-6", "A"},
            {"LOG-1", "A"}, {"LOG-2", "A"}, {"DET-1", "A"}, {"HUM-1", "K"}, {"TPV-1", "A"},
        };
        for (String[] row : table) {
            CHECKS.put(row[0], switch (row[1]) {
                case "A" -> SubjectType.AGENT;
                case "K" -> SubjectType.CREDENTIAL;
                default -> SubjectType.PRINCIPAL;
            });
        }
    }

    /** One expected result. {@code score} is set for PARTIAL when the check defines it. */
    record Entry(Object subject, Result result, Supplier<Double> score, Supplier<String> why) {

        String subjectId() {
            return subject.toString();
        }
    }

    private final Map<String, Map<Result, List<Entry>>> byCheck = new LinkedHashMap<>();

    Expectations() {
        CHECKS.keySet().forEach(id -> byCheck.put(id, new EnumMap<>(Result.class)));
    }

    Expectations add(String check, Result result, Object subject, String why) {
        return add(check, result, subject, null, () -> why);
    }

    Expectations add(String check, Result result, Object subject, Supplier<Double> score, Supplier<String> why) {
        Map<Result, List<Entry>> results = byCheck.get(check);
        if (results == null) {
            throw new IllegalArgumentException("unknown check " + check + "; known: " + CHECKS.keySet());
        }
        results.computeIfAbsent(result, r -> new ArrayList<>()).add(new Entry(subject, result, score, why));
        return this;
    }

    Expectations fail(String check, Object subject, String why) {
        return add(check, Result.FAIL, subject, why);
    }

    Expectations pass(String check, Object subject, String why) {
        return add(check, Result.PASS, subject, why);
    }

    Expectations na(String check, Object subject, String why) {
        return add(check, Result.NOT_APPLICABLE, subject, why);
    }

    Expectations insufficient(String check, Object subject, String why) {
        return add(check, Result.INSUFFICIENT_EVIDENCE, subject, why);
    }

    Expectations partial(String check, Object subject, double score, String why) {
        return add(check, Result.PARTIAL, subject, () -> score, () -> why);
    }

    /** Expected entries of a check, by result in enum order, subjects in id order. */
    Map<Result, List<Entry>> of(String check) {
        Map<Result, List<Entry>> sorted = new EnumMap<>(Result.class);
        byCheck.get(check).forEach((r, list) -> {
            List<Entry> copy = new ArrayList<>(list);
            copy.sort((a, b) -> a.subjectId().compareTo(b.subjectId()));
            sorted.put(r, copy);
        });
        return sorted;
    }

    /** Throws when one subject was given two results for one check (a contradiction in the plants). */
    void verifyNoContradiction() {
        byCheck.forEach((check, results) -> {
            Map<String, Result> seen = new LinkedHashMap<>();
            results.values().forEach(list -> list.forEach(e -> {
                Result before = seen.put(e.subjectId(), e.result());
                if (before != null) {
                    throw new IllegalStateException(check + " " + e.subjectId() + " expected both " + before
                            + " and " + e.result());
                }
            }));
        });
    }
}
