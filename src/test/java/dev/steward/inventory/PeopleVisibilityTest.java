package dev.steward.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.PersonRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whom a manager sees in the people directory: its teams, and the people its teams' agents name, chains bounded. */
class PeopleVisibilityTest {

    private static PersonRecord person(String id, String team, String manager) {
        return new PersonRecord(id, "Name " + id, null, team, manager, "active", null, null);
    }

    private static AgentRecord agent(String id, String team, String owner, String backup) {
        return new AgentRecord(id, id, null, "prod", team, owner, backup, "active", null, null, null, null, null, null,
                null, null, null, null, null, List.of(), List.of(), null);
    }

    @Test
    void anOwnersChainAsFarAsAnAgentsPageShowsIt() {
        List<PersonRecord> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(person("c" + i, "elsewhere", i < 11 ? "c" + (i + 1) : null));
        }
        people.add(person("member", "ops", null));
        people.add(person("backup", "elsewhere", "c5"));
        people.add(person("stranger", "elsewhere", null));
        List<AgentRecord> agents = List.of(agent("bot", "ops", "c0", "backup"), agent("other", "pay", "stranger", null));
        Set<String> seen = PeopleQueries.visible(people, agents, Set.of("ops"));
        List<String> chain = new ArrayList<>();
        for (int i = 0; i < PeopleQueries.CHAIN_DEPTH; i++) {
            chain.add("c" + i);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(chain.stream(), java.util.stream.Stream.of("member", "backup")).toList());
        assertThat(seen).doesNotContain("c" + PeopleQueries.CHAIN_DEPTH, "stranger");
    }

    @Test
    void aCycleOfManagersEndsAndAnOwnerOutsideTheDirectoryIsStillNamed() {
        List<PersonRecord> people = List.of(person("a", "x", "b"), person("b", "x", "a"));
        assertThat(PeopleQueries.visible(people, List.of(agent("bot", "ops", "a", null), agent("ghost", "ops", "gone",
                null)), Set.of("ops"))).containsExactlyInAnyOrder("a", "b", "gone");
        assertThat(PeopleQueries.visible(people, List.of(agent("bot", "ops", "a", null)), Set.of("pay"))).isEmpty();
    }
}
