package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentService;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.InputFile;
import dev.steward.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A report narrowed to some teams reads only their findings, and beside them those of the credentials their agents
 * share with a heavier agent of another team (whose team the run gave the credential's findings): the narrowed rows
 * are still exactly the whole report's, the shared credential's gap included. When an inventory dated before the run
 * comes in after it, the findings' teams may be out of date and the narrowed report reads the whole run.
 */
@QuarkusTest
class SharedCredentialRowsTest {

    private static final Instant AS_OF = Instant.parse("2031-05-01T00:00:00Z");

    @Inject
    IngestService ingest;

    @Inject
    AssessmentService assessments;

    @Inject
    ReportService reports;

    @Inject
    EvidenceLoader evidence;

    @Test
    @ActivateRequestContext
    void aSharedCredentialsGapShowsOnTheLighterTeamsNarrowedRows() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String light = "light-" + s;
        String heavy = "heavy-" + s;
        String shared = "shared-key-" + s;
        String own = "own-key-" + s;
        String lightTeam = "lab-" + s;
        String heavyTeam = "core-" + s;
        ingestInventory(s, "2031-04-01", light, heavy, shared, own, lightTeam, heavyTeam);
        String run = assessments.assess(AS_OF, Duration.ofDays(90), "test").run().id();

        var inventory = evidence.inventory(AS_OF, AS_OF.minus(Duration.ofDays(90)));
        assertThat(ReportService.sharedCredentials(inventory, Set.of(lightTeam))).containsExactly(shared);
        assertThat(ReportService.sharedCredentials(inventory, Set.of(heavyTeam))).as("the run gave it the heavy team")
                .isEmpty();
        assertThat(ReportService.sharedCredentials(inventory, Set.of(lightTeam, heavyTeam))).isEmpty();

        List<AgentRow> all = rows(reports.model(run, null, ReportFilter.NONE).orElseThrow());
        AgentRow lightRow = all.stream().filter(r -> r.id().equals(light)).findFirst().orElseThrow();
        assertThat(lightRow.gaps()).as("the departed owner's agent holds the shared credential")
                .anySatisfy(g -> {
                    assertThat(g.checkId()).isEqualTo("LIF-1");
                    assertThat(g.subjectId()).isEqualTo(shared);
                });
        for (ReportFilter filter : List.of(new ReportFilter(lightTeam, null, null, null),
                ReportFilter.NONE.within(Set.of(lightTeam)), new ReportFilter(lightTeam, null, null, null)
                        .within(Set.of(lightTeam, heavyTeam)))) {
            List<AgentRow> narrowed = rows(reports.model(run, null, filter).orElseThrow());
            assertThat(narrowed).as("%s", filter).containsExactly(lightRow);
        }
        List<AgentRow> heavyRows = rows(reports.model(run, null, ReportFilter.NONE.within(Set.of(heavyTeam)))
                .orElseThrow());
        assertThat(heavyRows).isEqualTo(all.stream().filter(r -> heavyTeam.equals(r.team())).toList()).hasSize(1);
        ReportFilter outside = new ReportFilter(heavyTeam, null, null, null).within(Set.of(lightTeam));
        assertThat(rows(reports.model(run, null, outside).orElseThrow())).as("a team outside the reader's").isEmpty();

        // an inventory dated before the run comes in after it and moves the light agent to the heavy team: the run's
        // findings still carry the old team, so a report narrowed to the heavy team reads the whole run to find them
        ingestInventory(s, "2031-04-20", light, heavy, shared, own, heavyTeam, heavyTeam);
        List<AgentRow> moved = rows(reports.model(run, null, ReportFilter.NONE).orElseThrow());
        List<AgentRow> heavyNow = moved.stream().filter(r -> heavyTeam.equals(r.team())).toList();
        assertThat(heavyNow).extracting(AgentRow::id).containsExactlyInAnyOrder(light, heavy);
        assertThat(heavyNow).filteredOn(r -> r.id().equals(light)).singleElement()
                .satisfies(r -> assertThat(r.gaps()).extracting(Gap::checkId).contains("OWN-2", "LIF-1"));
        assertThat(rows(reports.model(run, null, ReportFilter.NONE.within(Set.of(heavyTeam))).orElseThrow()))
                .isEqualTo(heavyNow);
    }

    private void ingestInventory(String s, String asOf, String light, String heavy, String shared, String own,
            String lightTeam, String heavyTeam) {
        String yaml = "apiVersion: steward/v1\nkind: Inventory\nasOf: " + asOf + "T00:00:00Z\n"
                + "source: shared-" + s + "\n"
                + "people:\n"
                + "  - id: p-gone-" + s + "\n    name: Gone\n    team: " + lightTeam + "\n    status: departed\n"
                + "    departedAt: 2031-01-10\n"
                + "  - id: p-here-" + s + "\n    name: Here\n    team: " + heavyTeam + "\n    status: active\n"
                + "agents:\n"
                + "  - id: " + light + "\n    autonomy: supervised\n    environment: dev\n    team: " + lightTeam + "\n"
                + "    owner: p-gone-" + s + "\n    status: active\n    createdAt: 2030-01-01\n"
                + "    identity: {type: api-key, id: key}\n    tools: [wiki]\n    grants: [\"wiki:read\"]\n"
                + "  - id: " + heavy + "\n    autonomy: autonomous\n    environment: prod\n"
                + "    team: " + heavyTeam + "\n"
                + "    owner: p-here-" + s + "\n    status: active\n    createdAt: 2030-01-01\n"
                + "    identity: {type: api-key, id: key}\n    tools: [erp]\n    grants: [\"erp:read\"]\n"
                + "  - id: loose-" + s + "\n    autonomy: supervised\n    environment: dev\n"
                + "    owner: p-here-" + s + "\n    status: active\n    createdAt: 2030-01-01\n"
                + "    identity: {type: api-key, id: key}\n    tools: [wiki]\n    grants: [\"wiki:read\"]\n"
                + "credentials:\n"
                + credential(shared, light + ", " + heavy)
                + credential(own, heavy)
                + credential("loose-key-" + s, "loose-" + s); // an agent of no team holds a credential too
        TestFiles files = new TestFiles();
        Path p = files.write("inventory-" + s + "-" + asOf + ".yaml", yaml);
        List<InputFile> in = List.of(new InputFile(p.getFileName().toString(), p));
        IngestReport r = ingest.ingest(new IngestRequest(in, "auto", null, null, "shared-" + s, "test", null, null));
        assertThat(r.status()).as("%s", r.problems()).isEqualTo(IngestReport.Status.COMMITTED);
    }

    private static String credential(String id, String holders) {
        return "  - id: " + id + "\n    type: token\n    holders: [" + holders + "]\n    environment: prod\n"
                + "    issuer: vault\n    storage: vault\n    location: \"secret/" + id + "\"\n"
                + "    scopes: [\"erp:read\"]\n"
                + "    createdAt: 2031-01-01\n    expiresAt: 2031-09-01\n    lastRotatedAt: 2031-01-01\n"
                + "    status: active\n";
    }

    private static List<AgentRow> rows(ReportModel model) {
        List<AgentRow> out = new ArrayList<>();
        model.ownership().agents().forEach(out::add);
        return out;
    }
}
