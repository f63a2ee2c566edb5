package dev.steward.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.report.AgentRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the gaps page's filters offer (the values among the agents matching the other filters), when a list becomes a
 * text field, and how a person's name is read.
 */
class GapChoicesTest {

    static final int LIMIT = 10;

    private static AgentRow agent(String id, String team, String env, String owner, String ownerName, String manager,
            String managerName) {
        return new AgentRow(id, id, team, env, "supervised", "active", owner, ownerName, "active", manager, managerName, null,
                null, null, null, null, null, null, null, null, null, 0, List.of());
    }

    private static final List<AgentRow> ORG = List.of(
            agent("a1", "payments", "prod", "p-1", "Priya Natarajan", "m-1", "Ana Silva"),
            agent("a2", "payments", "dev", "p-2", "Bruno Costa", "m-1", "Ana Silva"),
            agent("a3", "identity", "prod", "p-3", "Hana Kobayashi", "m-2", "Dev Patel"),
            agent("a4", "identity", "prod", "p-4", "Hana Kobayashi", "m-2", "Dev Patel"),
            agent("a5", "data", "test", null, null, null, null));

    @Test
    void eachListOffersWhatTheOtherFiltersLeaveAndAlwaysTheValueChosen() {
        GapChoices none = GapChoices.of(ORG, LIMIT, null, null, null, null);
        assertThat(none.values().get("owner")).containsExactly("p-1", "p-2", "p-3", "p-4");
        assertThat(none.values().get("team")).containsExactly("data", "identity", "payments");
        assertThat(none.typed()).isEmpty();

        GapChoices payments = GapChoices.of(ORG, LIMIT, "payments", null, null, null);
        assertThat(payments.values().get("owner")).as("the team's owners only").containsExactly("p-1", "p-2");
        assertThat(payments.values().get("manager")).containsExactly("m-1");
        assertThat(payments.values().get("environment")).containsExactly("dev", "prod");
        assertThat(payments.values().get("team")).as("the team list ignores the team filter itself")
                .containsExactly("data", "identity", "payments");

        GapChoices prodOwner = GapChoices.of(ORG, LIMIT, null, null, "p-3", "prod");
        assertThat(prodOwner.values().get("team")).containsExactly("identity");
        assertThat(prodOwner.values().get("environment")).containsExactly("prod");

        GapChoices mismatch = GapChoices.of(ORG, LIMIT, "payments", null, "p-3", null);
        assertThat(mismatch.values().get("owner")).as("the chosen owner stays selectable").containsExactly("p-1", "p-2", "p-3");
        assertThat(mismatch.filter().owner()).isEqualTo("p-3");
    }

    @Test
    void aPersonIsGivenByIdOrByTheirOneNameAndASharedNameIsNotGuessed() {
        GapChoices byName = GapChoices.of(ORG, LIMIT, null, " ana silva ", "PRIYA natarajan", null);
        assertThat(byName.filter().manager()).isEqualTo("m-1");
        assertThat(byName.filter().owner()).isEqualTo("p-1");
        assertThat(byName.ambiguous()).isEmpty();

        GapChoices shared = GapChoices.of(ORG, LIMIT, null, null, "Hana Kobayashi", null);
        assertThat(shared.ambiguous()).isEqualTo(Map.of("owner", List.of("p-3", "p-4")));
        assertThat(ORG.stream().filter(shared.filter()::matches)).as("matches neither until one is chosen").isEmpty();

        GapChoices unknown = GapChoices.of(ORG, LIMIT, null, null, "nobody", null);
        assertThat(unknown.ambiguous()).isEmpty();
        assertThat(ORG.stream().filter(unknown.filter()::matches)).isEmpty();
        assertThat(GapChoices.of(ORG, LIMIT, null, null, "p-2", null).filter().owner()).isEqualTo("p-2");
    }

    @Test
    void aListLongerThanTheLimitBecomesATextField() {
        List<AgentRow> many = new ArrayList<>(ORG);
        for (int i = 0; i <= LIMIT; i++) {
            many.add(agent("x" + i, "big", "prod", "o-" + i, "Owner " + i, "m-9", "Mo"));
        }
        GapChoices all = GapChoices.of(many, LIMIT, null, null, null, null);
        assertThat(all.values().get("owner")).hasSize(LIMIT + 5);
        assertThat(all.typed()).containsExactly("owner");
        assertThat(GapChoices.of(many, LIMIT, "payments", null, null, null).typed()).as("a team's owners fit a list").isEmpty();
    }
}
