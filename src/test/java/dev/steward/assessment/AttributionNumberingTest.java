package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.SubjectType;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.Evidence;
import org.junit.jupiter.api.Test;

/** The ids an attribution gives a subject's texts name those texts, shared across attributions of one run. */
class AttributionNumberingTest {

    private static Evidence evidence() {
        return new Records()
                .person("p-ada", "p-boss")
                .person("p-boss", null)
                .agent("bot-1", Autonomy.AUTONOMOUS, "prod", "payments", "p-ada")
                .agent("bot-2", Autonomy.SUPERVISED, "dev", "payments", null)
                .credential("cred-1", null, "bot-1")
                .evidence();
    }

    @Test
    void eachSubjectCarriesTheIdsOfItsTexts() {
        TextIds numbering = new TextIds();
        Evidence ev = evidence();
        Attribution.Subject bot1 = new Attribution(ev, numbering).of(SubjectType.AGENT, "bot-1");
        assertThat(numbering.text(bot1.ownerId())).isEqualTo("p-ada").isEqualTo(bot1.owner());
        assertThat(numbering.text(bot1.teamId())).isEqualTo("payments");
        assertThat(numbering.text(bot1.managerId())).isEqualTo("p-boss");
        assertThat(numbering.text(bot1.environmentId())).isEqualTo("prod");

        Attribution.Subject bot2 = new Attribution(ev, numbering).of(SubjectType.AGENT, "bot-2");
        assertThat(bot2.ownerId()).isEqualTo(-1);
        assertThat(bot2.managerId()).isEqualTo(-1);
        assertThat(bot2.teamId()).as("same text, same id across attributions").isEqualTo(bot1.teamId());
        assertThat(numbering.text(bot2.environmentId())).isEqualTo("dev");

        Attribution.Subject cred = new Attribution(ev, numbering).of(SubjectType.CREDENTIAL, "cred-1");
        assertThat(cred.ownerId()).isEqualTo(bot1.ownerId());
        assertThat(cred.environmentId()).isEqualTo(bot1.environmentId());
    }

    @Test
    void withoutNumberingEveryIdIsMinusOne() {
        Attribution.Subject bot1 = new Attribution(evidence()).of(SubjectType.AGENT, "bot-1");
        assertThat(bot1.owner()).isEqualTo("p-ada");
        assertThat(new int[] {bot1.ownerId(), bot1.teamId(), bot1.managerId(), bot1.environmentId()})
                .containsOnly(-1);
    }

    private static dev.steward.check.CheckResult result(SubjectType type, String id) {
        return new dev.steward.check.CheckResult("X-1", type, id, dev.steward.check.Result.PASS, 1.0, "r", java.util.List.of());
    }

    /**
     * Attributing a whole result list gives, position by position, what attributing each result alone gives: for the
     * list the answers were first kept for, a later list of the same subjects, and lists that are shorter, longer,
     * shifted, of mixed types or of another type.
     */
    @Test
    void aListIsAttributedAsEachOfItsResultsAlone() {
        Evidence ev = evidence();
        Attribution attribution = new Attribution(ev, new TextIds());
        Attribution alone = new Attribution(ev, new TextIds());
        java.util.List<java.util.List<dev.steward.check.CheckResult>> lists = java.util.List.of(
                java.util.List.of(result(SubjectType.AGENT, "bot-1"), result(SubjectType.AGENT, "bot-2")),
                java.util.List.of(result(SubjectType.AGENT, new String("bot-1")), result(SubjectType.AGENT, "bot-2")),
                java.util.List.of(result(SubjectType.AGENT, "bot-2")),
                java.util.List.of(result(SubjectType.AGENT, "bot-2"), result(SubjectType.AGENT, "bot-1"),
                        result(SubjectType.AGENT, "ghost")),
                java.util.List.of(result(SubjectType.AGENT, "bot-1"), result(SubjectType.CREDENTIAL, "cred-1")),
                java.util.List.of(result(SubjectType.CREDENTIAL, "cred-1"), result(SubjectType.CREDENTIAL, "bot-1")),
                java.util.List.of(result(SubjectType.PRINCIPAL, "bot-2"), result(SubjectType.PRINCIPAL, "shadow")),
                java.util.List.of());
        for (java.util.List<dev.steward.check.CheckResult> list : lists) {
            Attribution.Subject[] got = attribution.of(list);
            assertThat(got).hasSize(list.size());
            for (int i = 0; i < list.size(); i++) {
                Attribution.Subject expected = alone.of(list.get(i).subjectType(), list.get(i).subjectId());
                assertThat(got[i].owner()).as("%s %s", list, i).isEqualTo(expected.owner());
                assertThat(got[i].environment()).isEqualTo(expected.environment());
                assertThat(got[i].weight()).isEqualTo(expected.weight());
            }
        }
        assertThat(attribution.of(lists.get(3))[0].environment()).as("bot-2 at bot-1's position").isEqualTo("dev");
    }
}
