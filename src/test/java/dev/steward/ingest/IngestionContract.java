package dev.steward.ingest;

import static dev.steward.testing.TestFiles.agent;
import static dev.steward.testing.TestFiles.decision;
import static dev.steward.testing.TestFiles.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.decisions.DecisionAggregates;
import dev.steward.decisions.RawDecisions;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.CredentialRecord;
import dev.steward.inventory.InventoryQueries;
import dev.steward.testing.StoredDecisionReads;
import dev.steward.testing.TestFiles;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * What ingestion promises, run against every supported database (H2 and PostgreSQL subclasses). Each test uses its
 * own supersession scope and ids, so tests do not see each other's uploads.
 */
abstract class IngestionContract {

    @Inject
    IngestService ingest;

    @Inject
    InventoryQueries inventory;

    @Inject
    dev.steward.evidence.EvidenceLoader evidence;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RawDecisions raw;

    @Inject
    DecisionAggregates aggregates;

    final TestFiles files = new TestFiles();
    final String scope = "test-" + UUID.randomUUID();

    IngestReport ingest(Path... paths) {
        return ingest(null, paths);
    }

    IngestReport ingest(Instant asOf, Path... paths) {
        List<InputFile> inputs = new ArrayList<>();
        for (Path p : paths) {
            inputs.add(new InputFile(p.getFileName().toString(), p));
        }
        return ingest.ingest(new IngestRequest(inputs, "auto", asOf, null, scope, "test", null, null));
    }

    long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void storesInventoryWithProvenanceAndReadsItBack() {
        Path inv = files.write("inventory.yaml", inventory("2026-11-01T00:00:00Z", agent("a-" + scope) + agent("b-" + scope))
                + "credentials:\n  - id: c-" + scope + "\n    type: token\n    holders: [a-" + scope + "]\n"
                + "    storage: vault\n    createdAt: 2026-01-10\n    ttlSeconds: 3600\n    status: active\n");
        IngestReport r = ingest(inv);

        assertThat(r.status()).isEqualTo(IngestReport.Status.COMMITTED);
        assertThat(r.counts().agents()).isEqualTo(2);
        AgentRecord a = inventory.agent("b-" + scope, Instant.parse("2026-11-02T00:00:00Z")).orElseThrow();
        assertThat(a.source().uploadId()).isEqualTo(r.uploadId());
        assertThat(a.source().file()).isEqualTo("inventory.yaml");
        assertThat(a.source().line()).isEqualTo(12);
        CredentialRecord c = inventory.credential("c-" + scope, Instant.parse("2026-11-02T00:00:00Z")).orElseThrow();
        assertThat(c.ttlSeconds()).isEqualTo(3600);
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2026-01-10T00:00:00Z"));
        assertThat(c.holders()).containsExactly("a-" + scope);
        // one holder's credentials, looked for in the database: the holder's, not those of an id it begins
        Instant at = Instant.parse("2026-11-02T00:00:00Z");
        assertThat(inventory.credentials(at, "a-" + scope, null, 0, 10)).extracting(CredentialRecord::id)
                .containsExactly("c-" + scope);
        assertThat(inventory.credentials(at, "b-" + scope, null, 0, 10)).isEmpty();
        assertThat(inventory.credentials(at, "a-" + scope.substring(0, scope.length() - 1), null, 0, 10)).isEmpty();
        // the inventory the pages keep has the same records by holder, and the same people
        dev.steward.evidence.Evidence kept = evidence.inventory(at, at.minus(java.time.Duration.ofDays(90)));
        assertThat(kept.heldCredentials("a-" + scope)).isEqualTo(inventory.credentials(at, "a-" + scope, null, 0, 10));
        assertThat(kept.heldCredentials("b-" + scope)).isEmpty();
        assertThat(kept.agents().get("b-" + scope)).isEqualTo(a);
        assertThat(kept.credential("c-" + scope)).contains(c);
        assertThat(inventory.people(at)).allSatisfy(person -> assertThat(kept.people().get(person.id())).isEqualTo(person))
                .hasSize(kept.people().size());
    }

