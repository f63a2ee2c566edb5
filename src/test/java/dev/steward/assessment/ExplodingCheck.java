package dev.steward.assessment;

import dev.steward.check.Check;
import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * A check that fails with an exception when {@link #armed}, else judges every agent NOT_APPLICABLE: added to the
 * catalog by {@link ParallelAssessmentContract} to show that an exception inside a check on a worker thread fails the
 * run and stores nothing.
 */
final class ExplodingCheck implements Check {

    static final String ID = "ZZZ-1";

    /** Whether the next evaluation throws. */
    static volatile boolean armed;
    /** The thread of the last evaluation. */
    static volatile String thread;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "explodes on demand";
    }

    @Override
    public Severity severity() {
        return Severity.LOW;
    }

    @Override
    public SubjectType subjectType() {
        return SubjectType.AGENT;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public String remediation() {
        return "none";
    }

    @Override
    public List<CheckResult> evaluate(Evidence evidence, Parameters parameters) {
        thread = Thread.currentThread().getName();
        if (armed) {
            throw new IllegalStateException("the exploding check exploded");
        }
        List<CheckResult> out = new ArrayList<>();
        for (AgentRecord a : evidence.subjectAgents()) {
            out.add(new CheckResult(ID, SubjectType.AGENT, a.id(), dev.steward.check.Result.NOT_APPLICABLE, null,
                    "not judged", List.of(EvidenceRef.of("agent", a.id(), "not judged"))));
        }
        return out;
    }
}
