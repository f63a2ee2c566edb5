package dev.steward.inventory;

import static dev.steward.testing.TestFiles.agent;
import static dev.steward.testing.TestFiles.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.InputFile;
import dev.steward.ingest.SourceAdapters;
import dev.steward.ingest.UploadGrouping;
import dev.steward.testing.TestFiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lean bulk read ({@link InventoryLoads}) returns exactly what the entity path returns: the same records (every
 * field, the lists and the provenance included) in the same order, on every supported database (H2 and PostgreSQL
 * subclasses), for the sample data and for an inventory with supersession (a later upload replacing an earlier one in
 * its scope, and the same ids in force from two scopes), at instants before, between and after the uploads.
 */
abstract class InventoryLoadContract {

    private static final Instant SAMPLE_AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    @Inject
    IngestService ingest;

    @Inject
    IngestConfig limits;

    @Inject
    SourceAdapters sources;

    @Inject
    InventoryQueries queries;

    @Inject
    InventoryLoads loads;

    @Inject
    EntityManager em;

    @Inject
    dev.steward.upload.UploadRepository uploads;

    @Inject
    EvidenceLoader evidence;

    final TestFiles files = new TestFiles();
    final String s = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void sampleData() {
        var groups = UploadGrouping.of(List.of(Path.of("sample-data")), limits, sources, "auto");
        for (List<InputFile> group : groups.uploads()) {
            IngestReport r = ingest.ingest(new IngestRequest(group, "auto", null, null, null, "test", null, null));
            assertThat(r.status()).isIn(IngestReport.Status.COMMITTED, IngestReport.Status.DUPLICATE);
        }
    }

    private IngestReport ingest(String scope, String name, String content) {
        Path p = files.write(name, content);
        IngestReport r = ingest.ingest(new IngestRequest(List.of(new InputFile(name, p)), "auto", null, null, scope, "test",
                null, null));
        assertThat(r.status()).isEqualTo(IngestReport.Status.COMMITTED);
        return r;
    }

    private static String credential(String id, String holders, String extra) {
        return "  - id: " + id + "\n    type: api-key\n    holders: [" + holders + "]\n    environment: prod\n"
                + "    storage: vault\n    status: active\n" + extra;
    }

    @Test
    void sampleDataReadsTheSameAsTheEntities() {
        assertSame(SAMPLE_AS_OF);
        assertThat(loads.agents(SAMPLE_AS_OF)).extracting(AgentRecord::id).contains("invoice-bot", "refund-agent");
        assertThat(loads.people(SAMPLE_AS_OF)).extracting(PersonRecord::id).contains("p-ana", "p-marco");
    }

    @Test
    void supersessionAndSharedIdsReadTheSameAsTheEntities() {
        String aws = "AKIA" + "Q3EGRVQ5XKZ7TN2P";
        String a = "ld-a-" + s;
        String b = "ld-b-" + s;
        String c = "ld-c-" + s;
        ingest("one-" + s, "oct.yaml", inventory("2030-10-01T00:00:00Z", agent(b) + agent(a)
                + "    tools: [erp, mail]\n    grants: [\"erp:read\", \"*\"]\n    lastReviewedAt: 2030-09-01\n")
                + "credentials:\n" + credential("k2-" + s, b + ", " + a, "    ttlSeconds: 3600\n")
                + credential("k1-" + s, a, "    location: \"" + aws + "\"\n    expiresAt: 2031-01-01T10:15:30Z\n"));
        ingest("one-" + s, "nov.yaml", inventory("2030-11-01T00:00:00Z", agent(c) + agent(a))
                + "credentials:\n" + credential("k1-" + s, c, "    scopes: [\"erp:read\"]\n    revokedAt: 2030-10-20\n"));
        ingest("two-" + s, "two.yaml", inventory("2030-10-15T00:00:00Z", agent(a) + agent(b)
                + "    environment2: x\n    killSwitch: {method: stop, testedAt: 2030-08-01}\n")
                + "credentials:\n" + credential("k1-" + s, a, ""));
        ingest("one-" + s, "people.csv", "id,name,email,team,manager,status,departedAt\n"
                + "p-" + s + ",Pat,pat@example.com,payments,p-ana,departed,2030-09-30\n");

        for (String at : List.of("2030-09-01T00:00:00Z", "2030-10-10T00:00:00Z", "2030-10-20T00:00:00Z",
                "2030-12-01T00:00:00Z")) {
            assertSame(Instant.parse(at));
        }
        Instant late = Instant.parse("2030-12-01T00:00:00Z");
        // agent a is in force from both scopes: two records, in upload order, as the entity listing has them
        assertThat(loads.agents(late)).filteredOn(r -> r.id().equals(a)).extracting(r -> r.source().file())
                .containsExactly("nov.yaml", "two.yaml");
        assertThat(loads.credentials(late)).filteredOn(r -> r.id().equals("k1-" + s)).hasSize(2);
        assertThat(loads.load(late).secrets()).anyMatch(f -> ("k1-" + s).equals(f.credentialId()));
    }

