package dev.steward.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.check.Check;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry validates once at start-up, with the configured folder, and fails start-up on bad mappings. */
class MappingRegistryTest {

    @TempDir
    Path dir;

    private static MappingConfig config(Optional<Path> dir) {
        return new MappingConfig() {
            @Override
            public Optional<Path> dir() {
                return dir;
            }

            @Override
            public long maxFileBytes() {
                return MappingLoader.DEFAULT_MAX_FILE_BYTES;
            }
        };
    }

    @Test
    void loadsAtStartupOnceAndServesTheSameSet() {
        AtomicInteger lookups = new AtomicInteger();
        MappingRegistry registry = new MappingRegistry(config(Optional.empty()), () -> {
            lookups.incrementAndGet();
            return FakeChecks.catalog();
        });

        registry.onStart(null);
        MappingSet first = registry.current();

        assertThat(registry.current()).isSameAs(first);
        assertThat(lookups).hasValue(1);
        assertThat(first.frameworks()).hasSize(5);
    }

    @Test
    void usesTheConfiguredUserFolder() throws IOException {
        Files.writeString(dir.resolve("extra.yaml"), MappingValidationTest.framework("extra",
                MappingValidationTest.GROUP, MappingValidationTest.LEAF));
        MappingRegistry registry = new MappingRegistry(config(Optional.of(dir)), FakeChecks::catalog);
        assertThat(registry.current().frameworks()).containsKey("extra");
    }

    @Test
    void startupFailsWithEveryErrorWhenChecksAreMissing() {
        List<Check> none = List.of();
        MappingRegistry registry = new MappingRegistry(config(Optional.empty()), () -> none);
        assertThatThrownBy(registry::current).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.errors()).hasSizeGreaterThan(29)
                        .allSatisfy(error -> assertThat(error.message()).startsWith("unknown check '")));
        // at start-up the same list is the whole message of an exception Quarkus prints alone, without a stack trace
        // (a configuration problem that is the root cause)
        assertThatThrownBy(() -> registry.onStart(null)).isInstanceOfSatisfying(ConfigurationException.class, e -> {
            assertThat(e.getCause()).isNull();
            assertThat(e.getMessage()).startsWith("Steward does not start: its mappings do not load. ")
                    .contains("mapping errors:").contains("unknown check 'OWN-1'");
        });
    }

    @Test
    void aBadUserFolderIsNamedInTheStartUpError() throws IOException {
        Files.writeString(dir.resolve("policy.yaml"), MappingValidationTest.framework("policy",
                MappingValidationTest.GROUP, MappingValidationTest.LEAF).replace("OWN-1", "OWN-99"));
        MappingRegistry registry = new MappingRegistry(config(Optional.of(dir)), FakeChecks::catalog);
        assertThatThrownBy(() -> registry.onStart(null)).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.getMessage()).contains("steward.mappings.dir " + dir).contains("policy.yaml")
                        .contains("OWN-99"));
    }
}
