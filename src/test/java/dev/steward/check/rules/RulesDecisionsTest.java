package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.evidence;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.EvidenceRef;
import dev.steward.evidence.DecisionList;
import dev.steward.evidence.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The "decisions" evidence reference of a subject's own list (derived once and remembered) is exactly the one a plain
 * copy of the list gives, whatever extra text each check appends.
 */
class RulesDecisionsTest {

    private static Evidence sample() {
        return evidence(agent("a-1"), credential("c-1", "a-1"), credential("c-2", "a-1"),
                decision("a-1", "c-2").daysAgo(3).tool("crm"),
                decision("a-1", "c-1").daysAgo(9).tool("mail").denied(),
                decision("a-1", "c-1").daysAgo(1).tool("mail"));
    }

    @Test
    void aRememberedReferenceIsTheOneAPlainListGives() {
        Evidence e = sample();
        List<dev.steward.evidence.DecisionAggregate> own = e.decisionsOfPrincipal("a-1");
        assertThat(own).isInstanceOf(DecisionList.class).hasSize(3);
        List<dev.steward.evidence.DecisionAggregate> copy = new ArrayList<>(own);
        for (String extra : new String[] {null, "tools crm, mail", null, "3 complete", ""}) {
            EvidenceRef remembered = Rules.decisions(own, extra);
            assertThat(remembered).isEqualTo(Rules.decisions(copy, extra));
            assertThat(remembered.id()).isEqualTo("agent=a-1;credential=c-1,c-2;days=" + Fixtures.dayAgo(9) + ".."
                    + Fixtures.dayAgo(1));
            assertThat(remembered.detail()).startsWith("3 decisions (2 allowed, 1 denied), first ")
                    .endsWith(extra == null ? "Z" : "; " + extra);
        }
        assertThat(Rules.decisions(e.decisionsOfCredential("c-1"), null))
                .isEqualTo(Rules.decisions(new ArrayList<>(e.decisionsOfCredential("c-1")), null));
    }

    @Test
    void aListDerivesOncePerFunctionAndAnotherFunctionReplacesIt() {
        DecisionList list = (DecisionList) sample().decisionsOfPrincipal("a-1");
        AtomicInteger calls = new AtomicInteger();
        Function<List<dev.steward.evidence.DecisionAggregate>, Integer> size = l -> {
            calls.incrementAndGet();
            return l.size();
        };
        assertThat(list.derive(size)).isEqualTo(3);
        assertThat(list.derive(size)).isEqualTo(3);
        assertThat(calls).hasValue(1);
        Function<List<dev.steward.evidence.DecisionAggregate>, String> first = l -> l.get(0).tool();
        assertThat(list.derive(first)).isNotNull();
        assertThat(list.derive(size)).isEqualTo(3);
        assertThat(calls).as("the other function's value replaced the first").hasValue(2);
    }
}