    /**
     * Filtered listings cut from the inventory kept for the pages equal the database's, page by page with their totals;
     * and they are cut from it: a row changed behind the store's back shows in the database only.
     */
    @Test
    void filteredListingsFromTheKeptInventoryEqualTheDatabases() {
        String a = "kf-a-" + s;
        String b = "kf-b-" + s;
        IngestReport mine = ingest("kept-" + s, "kept.yaml", inventory("2030-06-01T00:00:00Z", agent(a)
                + "  - id: " + b + "\n    autonomy: supervised\n    environment: dev\n    team: ops-" + s
                + "\n    owner: p-ana\n    status: active\n") + "credentials:\n"
                + credential("kk1-" + s, a + ", " + b, "")
                + credential("kk2-" + s, b, "") + credential("kk3-" + s, "invoice-bot", ""));
        Instant at = Instant.parse("2030-07-01T00:00:00Z");
        List<AgentRecord> all = QuarkusTransaction.requiringNew().call(() ->
                queries.agents(at, InventoryQueries.Filter.NONE, 0, Integer.MAX_VALUE));
        String team = "payments"; // agent a's (TestFiles.agent), and sample data's
        Set<String> teams = Set.of(team, "ops-" + s);
        List<InventoryQueries.Filter> filters = List.of(InventoryQueries.Filter.NONE,
                new InventoryQueries.Filter(team, null, null), new InventoryQueries.Filter(null, "prod", null),
                new InventoryQueries.Filter(null, "dev", "p-ana"),
                new InventoryQueries.Filter("ops-" + s, "dev", null));
        Set<String> ofTeams = all.stream().filter(r -> r.team() != null && teams.contains(r.team()))
                .map(AgentRecord::id).collect(Collectors.toSet());
        java.util.function.Predicate<CredentialRecord> visible = c -> c.holders().stream().anyMatch(ofTeams::contains);
        List<Object[]> credentialAsks = List.of(new Object[] {null, null, null}, new Object[] {b, null, null},
                new Object[] {null, "prod", null}, new Object[] {null, null, visible},
                new Object[] {a, "prod", visible});

        assertThat(evidence.keptInForce(at)).as("nothing kept since the upload").isEmpty();
        List<Object> fromDatabase = listings(at, filters, teams, credentialAsks);
        evidence.inventory(at, at.minusSeconds(86_400));
        assertThat(evidence.keptInForce(at)).isPresent();
        assertThat(evidence.keptInForce(Instant.parse("2030-05-01T00:00:00Z"))).as("other uploads in force").isEmpty();
        assertThat(listings(at, filters, teams, credentialAsks)).containsExactlyElementsOf(fromDatabase);
        assertThat(fromDatabase.toString()).contains(a, b, "kk1-" + s, "kk3-" + s);

        String moved = "moved-" + s;
        var filter = new InventoryQueries.Filter(null, moved, null);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE agent SET environment = :e"
                + " WHERE upload_id = :u AND id = :id").setParameter("e", moved).setParameter("u", mine.uploadId())
                .setParameter("id", b).executeUpdate());
        try {
            assertThat(QuarkusTransaction.requiringNew().call(() -> queries.agents(at, filter, null, 0, 10)))
                    .as("cut from the kept inventory").isEmpty();
            ingest("kept-" + s, "kept2.yaml", inventory("2030-06-02T00:00:00Z", agent("kf-c-" + s)));
            assertThat(evidence.keptInForce(at)).as("an upload since").isEmpty();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE agent SET environment = 'dev'"
                    + " WHERE upload_id = :u AND id = :id").setParameter("u", mine.uploadId()).setParameter("id", b)
                    .executeUpdate());
        }
    }

    /** Every listing asked, five at a time as the API pages them (the first 300), with its total. */
    private List<Object> listings(Instant at, List<InventoryQueries.Filter> filters, Set<String> teams,
            List<Object[]> credentialAsks) {
        List<Object> out = new ArrayList<>();
        for (var f : filters) {
            for (Set<String> t : java.util.Arrays.asList(null, teams)) {
                List<AgentRecord> pages = new ArrayList<>();
                for (int offset = 0; offset < 300; offset += 5) {
                    int from = offset;
                    pages.addAll(QuarkusTransaction.requiringNew().call(() -> queries.agents(at, f, t, from, 5)));
                }
                out.add(pages);
                out.add(QuarkusTransaction.requiringNew().call(() -> queries.countAgents(at, f, t)));
            }
        }
        for (Object[] ask : credentialAsks) {
            @SuppressWarnings("unchecked")
            var visible = (java.util.function.Predicate<CredentialRecord>) ask[2];
            List<CredentialRecord> pages = new ArrayList<>();
            long total = -1;
            for (int offset = 0; offset < 300; offset += 5) {
                int from = offset;
                var page = QuarkusTransaction.requiringNew().call(() ->
                        queries.credentials(at, (String) ask[0], (String) ask[1], visible, from, 5));
                pages.addAll(page.items());
                total = page.total();
            }
            out.add(pages);
            out.add(total);
        }
        return out;
    }

    @Test
    void oneLoadSharesEqualValuesWithoutChangingThem() {
        InventoryLoads.Inventory i = loads.load(SAMPLE_AS_OF);
        assertThat(i.agents()).containsExactlyElementsOf(QuarkusTransaction.requiringNew().call(() ->
                queries.agents(SAMPLE_AS_OF, InventoryQueries.Filter.NONE, 0, Integer.MAX_VALUE)));
        assertThat(distinctInstances(i.agents(), AgentRecord::team)).isEqualTo(distinctValues(i.agents(), AgentRecord::team));
        assertThat(distinctInstances(i.agents(), r -> r.source().file()))
                .isEqualTo(distinctValues(i.agents(), r -> r.source().file()));
        assertThat(distinctInstances(i.credentials(), CredentialRecord::storage))
                .isEqualTo(distinctValues(i.credentials(), CredentialRecord::storage));
        // an owner is the very string of the person it names, a holder the very id of its agent
        Map<String, PersonRecord> people = i.people().stream().collect(Collectors.toMap(PersonRecord::id, p -> p, (x, y) -> y));
        AgentRecord owned = i.agents().stream().filter(r -> people.containsKey(r.owner())).findFirst().orElseThrow();
        assertThat(owned.owner()).isSameAs(people.get(owned.owner()).id());
        Map<String, AgentRecord> agents = i.agents().stream().collect(Collectors.toMap(AgentRecord::id, r -> r, (x, y) -> y));
        CredentialRecord held = i.credentials().stream().filter(r -> !r.holders().isEmpty()
                && agents.containsKey(r.holders().get(0))).findFirst().orElseThrow();
        assertThat(held.holders().get(0)).isSameAs(agents.get(held.holders().get(0)).id());
    }

    private static <T> long distinctInstances(List<T> records, Function<T, String> field) {
        Set<String> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        records.stream().map(field).filter(v -> v != null).forEach(seen::add);
        return seen.size();
    }

    private static <T> long distinctValues(List<T> records, Function<T, String> field) {
        return records.stream().map(field).filter(v -> v != null).distinct().count();
    }

    /** Each bulk read equals the entity path at the instant, record by record and in order. */
    private void assertSame(Instant at) {
        List<AgentRecord> agents = QuarkusTransaction.requiringNew().call(() ->
                queries.agents(at, InventoryQueries.Filter.NONE, 0, Integer.MAX_VALUE));
        List<CredentialRecord> credentials = QuarkusTransaction.requiringNew().call(() ->
                queries.credentials(at, null, null, 0, Integer.MAX_VALUE));
        List<PersonRecord> people = QuarkusTransaction.requiringNew().call(() -> peopleByEntity(at));
        List<SecretFinding> secrets = QuarkusTransaction.requiringNew().call(() -> secretsByEntity(at));
        InventoryLoads.Inventory lean = loads.load(at);

        // a page at a time, as the API lists them
        List<AgentRecord> agentPages = new ArrayList<>();
        List<CredentialRecord> credentialPages = new ArrayList<>();
        for (int offset = 0; offset <= Math.max(agents.size(), credentials.size()); offset += 2) {
            int from = offset;
            agentPages.addAll(QuarkusTransaction.requiringNew().call(() ->
                    queries.agents(at, InventoryQueries.Filter.NONE, from, 2)));
            credentialPages.addAll(QuarkusTransaction.requiringNew().call(() ->
                    queries.credentials(at, null, null, from, 2)));
        }
        assertThat(agentPages).containsExactlyElementsOf(agents);
        assertThat(credentialPages).containsExactlyElementsOf(credentials);

        assertThat(lean.agents()).containsExactlyElementsOf(agents);
        assertThat(lean.credentials()).containsExactlyElementsOf(credentials);
        assertThat(lean.people()).containsExactlyElementsOf(people);
        assertThat(lean.secrets()).containsExactlyElementsOf(secrets);
        assertThat(loads.agents(at)).containsExactlyElementsOf(agents);
        assertThat(loads.credentials(at)).containsExactlyElementsOf(credentials);
        assertThat(loads.people(at)).containsExactlyElementsOf(people);
    }

    /** The people query the loader used before the lean read. */
    private List<PersonRecord> peopleByEntity(Instant at) {
        List<Long> ids = uploads.inForce("people", at);
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from PersonEntity where uploadId in :ids order by id, uploadId", PersonEntity.class)
                .setParameter("ids", ids).getResultStream().map(PersonEntity::toRecord).toList();
    }

    /** The secrets query the loader used before the lean read. */
    private List<SecretFinding> secretsByEntity(Instant at) {
        return em.createQuery("select s from SecretFindingEntity s, UploadEntity u"
                        + " where u.id = s.uploadId and u.status = dev.steward.upload.UploadEntity.Status.COMMITTED"
                        + " and s.foundAt <= :asOf order by s.pk", SecretFindingEntity.class)
                .setParameter("asOf", at).getResultStream().map(SecretFindingEntity::toRecord).toList();
    }
}
