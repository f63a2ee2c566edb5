package dev.steward.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every id in the bundled mappings exists in the verified reference catalogs (../shared/reference), NIST text is
 * verbatim, and the official OWASP NHI-to-ASI rows are all there, unchanged. Skipped where the reference is absent.
 */
class ReferenceConformanceTest {

    private static final Path REFERENCE = Path.of("..", "shared", "reference");
    private static MappingSet set;

    @BeforeAll
    static void load() {
        set = new MappingLoader(FakeChecks.catalog()).load(Optional.empty());
    }

    @BeforeEach
    void requireReference() {
        assumeThat(Files.isDirectory(REFERENCE))
                .as("reference catalogs not found at " + REFERENCE.toAbsolutePath().normalize() + "; skipping conformance checks")
                .isTrue();
    }

    @Test
    void owaspIdsTitlesAndTreeMatchTheReference() throws IOException {
        assertSameIdsTitlesParents("owasp-asi-2026", "owasp-agentic-top10-2026.yaml");
        assertSameIdsTitlesParents("owasp-nhi-2025", "owasp-nhi-top10-2025.yaml");
    }

    @Test
    void maestroLayersMatchAndOurOwnIdIsFlagged() throws IOException {
        Map<String, JsonNode> reference = entries("csa-maestro.yaml");
        assertThat(ids("csa-maestro")).containsExactlyElementsOf(reference.keySet());
        for (Control control : set.controls("csa-maestro")) {
            assertThat(control.title()).as(control.id()).isEqualTo(reference.get(control.id()).path("title").asText());
            assertThat(control.officialId()).as(control.id()).isEqualTo(!control.id().equals("CROSS"));
        }
    }

    @Test
    void nistAiRmfIsVerbatim() throws IOException {
        assertVerbatim("nist-ai-rmf-1.0", "nist-ai-rmf-1.0.yaml");
    }

    @Test
    void nistCsfIsVerbatimWithoutWithdrawnIds() throws IOException {
        assertVerbatim("nist-csf-2.0", "nist-csf-2.0.yaml");
        JsonNode withdrawn = new YAMLMapper().readTree(REFERENCE.resolve("nist-csf-2.0.yaml").toFile()).path("withdrawn");
        assertThat(withdrawn.size()).isPositive();
        for (JsonNode entry : withdrawn) {
            assertThat(set.control("nist-csf-2.0", entry.path("id").asText())).as(entry.path("id").asText()).isEmpty();
        }
    }

    @Test
    void officialNhiToAsiCrosswalkHasEveryReferenceRowInOrder() throws IOException {
        JsonNode rows = new YAMLMapper().readTree(REFERENCE.resolve("crosswalks.yaml").toFile())
                .path("official_mappings").path("owasp_nhi_top10_2025_to_asi_2026").path("rows");
        List<String> expected = new ArrayList<>();
        rows.forEach(row -> row.path("asi").forEach(asi -> expected.add(row.path("nhi").asText() + "->" + asi.asText())));
        Crosswalk crosswalk = set.crosswalks().stream().filter(c -> c.id().equals("owasp-nhi-2025--owasp-asi-2026")).findFirst().orElseThrow();
        assertThat(crosswalk.provenance()).isEqualTo(Provenance.OFFICIAL);
        assertThat(crosswalk.source()).isEqualTo("owasp-nhi-2025");
        assertThat(crosswalk.target()).isEqualTo("owasp-asi-2026");
        assertThat(crosswalk.relationships()).extracting(r -> r.source() + "->" + r.target()).containsExactlyElementsOf(expected);
        assertThat(expected).hasSize(19);
    }

    private void assertSameIdsTitlesParents(String framework, String file) throws IOException {
        Map<String, JsonNode> reference = entries(file);
        assertThat(ids(framework)).containsExactlyElementsOf(reference.keySet());
        for (Control control : set.controls(framework)) {
            JsonNode entry = reference.get(control.id());
            assertThat(control.title()).as(control.id()).isEqualTo(entry.path("title").asText());
            assertThat(control.parent()).as(control.id()).isEqualTo(entry.path("parent").isNull() ? null : entry.path("parent").asText());
        }
    }

    private void assertVerbatim(String framework, String file) throws IOException {
        Map<String, JsonNode> reference = entries(file);
        assertThat(ids(framework)).containsExactlyElementsOf(reference.keySet());
        for (Control control : set.controls(framework)) {
            JsonNode entry = reference.get(control.id());
            assertThat(control.description()).as(control.id() + " text").isEqualTo(entry.path("text").asText());
            assertThat(control.title()).as(control.id() + " title").isEqualTo(entry.path("title").asText());
            assertThat(control.parent()).as(control.id() + " parent").isEqualTo(entry.path("parent").isNull() ? null : entry.path("parent").asText());
        }
    }

    private static List<String> ids(String framework) {
        return set.controls(framework).stream().map(Control::id).toList();
    }

    private static Map<String, JsonNode> entries(String file) throws IOException {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        new YAMLMapper().readTree(REFERENCE.resolve(file).toFile()).path("entries").forEach(e -> entries.put(e.path("id").asText(), e));
        assertThat(entries).as(file).isNotEmpty();
        return entries;
    }
}
