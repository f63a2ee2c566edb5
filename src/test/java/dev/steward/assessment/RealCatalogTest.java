package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckCatalog;
import dev.steward.check.Result;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.Evidence;
import dev.steward.mapping.MappingLoader;
import dev.steward.mapping.MappingSet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The 29 real checks against the bundled mappings: byte-stable findings and the findings contract. */
class RealCatalogTest {

    static final CheckCatalog CATALOG = CheckCatalog.of(CheckCatalog.allChecks());
    static final MappingSet MAPPINGS = new MappingLoader(CheckCatalog.allChecks()).load(Optional.empty());

    static Evidence evidence() {
        return new Records()
                .person("p-ana", "p-boss").departed("p-gone", Records.AS_OF.minusSeconds(86_400 * 30))
                .agent("invoice-bot", Autonomy.AUTONOMOUS, "prod", "payments", "p-ana")
                .agent("orphan-bot", Autonomy.SUPERVISED, "dev", "payments", "p-gone")
                .credential("k-invoice", "prod", "invoice-bot").credential("k-orphan", "dev", "orphan-bot")
                .decision("invoice-bot", "k-invoice", "prod", 40).decision("shadow", null, "prod", 2)
                .evidence();
    }

    static byte[] findingsJson(String id) {
        List<Finding> findings = new ArrayList<>();
        new Assessor(CATALOG, MAPPINGS, CheckSettings.NONE, Thresholds.DEFAULT).assess(evidence(), r -> {
            if (r.result().finding()) {
                findings.add(Finding.of(id, r));
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FindingsJson.write(findings, out);
        return out.toByteArray();
    }

    @Test
    void theSameEvidenceGivesByteIdenticalFindings() {
        byte[] first = findingsJson("run-1");
        assertThat(findingsJson("run-1")).isEqualTo(first);
        String text = new String(first, StandardCharsets.UTF_8);
        assertThat(text).startsWith("[\n{\"assessmentId\":\"run-1\",\"checkId\":\"INV-1\"").endsWith("}\n]\n");
        assertThat(text.lines().count()).as("one finding per line between the brackets").isGreaterThan(10);
    }

    @Test
    void findingsFollowTheContract() throws Exception {
        List<Finding> findings = new ArrayList<>();
        Outcome o = new Assessor(CATALOG, MAPPINGS, CheckSettings.NONE, Thresholds.DEFAULT).assess(evidence(), r -> {
            if (r.result().finding()) {
                findings.add(Finding.of("x", r));
            }
        });
        Finding orphaned = findings.stream().filter(f -> f.checkId().equals("OWN-2")).findFirst().orElseThrow();
        assertThat(orphaned.subjectId()).isEqualTo("orphan-bot");
        assertThat(orphaned.result()).isEqualTo(Result.FAIL);
        assertThat(orphaned.subjectType()).isEqualTo("agent");
        assertThat(orphaned.controls()).isEqualTo(MAPPINGS.controlsForCheck("OWN-2")).isNotEmpty();
        assertThat(orphaned.team()).isEqualTo("payments");
        assertThat(orphaned.owner()).isEqualTo("p-gone");
        assertThat(findings).filteredOn(f -> f.checkId().equals("LIF-1")).extracting(Finding::subjectId).containsExactly("k-orphan");
        assertThat(findings).filteredOn(f -> f.checkId().equals("INV-1")).extracting(Finding::subjectId).containsExactly("shadow");
        assertThat(findings).allSatisfy(f -> assertThat(f.result().finding()).isTrue());

        var json = AssessmentJson.MAPPER.readTree(AssessmentJson.write(orphaned));
        assertThat(json.fieldNames()).toIterable().contains("assessmentId", "checkId", "subjectType", "subjectId", "result",
                "score", "severity", "reason", "owner", "team", "environment", "evidence", "controls");
        assertThat(o.frameworks()).extracting(FrameworkScore::framework).containsExactlyElementsOf(MAPPINGS.frameworks().keySet());
        assertThat(o.frameworks()).filteredOn(f -> f.framework().equals("nist-csf-2.0")).singleElement()
                .satisfies(f -> assertThat(f.outOfScope()).isPositive());
        assertThat(o.recommendations()).singleElement().extracting(TeamRecommendation::recommendation)
                .isNotNull();
    }
}
