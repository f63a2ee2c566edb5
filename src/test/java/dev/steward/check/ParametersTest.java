package dev.steward.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values resolve per environment (the environment's own value, then the general one, then the spec's environment
 * default, then its default) and keep resolving so when each typed value is parsed once and remembered: asked in any
 * order, for several environments, again and again.
 */
class ParametersTest {

    private static final List<ParameterSpec> SPECS = List.of(
            new ParameterSpec("maxAge", ParameterSpec.Type.DURATION, "P90D", Map.of("dev", "P180D"), "age"),
            ParameterSpec.of("minShare", ParameterSpec.Type.DECIMAL, "0.95", "share"),
            ParameterSpec.of("limit", ParameterSpec.Type.INTEGER, "3", "limit"),
            ParameterSpec.of("tools", ParameterSpec.Type.LIST, "", "tools"));

    @Test
    void eachEnvironmentGetsItsOwnValueEveryTimeItAsks() {
        Parameters p = new Parameters(SPECS, Map.of("limit", "5"),
                Map.of("prod", Map.of("maxAge", "P30D", "minShare", "0.99", "tools", "a, b,,c")));
        for (int round = 0; round < 3; round++) {
            assertThat(p.duration("maxAge", "prod")).isEqualTo(Duration.ofDays(30));
            assertThat(p.duration("maxAge", "PROD")).as("environments are matched without case").isEqualTo(Duration.ofDays(30));
            assertThat(p.duration("maxAge", "dev")).isEqualTo(Duration.ofDays(180));
            assertThat(p.duration("maxAge", "staging")).isEqualTo(Duration.ofDays(90));
            assertThat(p.duration("maxAge", null)).isEqualTo(Duration.ofDays(90));
            assertThat(p.decimal("minShare", "prod")).isEqualTo(0.99);
            assertThat(p.decimal("minShare", null)).isEqualTo(0.95);
            assertThat(p.integer("limit", "prod")).isEqualTo(5);
            assertThat(p.integer("limit", null)).isEqualTo(5);
            assertThat(p.list("tools", "prod")).containsExactly("a", "b", "c");
            assertThat(p.list("tools", "dev")).isEmpty();
        }
    }

    @Test
    void aValueThatDoesNotParseFailsEveryTimeAndAnUnknownNameIsRefused() {
        Parameters p = new Parameters(SPECS, Map.of(), Map.of("prod", Map.of("limit", "many")));
        for (int round = 0; round < 2; round++) {
            assertThatThrownBy(() -> p.integer("limit", "prod")).isInstanceOf(NumberFormatException.class);
            assertThat(p.integer("limit", "dev")).isEqualTo(3);
            assertThatThrownBy(() -> p.decimal("nope", "prod")).hasMessageContaining("unknown parameter 'nope'");
        }
    }
}
