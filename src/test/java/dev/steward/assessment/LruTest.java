package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The package's small caches drop the entry read least recently once they hold more than their size. */
class LruTest {

    @Test
    void dropsTheLeastRecentlyReadEntryPastItsSize() {
        Map<String, Integer> m = Lru.map(2);
        m.put("a", 1);
        m.put("b", 2);
        assertThat(m.get("a")).isEqualTo(1); // a read: b is now the least recently used
        m.put("c", 3);
        assertThat(m).containsOnlyKeys("a", "c");
        m.put("d", 4);
        assertThat(m).containsOnlyKeys("c", "d");
    }
}
