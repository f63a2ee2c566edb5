package dev.steward.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A value's product is made once while the value is cached, from a copy of it, and made again after the cache clears. */
class PerValueTest {

    @Test
    void makesOncePerValueFromACopyAndAgainOnceTheCacheClears() {
        AtomicInteger made = new AtomicInteger();
        PerValue<String> joined = new PerValue<>(v -> {
            made.incrementAndGet();
            return String.join("|", v);
        });
        List<String> value = new ArrayList<>(List.of("a", "b"));
        assertThat(joined.of(value)).isEqualTo("a|b");
        value.add("c");
        assertThat(joined.of(List.of("a", "b"))).as("the cached copy, not the caller's changed list").isEqualTo("a|b");
        assertThat(made).hasValue(1);
        assertThat(joined.of(value)).isEqualTo("a|b|c");
        assertThat(made).hasValue(2);
        for (int i = 0; i < 100; i++) {
            assertThat(joined.of(List.of("v" + i))).isEqualTo("v" + i);
        }
        assertThat(made).as("every new value made once").hasValue(102);
        assertThat(joined.of(List.of("a", "b"))).as("an early value, cleared away since, is made again").isEqualTo("a|b");
        assertThat(made).hasValue(103);
    }
}
