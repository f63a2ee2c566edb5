package dev.steward.assessment;

import dev.steward.check.Check;
import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.evidence.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** A check whose results a test dictates, so scoring can be tested on exact numbers. */
final class ScriptedCheck implements Check {

    private final String id;
    private final Severity severity;
    private final SubjectType subjectType;
    private final List<ParameterSpec> parameters;
    private final BiFunction<Evidence, Parameters, Map<String, Object>> script;

    private ScriptedCheck(String id, Severity severity, SubjectType subjectType, List<ParameterSpec> parameters,
            BiFunction<Evidence, Parameters, Map<String, Object>> script) {
        this.id = id;
        this.severity = severity;
        this.subjectType = subjectType;
        this.parameters = parameters;
        this.script = script;
    }

    /** A check giving fixed results: subject id to a {@link Result} or a Double (PARTIAL score). */
    static ScriptedCheck of(String id, Severity severity, SubjectType type, Object... subjectsAndResults) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        for (int i = 0; i < subjectsAndResults.length; i += 2) {
            fixed.put((String) subjectsAndResults[i], subjectsAndResults[i + 1]);
        }
        return new ScriptedCheck(id, severity, type, List.of(), (e, p) -> fixed);
    }

    static ScriptedCheck withParameters(String id, Severity severity, SubjectType type, List<ParameterSpec> parameters,
            BiFunction<Evidence, Parameters, Map<String, Object>> script) {
        return new ScriptedCheck(id, severity, type, parameters, script);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return "scripted " + id;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public SubjectType subjectType() {
        return subjectType;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    @Override
    public String remediation() {
        return "fix it";
    }

    @Override
    public List<CheckResult> evaluate(Evidence evidence, Parameters params) {
        List<CheckResult> out = new ArrayList<>();
        script.apply(evidence, params).forEach((subject, r) -> {
            Result result = r instanceof Double ? Result.PARTIAL : (Result) r;
            Double score = r instanceof Double d ? d : null;
            out.add(new CheckResult(id, subjectType, subject, result, score, id + " says " + result + " for " + subject,
                    List.of(EvidenceRef.of(subjectType.json(), subject, "scripted"))));
        });
        return out;
    }
}