    @Test
    void aBadLineInTheMiddleOfALargeLogRollsBackTheWholeUpload() throws Exception {
        StringBuilder log = new StringBuilder();
        String agent = "bulk-" + scope;
        for (int i = 1; i <= 20_000; i++) {
            if (i == 10_001) {
                log.append("{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"").append(agent).append("\",\"decision\":\"maybe\"}\n");
            } else if (i == 15_000) {
                log.append("{\"time\":\"yesterday\",\"agent\":\"").append(agent).append("\",\"decision\":\"deny\"}\n");
            } else {
                log.append(decision(i, agent));
            }
        }
        long before = count("SELECT COUNT(*) FROM decision_pack") + count("SELECT COUNT(*) FROM decision_daily_pack")
                + count("SELECT COUNT(*) FROM decision_text_pack");
        IngestReport r = ingest(files.gzip("big.jsonl.gz", log.toString()));

        assertThat(r.status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(r.errors()).isEqualTo(2);
        assertThat(r.problems()).extracting(Problem::line, Problem::field, Problem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10_001L, "decision", "maybe"),
                        org.assertj.core.groups.Tuple.tuple(15_000L, "time", "yesterday"));
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("big.jsonl.gz"));
        // nothing stays of the 10,000 good lines that came before the first bad one
        assertThat(count("SELECT COUNT(*) FROM decision_pack") + count("SELECT COUNT(*) FROM decision_daily_pack")
                + count("SELECT COUNT(*) FROM decision_text_pack")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM decision_text_pack WHERE upload_id = " + r.uploadId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM decision_pack WHERE upload_id = " + r.uploadId())).isZero();
        assertThat(StoredDecisionReads.ofUpload(raw, r.uploadId())).isEmpty();
        assertThat(StoredDecisionReads.raw(raw, d -> agent.equals(d.agent()))).isEmpty();
        assertThat(StoredDecisionReads.daily(aggregates, d -> agent.equals(d.agent()))).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM upload WHERE id = " + r.uploadId() + " AND status = 'REJECTED'")).isEqualTo(1);
    }

    @Test
    void theSameContentIsStoredOnce() throws Exception {
        String agent = "idem-" + scope;
        Path log = files.write("decisions.jsonl", decision(1, agent) + decision(2, agent));
        IngestReport first = ingest(log);
        IngestReport second = ingest(files.write("renamed.jsonl", decision(1, agent) + decision(2, agent)));

        assertThat(first.status()).isEqualTo(IngestReport.Status.COMMITTED);
        assertThat(second.status()).isEqualTo(IngestReport.Status.DUPLICATE);
        assertThat(second.duplicateOf()).isEqualTo(first.uploadId());
        assertThat(StoredDecisionReads.raw(raw, d -> agent.equals(d.agent()))).hasSize(2);
        assertThat(StoredDecisionReads.daily(aggregates, d -> agent.equals(d.agent()))
                .stream().mapToLong(DecisionAggregate::count).sum()).isEqualTo(2);
    }

    @Test
    void aLaterAsOfSupersedesTheEarlierInventoryWhichStaysAvailableForEarlierInstants() {
        IngestReport oct = ingest(files.write("oct.yaml", inventory("2026-10-01", agent("old-" + scope))));
        IngestReport nov = ingest(files.write("nov.yaml", inventory("2026-11-01", agent("new-" + scope))));
        assertThat(oct.status()).isEqualTo(IngestReport.Status.COMMITTED);
        assertThat(nov.status()).isEqualTo(IngestReport.Status.COMMITTED);

        assertThat(ids(Instant.parse("2026-10-15T00:00:00Z"))).containsExactly("old-" + scope);
        assertThat(ids(Instant.parse("2026-11-15T00:00:00Z"))).containsExactly("new-" + scope);
        assertThat(ids(Instant.parse("2026-09-15T00:00:00Z"))).isEmpty();
    }

    private List<String> ids(Instant at) {
        return inventory.allAgents(at).stream().map(AgentRecord::id).filter(id -> id.endsWith(scope)).toList();
    }

    @Test
    void decisionsAreFoldedIntoDailyAggregates() throws Exception {
        String a = "agg-" + scope;
        String lines = decision(1, a) + decision(2, a)
                + "{\"time\":\"2026-10-02T23:59:59Z\",\"agent\":\"" + a + "\",\"credential\":\"cred-1\",\"tool\":\"erp\","
                + "\"action\":\"read\",\"scope\":\"erp:read\",\"decision\":\"allow\",\"client\":{\"interactive\":true}}\n"
                + "{\"time\":\"2026-10-03T00:00:01+02:00\",\"agent\":\"" + a + "\",\"decision\":\"deny\",\"risk\":\"high\","
                + "\"approval\":\"CHG-1\",\"client\":{\"userAgent\":\"Mozilla/5.0 (X11)\"}}\n";
        IngestReport r = ingest(files.write("agg.jsonl", lines));
        assertThat(r.status()).isEqualTo(IngestReport.Status.COMMITTED);

        List<DecisionAggregate> daily = StoredDecisionReads.daily(aggregates, d -> a.equals(d.agent()));
        assertThat(daily.stream().mapToLong(DecisionAggregate::count).sum()).isEqualTo(4);
        assertThat(daily.stream().filter(d -> d.allowed() && "erp".equals(d.tool())).mapToLong(DecisionAggregate::count)
                .sum()).isEqualTo(3);
        assertThat(daily.stream().mapToLong(DecisionAggregate::complete).sum()).isEqualTo(2);
        assertThat(daily.stream().mapToLong(DecisionAggregate::withPolicy).sum()).isEqualTo(2);
        assertThat(daily.stream().mapToLong(DecisionAggregate::human).sum()).isEqualTo(2);
        assertThat(daily.stream().mapToLong(DecisionAggregate::highRiskApproved).sum()).isEqualTo(1);
        // 00:00:01+02:00 is still 2026-10-02 in UTC
        assertThat(daily).extracting(DecisionAggregate::day).containsOnly(java.time.LocalDate.parse("2026-10-02"));
    }

    @Test
    void rawDecisionsRoundTripExactly() throws Exception {
        String a = "raw-" + scope;
        String line = "{\"id\":\"d-q\",\"time\":\"2026-10-02T10:00:00.5Z\",\"agent\":\"" + a + "\",\"decision\":\"deny\","
                + "\"resource\":\"a,\\\"b\\\"\\nc\",\"reason\":\"\",\"onBehalfOf\":[\"p-1\",\"agent-2\"],"
                + "\"client\":{\"interactive\":true}}\n";
        IngestReport r = ingest(files.write("raw.jsonl", line + TestFiles.decision(2, a)));
        assertThat(r.status()).isEqualTo(IngestReport.Status.COMMITTED);
        List<DecisionLine> stored = StoredDecisionReads.ofUpload(raw, r.uploadId());
        assertThat(stored).hasSize(2);
        DecisionLine first = stored.get(0);
        assertThat(first.id()).isEqualTo("d-q");
        assertThat(first.time()).isEqualTo(Instant.parse("2026-10-02T10:00:00.5Z"));
        assertThat(first.agent()).isEqualTo(a);
        assertThat(first.resource()).isEqualTo("a,\"b\"\nc");
        assertThat(first.reason()).isNull();
        assertThat(first.onBehalfOf()).containsExactly("p-1", "agent-2");
        assertThat(first.allowed()).isFalse();
        assertThat(first.interactive()).isTrue();
        assertThat(first.approval()).isNull();
        assertThat(first.file()).isEqualTo("raw.jsonl");
        assertThat(first.line()).isEqualTo(1);
        DecisionLine second = stored.get(1);
        assertThat(second.resource()).isEqualTo("erp://x/2");
        assertThat(second.interactive()).isNull();
        assertThat(second.line()).isEqualTo(2);
        assertThat(StoredDecisionReads.raw(raw, d -> a.equals(d.agent()))).containsExactlyElementsOf(stored);
    }

    @Test
    void secretValuesAreNeverStoredEchoedOrLogged() throws Exception {
        String aws = "AKIA" + "Q3EGRVQ5XKZ7TN2P";
        String github = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";
        String jwt = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJhZ2VudC0xMjMifQ.c2lnbmF0dXJlLXZhbHVlLWhlcmU";
        String password = "correct-horse-" + "battery-staple";
        Path inv = files.write("inv.yaml", inventory("2026-11-01", agent("sec-" + scope)
                + "    notes: \"deploy key " + github + "\"\n")
                + "credentials:\n  - id: leaked-" + scope + "\n    type: api-key\n    holders: [sec-" + scope + "]\n"
                + "    storage: config-file\n    location: \"" + aws + "\"\n    password: \"" + password + "\"\n"
                + "    status: active\n");
        Path log = files.write("secrets.jsonl", "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"sec-" + scope
                + "\",\"credential\":\"leaked-" + scope + "\",\"decision\":\"allow\",\"resource\":\"https://api/?t=" + jwt + "\"}\n");

        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        IngestReport r1;
        IngestReport r2;
        try {
            r1 = ingest(inv);
            r2 = ingest(log);
        } finally {
            root.removeHandler(capture);
        }

        assertThat(r1.status()).isEqualTo(IngestReport.Status.COMMITTED);
        assertThat(r2.status()).isEqualTo(IngestReport.Status.COMMITTED);
        assertThat(r1.counts().secretsRedacted()).isEqualTo(3);
        assertThat(r2.counts().secretsRedacted()).isEqualTo(1);
        List<String> planted = List.of(aws, github, jwt, password);
        String everything = dumpAllTables() + r1 + r2 + String.join("\n", logged);
        for (String secret : planted) {
            assertThat(everything).doesNotContain(secret);
        }
        assertThat(r1.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("credentials.location");
            assertThat(p.value()).isEqualTo("[REDACTED:aws-access-key]");
            assertThat(p.line()).isEqualTo(18);
        });
        CredentialRecord c = inventory.credential("leaked-" + scope, Instant.parse("2026-11-02T00:00:00Z")).orElseThrow();
        assertThat(c.exposed()).isTrue();
        assertThat(c.exposureWhere()).contains("inv.yaml:18");
        assertThat(c.exposedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(count("SELECT COUNT(*) FROM secret_finding WHERE credential_id = 'leaked-" + scope + "'")).isEqualTo(3);
        // what the credential page lists: where and of what kind, never the value, and nothing before it was found
        assertThat(inventory.secretsOf("leaked-" + scope, Instant.parse("2026-11-02T00:00:00Z")))
                .hasSize(3).anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo("credentials.location");
                    assertThat(f.kind()).isEqualTo("aws-access-key");
                    assertThat(f.source().file()).isEqualTo("inv.yaml");
                    assertThat(f.source().line()).isEqualTo(18);
                });
        assertThat(inventory.secretsOf("leaked-" + scope, Instant.parse("2026-10-31T00:00:00Z"))).singleElement()
                .satisfies(f -> assertThat(f.kind() + " " + f.field() + " " + f.source().file()).isEqualTo("jwt resource secrets.jsonl"));
        assertThat(inventory.secretsOf("leaked-" + scope, Instant.parse("2026-10-02T09:00:00Z"))).isEmpty();
    }

    private String dumpAllTables() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("upload", "person", "agent", "credential", "secret_finding", "decision", "decision_daily")) {
                try (ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                    int cols = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        for (int i = 1; i <= cols; i++) {
                            all.append(r.getString(i)).append('|');
                        }
                    }
                }
            }
        }
        // decisions are deflated packs: what a dump of their tables would miss, the readers show
        raw.inWindowUnchecked(StoredDecisionReads.EVER, StoredDecisionReads.NEVER, (upload, d) -> all.append(d).append('|'));
        aggregates.window(StoredDecisionReads.EVER, StoredDecisionReads.NEVER).forEach(d -> all.append(d).append('|'));
        assertThat(all).contains("REDACTED");
        return all.toString();
    }
}
