package dev.steward.assessment;

import dev.steward.check.Check;
import dev.steward.check.CheckCatalog;
import dev.steward.check.Parameters;
import dev.steward.mapping.CheckRef;
import dev.steward.mapping.Control;
import dev.steward.mapping.Framework;
import dev.steward.mapping.MappingSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which evaluations an assessment makes: every check of the catalog once with its configured parameters (the
 * {@value Evaluation#DEFAULT} variant, which also feeds roll-ups and recommendations), plus once per distinct set of
 * parameters that mapping files override for a control. A control override applies to every environment: it
 * replaces the configured value of that parameter, general and per environment. Two overrides that end in the same
 * effective parameters share one evaluation. Order: catalog order, the default variant first, then by variant label.
 */
public final class EvaluationPlan {

    private final List<Evaluation> evaluations;
    private final Map<String, Evaluation> byCanonical;
    private final CheckSettings settings;

    private EvaluationPlan(List<Evaluation> evaluations, Map<String, Evaluation> byCanonical, CheckSettings settings) {
        this.evaluations = evaluations;
        this.byCanonical = byCanonical;
        this.settings = settings;
    }

    public static EvaluationPlan of(CheckCatalog catalog, MappingSet mappings, CheckSettings settings) {
        Map<String, Map<String, Variant>> variants = new LinkedHashMap<>();
        for (Check check : catalog.all()) {
            Map<String, Variant> forCheck = new HashMap<>();
            Variant base = new Variant(Evaluation.DEFAULT, settings.values(check.id()), settings.perEnvironment(check.id()));
            forCheck.put(base.canonical(), base);
            variants.put(check.id(), forCheck);
        }
        for (Framework framework : mappings.frameworks().values()) {
            for (Control control : framework.controls()) {
                for (CheckRef ref : control.checks()) {
                    Map<String, Variant> forCheck = variants.get(ref.id());
                    if (forCheck == null) {
                        continue;
                    }
                    Variant v = variant(ref, settings);
                    Variant known = forCheck.merge(v.canonical(), v, EvaluationPlan::smallerLabel);
                    known.controls.add(MappingSet.ref(framework.id(), control.id()));
                }
            }
        }
        List<Evaluation> evaluations = new ArrayList<>();
        Map<String, Evaluation> byCanonical = new HashMap<>();
        for (Check check : catalog.all()) {
            List<Variant> ordered = new ArrayList<>(variants.get(check.id()).values());
            ordered.sort((a, b) -> a.label.equals(b.label) ? 0 : Evaluation.DEFAULT.equals(a.label) ? -1
                    : Evaluation.DEFAULT.equals(b.label) ? 1 : a.label.compareTo(b.label));
            for (Variant v : ordered) {
                Evaluation e = new Evaluation(check, v.label, new Parameters(check.parameters(), v.values, v.perEnv),
                        List.copyOf(v.controls));
                evaluations.add(e);
                byCanonical.put(check.id() + "#" + v.canonical(), e);
            }
        }
        return new EvaluationPlan(List.copyOf(evaluations), byCanonical, settings);
    }

    private static Variant variant(CheckRef ref, CheckSettings settings) {
        if (ref.parameters().isEmpty()) {
            return new Variant(Evaluation.DEFAULT, settings.values(ref.id()), settings.perEnvironment(ref.id()));
        }
        Map<String, String> values = new TreeMap<>(settings.values(ref.id()));
        values.putAll(ref.parameters());
        Map<String, Map<String, String>> perEnv = new TreeMap<>();
        settings.perEnvironment(ref.id()).forEach((env, m) -> {
            Map<String, String> kept = new TreeMap<>(m);
            kept.keySet().removeAll(ref.parameters().keySet());
            if (!kept.isEmpty()) {
                perEnv.put(env, kept);
            }
        });
        StringBuilder label = new StringBuilder();
        new TreeMap<>(ref.parameters())
                .forEach((k, v) -> label.append(label.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return new Variant(label.toString(), values, perEnv);
    }

    /** Of two labels for the same parameters keep the default, else the smaller one, so the choice is stable. */
    private static Variant smallerLabel(Variant a, Variant b) {
        if (Evaluation.DEFAULT.equals(a.label) || a.label.compareTo(b.label) <= 0) {
            return a;
        }
        b.controls.addAll(a.controls);
        return b;
    }

    /** Every evaluation in run order. */
    public List<Evaluation> evaluations() {
        return evaluations;
    }

    /** The evaluation that scores a control's reference to a check; null when the check is not in the catalog. */
    public Evaluation evaluationFor(CheckRef ref) {
        return byCanonical.get(ref.id() + "#" + variant(ref, settings).canonical());
    }

    private static final class Variant {
        final String label;
        final Map<String, String> values;
        final Map<String, Map<String, String>> perEnv;
        final TreeSet<String> controls = new TreeSet<>();

        Variant(String label, Map<String, String> values, Map<String, Map<String, String>> perEnv) {
            this.label = label;
            this.values = new TreeMap<>(values);
            this.perEnv = new TreeMap<>();
            perEnv.forEach((env, m) -> this.perEnv.put(env, new TreeMap<>(m)));
        }

        String canonical() {
            return values + "|" + perEnv;
        }
    }
}
