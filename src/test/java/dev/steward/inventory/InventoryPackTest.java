package dev.steward.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SourceRef;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packs of inventory records give back every field of every record, nulls included, or fail naming what is wrong. */
class InventoryPackTest {

    private static final Instant T = Instant.parse("2026-10-01T10:15:30.123456Z");

    private static AgentRecord agent(String id, Autonomy autonomy, List<String> tools) {
        return new AgentRecord(id, "Agent é " + id, autonomy, "prod", "payments", "p-ana", "p-bo", "active", T,
                T.minusSeconds(86_400), null, "acme", "spiffe", "spiffe://x/" + id, "#alerts", "pager", "run/book",
                "stop", Instant.ofEpochSecond(-5, 7), tools, List.of("erp:read", "*"), new SourceRef(42, "a.yaml", 7));
    }

    @Test
    void everyFieldOfEveryKindComesBack() {
        List<PersonRecord> people = List.of(new PersonRecord("p-ana", "Ana", "ana@example.com", "payments", null,
                "active", null, new SourceRef(3, "people.csv", 2)), new PersonRecord("p-bo", null, null, null, "p-ana",
                "departed", T, new SourceRef(3, "people.csv", 3)));
        List<AgentRecord> agents = List.of(agent("a-1", Autonomy.AUTONOMOUS, List.of("erp", "mail")),
                agent("a-2", null, List.of()), agent("a-3", Autonomy.SUPERVISED, List.of("erp", "mail")),
                new AgentRecord("a-4", null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, List.of(), List.of(), new SourceRef(42, null, -1)));
        List<CredentialRecord> credentials = List.of(new CredentialRecord("k-1", "api-key", List.of("a-1", "a-2"),
                "prod", "vault", "vault", "kv/x", List.of("erp:read"), T, T.plusSeconds(3600), 3600L, null, T, "active",
                null, T, "repo", new SourceRef(42, "a.yaml", 20)), new CredentialRecord("k-2", null, List.of(), null,
                null, null, null, List.of(), null, null, null, null, null, null, null, null, null,
                new SourceRef(42, "a.yaml", 30)));
        try (InventoryPack.Encoder e = new InventoryPack.Encoder()) {
            Canon canon = new Canon();
            assertThat(InventoryPack.decode(e.encode(InventoryPack.Section.PEOPLE, people), InventoryPack.Section.PEOPLE,
                    canon)).containsExactlyElementsOf(people);
            List<Object> back = InventoryPack.decode(e.encode(InventoryPack.Section.AGENTS, agents),
                    InventoryPack.Section.AGENTS, canon);
            assertThat(back).containsExactlyElementsOf(agents);
            // equal texts and lists of one load are one instance
            AgentRecord first = (AgentRecord) back.get(0);
            AgentRecord third = (AgentRecord) back.get(2);
            assertThat(third.team()).isSameAs(first.team());
            assertThat(third.tools()).isSameAs(first.tools());
            assertThat(InventoryPack.decode(e.encode(InventoryPack.Section.CREDENTIALS, credentials),
                    InventoryPack.Section.CREDENTIALS, canon)).containsExactlyElementsOf(credentials);
            assertThat(InventoryPack.decode(e.encode(InventoryPack.Section.AGENTS, List.of()),
                    InventoryPack.Section.AGENTS, canon)).isEmpty();
        }
    }

    @Test
    void aPackOfAnotherSectionOrDamagedIsRefused() {
        try (InventoryPack.Encoder e = new InventoryPack.Encoder()) {
            byte[] agents = e.encode(InventoryPack.Section.AGENTS, List.of(agent("a-1", null, List.of())));
            assertThatThrownBy(() -> InventoryPack.decode(agents, InventoryPack.Section.CREDENTIALS, new Canon()))
                    .hasMessage("an inventory pack of credentials holds section 1");
            byte[] cut = Arrays.copyOf(agents, agents.length - 3);
            assertThatThrownBy(() -> InventoryPack.decode(cut, InventoryPack.Section.AGENTS, new Canon()))
                    .hasMessageStartingWith("an inventory pack is corrupt");
        }
    }
}
