package dev.steward.mapping;

import static dev.steward.mapping.MappingValidationTest.GROUP;
import static dev.steward.mapping.MappingValidationTest.LEAF;
import static dev.steward.mapping.MappingValidationTest.crosswalk;
import static dev.steward.mapping.MappingValidationTest.file;
import static dev.steward.mapping.MappingValidationTest.framework;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user folder adds or replaces files without a rebuild, and the mapping version follows every byte. */
class MappingLoaderTest {

    @TempDir
    Path dir;

    private final MappingLoader loader = new MappingLoader(FakeChecks.catalog());

    @Test
    void userFolderAddsAFrameworkAndACrosswalkToABundledOne() throws IOException {
        write("team/internal-policy.yaml", framework("internal-policy", GROUP, LEAF));
        write("crosswalks/internal-policy--owasp-nhi-2025.yaml", crosswalk("internal-policy--owasp-nhi-2025", "internal-policy",
                "owasp-nhi-2025", "{source: G.1, target: NHI1, relationship: intersects-with, rationale: ownership}"));
        MappingSet bundledOnly = loader.load(Optional.empty());

        MappingSet set = loader.load(Optional.of(dir));

        assertThat(set.frameworks()).containsKeys("internal-policy", "owasp-nhi-2025", "nist-csf-2.0");
        assertThat(set.origin("internal-policy")).contains(dir.resolve("team/internal-policy.yaml").toString());
        assertThat(set.controlsForCheck("OWN-1")).contains("internal-policy:G.1", "owasp-nhi-2025:NHI1");
        assertThat(set.crosswalkTargets("owasp-nhi-2025", "NHI1")).extracting(CrosswalkTarget::ref).contains("internal-policy:G.1");
        assertThat(set.mappingVersion()).isNotEqualTo(bundledOnly.mappingVersion());
    }

    @Test
    void userFileWithABundledNameReplacesIt() throws IOException {
        byte[] bundled;
        try (var in = getClass().getClassLoader().getResourceAsStream("mappings/owasp-nhi-2025.yaml")) {
            bundled = in.readAllBytes();
        }
        String changed = new String(bundled, StandardCharsets.UTF_8).replace("title: Improper Offboarding", "title: Offboarding (local wording)");
        write("owasp-nhi-2025.yaml", changed);

        MappingSet set = loader.load(Optional.of(dir));

        assertThat(set.control("owasp-nhi-2025", "NHI1").orElseThrow().title()).isEqualTo("Offboarding (local wording)");
        assertThat(set.origin("owasp-nhi-2025")).contains(dir.resolve("owasp-nhi-2025.yaml").toString());
    }

    @Test
    void sameFrameworkIdUnderAnotherNameIsADuplicate() throws IOException {
        write("my-nhi.yaml", framework("owasp-nhi-2025", GROUP, LEAF));
        assertThatThrownBy(() -> loader.load(Optional.of(dir))).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.errors()).extracting(MappingError::toString).containsExactly(dir.resolve("my-nhi.yaml")
                        + ":3: framework owasp-nhi-2025: duplicate framework id; it is already defined in classpath:mappings/owasp-nhi-2025.yaml:5"));
    }

    @Test
    void hiddenFilesSchemaFolderAndOtherExtensionsAreIgnored() throws IOException {
        write(".draft.yaml", "not: [valid");
        write("schema/framework.schema.yaml", "not: [valid");
        write("notes.txt", "not: [valid");
        write("extra.yml", framework("extra", GROUP, LEAF));
        assertThat(loader.load(Optional.of(dir)).frameworks()).containsKey("extra");
    }

    @Test
    void missingUserFolderIsAnError() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> loader.load(Optional.of(missing))).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.errors()).extracting(MappingError::toString)
                        .containsExactly(missing + ": steward.mappings.dir does not exist or is not a folder"));
    }

    @Test
    void mappingVersionChangesWithAnyByteOrNameAndOnlyThen() {
        String text = framework("fw-a", GROUP, LEAF);
        String version = loader.load(List.of(file("a.yaml", text))).mappingVersion();

        assertThat(loader.load(List.of(file("a.yaml", text))).mappingVersion()).isEqualTo(version);
        assertThat(loader.load(List.of(file("a.yaml", text.replace("description: First", "description: Firsu")))).mappingVersion())
                .isNotEqualTo(version);
        assertThat(loader.load(List.of(file("b.yaml", text))).mappingVersion()).isNotEqualTo(version);
        assertThat(MappingLoader.version(List.of(file("ab", "c"))))
                .isNotEqualTo(MappingLoader.version(List.of(file("a", "bc"))));
    }

    @Test
    void sameFileNameTwiceIsAnError() {
        MappingFile a = file("a.yaml", framework("fw-a", GROUP, LEAF));
        assertThatThrownBy(() -> loader.load(List.of(a, a))).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.errors()).extracting(MappingError::toString).containsExactly("test/a.yaml: a file named 'a.yaml' was already given"));
    }

    @Test
    void mappingVersionIsIndependentOfInputOrder() {
        MappingFile a = file("a.yaml", framework("fw-a", GROUP, LEAF));
        MappingFile b = file("b.yaml", framework("fw-b", GROUP, LEAF));
        assertThat(loader.load(List.of(a, b)).mappingVersion()).isEqualTo(loader.load(List.of(b, a)).mappingVersion());
    }

    private void write(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
