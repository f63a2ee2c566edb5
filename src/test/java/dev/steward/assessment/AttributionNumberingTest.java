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
}
