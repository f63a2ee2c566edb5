package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.mapping.MappingError;
import dev.steward.mapping.MappingException;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A start that fails on the user's own files or settings is told in one message (StewardMain's exit handler prints it
 * instead of the start-up stack trace); any other failure keeps the stack trace.
 */
class StartFailureTest {

    @Test
    void mappingsThatDoNotLoadAreListedWhateverWrapsThem() {
        MappingException bad = new MappingException(List.of(
                new MappingError("/srv/policy/acme.yaml", "control AP-2", "check CRD-2 has no parameter 'maxRotationDays'"),
                new MappingError("/srv/policy/acme.yaml", "framework acme", "source: does not match the regex pattern")));
        Throwable atStart = new RuntimeException("Failed to start quarkus", new IllegalStateException("observer", bad));

        assertThat(StewardMain.told(atStart)).hasValueSatisfying(m -> assertThat(m)
                .startsWith("error: Steward does not start: its mappings do not load. ")
                .contains("/srv/policy/acme.yaml").contains("control AP-2").contains("maxRotationDays")
                .contains("framework acme"));
    }

    @Test
    void aBadSettingIsToldAndAnythingElseIsNot() {
        assertThat(StewardMain.told(new RuntimeException(new ConfigurationException("steward.web.idle-timeout: not a duration"))))
                .hasValue("error: Steward does not start: steward.web.idle-timeout: not a duration");
        assertThat(StewardMain.told(new RuntimeException("Failed to start quarkus", new IllegalStateException("boom"))))
                .isEmpty();
    }
}
