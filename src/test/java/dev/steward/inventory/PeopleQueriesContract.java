package dev.steward.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.evidence.EvidenceLoader;
import dev.steward.evidence.PersonRecord;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.InputFile;
import dev.steward.testing.TestFiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The people directory in force, on every supported database (H2 and PostgreSQL subclasses): listings filtered and
 * paged, the same from the database and from the inventory the pages keep; one person by id, the latest upload's; and
 * what a manager sees: its teams' people and the owners, backup owners and owners' managers its agents name.
 */
abstract class PeopleQueriesContract {

    @Inject
    IngestService ingest;

    @Inject
    PeopleQueries people;

    @Inject
    EvidenceLoader evidence;

    final TestFiles files = new TestFiles();
    final String s = UUID.randomUUID().toString().substring(0, 8);

    private IngestReport ingest(String scope, String name, String content) {
        Path p = files.write(name, content);
        IngestReport r = ingest.ingest(new IngestRequest(List.of(new InputFile(name, p)), "auto", null, null, scope,
                "test", null, null));
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(IngestReport.Status.COMMITTED);
        return r;
    }

    private String person(String id, String team, String manager, String status) {
        return "  - id: " + id + "-" + s + "\n    name: Name " + id + "\n    team: " + team + "-" + s + "\n"
                + (manager == null ? "" : "    manager: " + manager + "-" + s + "\n") + "    status: " + status + "\n";
    }

    /** ops' agent is owned by p-own (of team other), backed up by p-back; p-own reports to p-mid, p-mid to p-top. */
    private void directory() {
        ingest("people-" + s, "people.yaml", "apiVersion: steward/v1\nkind: Inventory\nasOf: 2030-06-01T00:00:00Z\n"
                + "source: test\npeople:\n"
                + person("p-lead", "ops", null, "active") + person("p-own", "other", "p-mid", "active")
                + person("p-mid", "other", "p-top", "active") + person("p-top", "board", null, "active")
                + person("p-back", "other", "p-mid", "departed") + person("p-else", "other", "p-mid", "active")
                + "agents:\n  - id: ops-bot-" + s + "\n    autonomy: supervised\n    environment: prod\n"
                + "    team: ops-" + s
                + "\n    owner: p-own-" + s + "\n    backupOwner: p-back-" + s + "\n    status: active\n");
        // the same person in a second scope, later: the listing holds both, one read by id gives the later
        ingest("people2-" + s, "people2.yaml", "apiVersion: steward/v1\nkind: Inventory\nasOf: 2030-06-02T00:00:00Z\n"
                + "source: test\npeople:\n" + person("p-else", "elsewhere", null, "active"));
    }

    private List<String> ids(List<PersonRecord> people) {
        return people.stream().map(p -> p.id().replace("-" + s, "")).toList();
    }

    @Test
    void listingsFilteredPagedAndTheSameFromTheKeptInventory() {
        directory();
        Instant at = Instant.parse("2030-07-01T00:00:00Z");
        List<PeopleQueries.Filter> filters = List.of(PeopleQueries.Filter.NONE,
                new PeopleQueries.Filter("other-" + s, null, null), new PeopleQueries.Filter(null, "p-mid-" + s, null),
                new PeopleQueries.Filter(null, "p-mid-" + s, "DEPARTED"),
                new PeopleQueries.Filter("other-" + s, null, "active"));
        List<Object> fromDatabase = listings(at, filters);
        evidence.inventory(at, at.minusSeconds(86_400));
        assertThat(evidence.keptInForce(at)).isPresent();
        assertThat(listings(at, filters)).containsExactlyElementsOf(fromDatabase);
        // the same agents in force half a day after the first upload, but not the second upload's people
        Instant before = Instant.parse("2030-06-01T12:00:00Z");
        assertThat(evidence.keptInForce(before)).as("other people in force").isEmpty();
        assertThat(page(before, PeopleQueries.Filter.NONE, null)).extracting(PersonRecord::team)
                .doesNotContain("elsewhere-" + s).contains("other-" + s);

        assertThat(ids(page(at, new PeopleQueries.Filter("other-" + s, null, null), null)))
                .containsExactly("p-back", "p-else", "p-mid", "p-own");
        assertThat(ids(page(at, new PeopleQueries.Filter(null, "p-mid-" + s, "departed"), null)))
                .containsExactly("p-back");
        assertThat(ids(page(at, PeopleQueries.Filter.NONE, null)).stream().filter(id -> id.equals("p-else")))
                .as("both scopes' records").hasSize(2);
        PersonRecord latest = QuarkusTransaction.requiringNew().call(() -> people.person("p-else-" + s, at, null))
                .orElseThrow();
        assertThat(latest.team()).isEqualTo("elsewhere-" + s);
        assertThat(latest.source().file()).isEqualTo("people2.yaml");
        assertThat(QuarkusTransaction.requiringNew().call(() -> people.person("p-else-" + s, at, Set.of("ops-" + s))))
                .as("not named by ops' agents").isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                people.person("p-own-" + s, Instant.parse("2030-05-01T00:00:00Z"), null)))
                .as("before the upload").isEmpty();
    }

    @Test
    void aManagerSeesItsTeamAndThePeopleItsAgentsName() {
        directory();
        Instant at = Instant.parse("2030-07-01T00:00:00Z");
        assertThat(ids(page(at, PeopleQueries.Filter.NONE, Set.of("ops-" + s))))
                .containsExactly("p-back", "p-lead", "p-mid", "p-own", "p-top");
        assertThat(ids(page(at, new PeopleQueries.Filter("other-" + s, null, null), Set.of("ops-" + s))))
                .containsExactly("p-back", "p-mid", "p-own");
        assertThat(page(at, PeopleQueries.Filter.NONE, Set.of("nobody-" + s))).isEmpty();
        assertThat(page(at, PeopleQueries.Filter.NONE, Set.of())).isEmpty();
        PersonRecord own = QuarkusTransaction.requiringNew().call(() ->
                people.person("p-own-" + s, at, Set.of("ops-" + s))).orElseThrow();
        assertThat(own.manager()).isEqualTo("p-mid-" + s);
    }

    private List<PersonRecord> page(Instant at, PeopleQueries.Filter filter, Set<String> teams) {
        return QuarkusTransaction.requiringNew().call(() -> people.people(at, filter, teams, 0, 1000)).items().stream()
                .filter(p -> p.id().endsWith("-" + s)).toList();
    }

    /** Every listing asked, two at a time (the first 400), with its total, for everyone and for a manager of ops. */
    private List<Object> listings(Instant at, List<PeopleQueries.Filter> filters) {
        List<Object> out = new ArrayList<>();
        for (var f : filters) {
            for (Set<String> t : Arrays.asList(null, Set.of("ops-" + s))) {
                List<PersonRecord> pages = new ArrayList<>();
                long total = -1;
                for (int offset = 0; offset < 400; offset += 2) {
                    int from = offset;
                    var page = QuarkusTransaction.requiringNew().call(() -> people.people(at, f, t, from, 2));
                    pages.addAll(page.items());
                    total = page.total();
                }
                out.add(pages);
                out.add(total);
            }
        }
        return out;
    }
}
