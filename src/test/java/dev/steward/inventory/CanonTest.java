package dev.steward.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One instance per distinct text of a load, however many texts (the table grows), and nothing changed. */
class CanonTest {

    @Test
    void equalTextsAreOneInstanceAcrossGrowth() {
        Canon canon = new Canon();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String s = "agent-" + i;
            assertThat(canon.of(s)).isSameAs(s);
            first.add(s);
        }
        for (int i = 0; i < 20_000; i++) {
            String again = new String("agent-" + i);
            assertThat(canon.of(again)).isSameAs(first.get(i)).isEqualTo(again);
        }
        assertThat(canon.of(null)).isNull();
        assertThat(canon.of("")).isSameAs(canon.of(new String("")));
        // texts whose hashes collide stay apart
        assertThat(canon.of("Aa")).isNotSameAs(canon.of("BB")).isEqualTo("Aa");
        assertThat(canon.of("BB")).isEqualTo("BB");
    }
}
