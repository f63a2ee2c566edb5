package dev.steward.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mapping files shipped with Steward load cleanly against the 29-check catalog and answer the lookups reports use. */
class BundledMappingsTest {

    private static MappingSet set;

    @BeforeAll
    static void load() {
        set = new MappingLoader(FakeChecks.catalog()).load(Optional.empty());
    }

    @Test
    void loadsEveryBundledFrameworkAndCrosswalk() {
        assertThat(set.frameworks()).containsOnlyKeys("owasp-asi-2026", "owasp-nhi-2025", "csa-maestro", "nist-ai-rmf-1.0", "nist-csf-2.0");
        assertThat(set.crosswalks()).extracting(Crosswalk::id).containsExactly(
                "owasp-asi-2026--csa-maestro", "owasp-asi-2026--nist-ai-rmf-1.0",
                "owasp-nhi-2025--nist-csf-2.0", "owasp-nhi-2025--owasp-asi-2026");
        assertThat(set.mappingVersion()).matches("[0-9a-f]{64}");
        assertThat(set.origin("nist-csf-2.0")).contains("classpath:mappings/nist-csf-2.0.yaml");
    }

    @Test
    void controlCountsMatchTheFrameworks() {
        assertThat(set.controls("owasp-asi-2026")).hasSize(10);
        assertThat(set.controls("owasp-nhi-2025")).hasSize(10);
        assertThat(set.controls("csa-maestro")).extracting(Control::id).containsExactly("L1", "L2", "L3", "L4", "L5", "L6", "L7", "CROSS");
        assertThat(countsByDepth("nist-ai-rmf-1.0")).containsExactly(4, 19, 72);
        assertThat(countsByDepth("nist-csf-2.0")).containsExactly(6, 22, 106);
    }

    @Test
    void everyCheckEvidencesAtLeastOneControl() {
        assertThat(set.mappedCheckIds()).containsExactlyInAnyOrderElementsOf(FakeChecks.IDS);
    }

    @Test
    void groupNodesCarryNoChecksAndAreScoredFromChildren() {
        for (String framework : List.of("nist-ai-rmf-1.0", "nist-csf-2.0")) {
            set.controls(framework).stream()
                    .filter(c -> !set.children(framework, c.id()).isEmpty())
                    .forEach(group -> assertThat(group.checks()).as(framework + ":" + group.id()).isEmpty());
        }
    }

    @Test
    void onlyTheCoinedMaestroIdIsFlaggedUnofficial() {
        assertThat(set.frameworks().values().stream().flatMap(f -> f.controls().stream().filter(c -> !c.officialId())
                .map(c -> MappingSet.ref(f.id(), c.id())))).containsExactly("csa-maestro:CROSS");
    }

    @Test
    void childrenComeInFileOrder() {
        assertThat(set.children("nist-ai-rmf-1.0", "GOVERN 1")).extracting(Control::id)
                .containsExactly("GOVERN 1.1", "GOVERN 1.2", "GOVERN 1.3", "GOVERN 1.4", "GOVERN 1.5", "GOVERN 1.6", "GOVERN 1.7");
        assertThat(set.children("nist-csf-2.0", "PR.AA-01")).isEmpty();
    }

    @Test
    void controlsForCheckAreSortedFrameworkControlRefs() {
        List<String> refs = set.controlsForCheck("LIF-1");
        assertThat(refs).contains("owasp-nhi-2025:NHI1", "nist-csf-2.0:GV.RR-04", "nist-ai-rmf-1.0:GOVERN 1.7").isSorted();
        assertThat(set.controlsForCheck("NOPE-1")).isEmpty();
    }

    @Test
    void crosswalkTargetsGoBothWays() {
        assertThat(set.crosswalkTargets("owasp-nhi-2025", "NHI1")).extracting(CrosswalkTarget::ref)
                .contains("owasp-asi-2026:ASI04", "nist-csf-2.0:GV.RR-04");
        CrosswalkTarget back = set.crosswalkTargets("owasp-asi-2026", "ASI04").stream()
                .filter(t -> t.ref().equals("owasp-nhi-2025:NHI1")).findFirst().orElseThrow();
        assertThat(back.inverse()).isTrue();
        assertThat(back.provenance()).isEqualTo(Provenance.OFFICIAL);
        assertThat(back.relationship()).isEqualTo(RelationshipType.INTERSECTS_WITH);
    }

    @Test
    void indexListsExactlyTheFilesOfTheMappingsFolder() throws IOException {
        Path root = Path.of("mappings");
        List<String> onDisk;
        try (Stream<Path> paths = Files.walk(root)) {
            onDisk = paths.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".yaml") && !n.startsWith("schema/")).sorted().toList();
        }
        List<String> indexed = Files.readAllLines(root.resolve("index.txt"), StandardCharsets.UTF_8).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        assertThat(indexed).isEqualTo(onDisk);
    }

    private static List<Integer> countsByDepth(String framework) {
        int[] counts = new int[3];
        for (Control control : set.controls(framework)) {
            int depth = 0;
            for (String p = control.parent(); p != null; p = set.control(framework, p).orElseThrow().parent()) {
                depth++;
            }
            counts[depth]++;
        }
        return List.of(counts[0], counts[1], counts[2]);
    }
}
