package dev.steward.decisions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.evidence.DecisionAggregate;
import dev.steward.ingest.DecisionLine;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.InputFile;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import dev.steward.testing.TestFiles;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Decisions stored as packs read back on every database (H2 and PostgreSQL subclasses): a store ingested before packs
 * keeps its {@code decision} and {@code decision_daily} rows, and the readers return them together with packs, summing
 * equal keys across both, in the one Java order; the raw decisions of an upload come back as JSON Lines to auditors
 * and admins only. Each test uses a day of its own far in the future, so its window holds only its own decisions.
 */
abstract class DecisionStoreContract {

    @Inject
    IngestService ingest;

    @Inject
    DecisionAggregates aggregates;

    @Inject
    RawDecisions raw;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TokenService tokens;

    @Inject
    MeterRegistry metrics;

    final TestFiles files = new TestFiles();
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    /**
     * Each test's days of its own: tests of a store share its database, and each reads back whole windows of up to five
     * days from {@link #day}. Days picked at random collided now and then (two tests on one day read each other's
     * decisions); handed out in steps of a week from a random start, they never do.
     */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_DAY =
            new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(0, 1000));
    final LocalDate day = LocalDate.parse("2043-01-01").plusDays(NEXT_DAY.getAndAdd(7));
    final Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);

    private IngestReport ingest(Path file) {
        return ingest.ingest(new IngestRequest(List.of(InputFile.of(file)), "auto", null, null, "packs-" + tag, "test",
                null, null));
    }

    private String line(String id, String agent, String credential, int second, boolean allow, String extra) {
        return "{\"id\":\"" + id + "\",\"time\":\"" + start.plusSeconds(second) + "\","
                + (agent == null ? "" : "\"agent\":\"" + agent + "\",")
                + (credential == null ? "" : "\"credential\":\"" + credential + "\",")
                + "\"tool\":\"erp\",\"action\":\"read\",\"decision\":\"" + (allow ? "allow" : "deny") + "\"" + extra + "}\n";
    }

    /** An upload ingested before V11, written the way the old writer wrote it: rows, no packs. */
    private long oldUpload(String agent) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO upload (kind, status, format, scope, content_hash, files,"
                    + " received_at, decision_count) VALUES ('DECISIONS', 'COMMITTED', 'native', ?, ?, 'old.jsonl', ?, 2)",
                    new String[] {"id"})) {
                s.setString(1, "packs-old-" + tag);
                s.setString(2, "old-" + tag);
                s.setObject(3, start.atOffset(ZoneOffset.UTC));
                s.executeUpdate();
                try (ResultSet k = s.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO decision (upload_id, id, decided_at, agent, credential,"
                    + " on_behalf_of, tool, action, resource, scope, allowed, policy, reason, trigger_ref, approval, risk,"
                    + " environment, interactive, user_agent, source_file, source_line)"
                    + " VALUES (?,?,?,?,?,?,'erp','read',?,NULL,TRUE,'p',NULL,NULL,NULL,NULL,'prod',?,NULL,'old.jsonl',?)")) {
                for (int i = 1; i <= 2; i++) {
                    s.setLong(1, id);
                    s.setString(2, "old-" + i);
                    s.setObject(3, start.plusSeconds(100 * i).atOffset(ZoneOffset.UTC));
                    s.setString(4, agent);
                    s.setString(5, "cred-" + tag);
                    s.setString(6, i == 1 ? "[\"p-1\"]" : null);
                    s.setString(7, "erp://old/" + i);
                    if (i == 1) {
                        s.setBoolean(8, true);
                    } else {
                        s.setNull(8, Types.BOOLEAN);
                    }
                    s.setLong(9, i);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO decision_daily (upload_id, day_utc, agent, credential,"
                    + " tool, action, scope, environment, allowed, on_behalf_of, decision_count, with_policy, complete, human,"
                    + " high_risk, approved, high_risk_approved, first_at, last_at)"
                    + " VALUES (?,?,?,?,'erp','read',NULL,NULL,TRUE,'[]',2,2,0,1,0,0,0,?,?)")) {
                s.setLong(1, id);
                s.setObject(2, day);
                s.setString(3, agent);
                s.setString(4, "cred-" + tag);
                s.setObject(5, start.plusSeconds(100).atOffset(ZoneOffset.UTC));
                s.setObject(6, start.plusSeconds(200).atOffset(ZoneOffset.UTC));
                s.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return id;
        }
    }

    private List<DecisionAggregate> window() {
        return aggregates.window(start, start.plusSeconds(86_400 * 2));
    }

    @Test
    void oldRowsAndPacksAreReadTogetherAndEqualKeysAreSummed() throws Exception {
        String agent = "agent-" + tag;
        long old = oldUpload(agent);
        // the same key as the old aggregate (day, agent, credential, erp, read, no scope or environment, allowed, no
        // chain) once more, later that day, and one decision the next day
        IngestReport r = ingest(files.write("new-" + tag + ".jsonl",
                line("new-1", agent, "cred-" + tag, 300, true, ",\"policy\":\"p\"")
                        + line("new-2", agent, "cred-" + tag, 86_400 + 5, false, "")));
        assertThat(r.status()).isEqualTo(IngestReport.Status.COMMITTED);

        List<DecisionAggregate> w = window();
        assertThat(w).hasSize(2);
        DecisionAggregate first = w.get(0);
        assertThat(first.day()).isEqualTo(day);
        assertThat(first.count()).as("2 old rows' aggregate + 1 in a pack").isEqualTo(3);
        assertThat(first.withPolicy()).isEqualTo(3);
        assertThat(first.human()).isEqualTo(1);
        assertThat(first.firstAt()).isEqualTo(start.plusSeconds(100));
        assertThat(first.lastAt()).isEqualTo(start.plusSeconds(300));
        assertThat(first.onBehalfOf()).isEmpty();
        assertThat(w.get(1).day()).isEqualTo(day.plusDays(1));
        assertThat(w.get(1).allowed()).isFalse();
        assertThat(aggregates.windowOf(start, start.plusSeconds(86_400 * 2), agent, null))
                .as("one agent's: old rows and packs summed as the window sums them").isEqualTo(w);
        assertThat(aggregates.windowOf(start, start.plusSeconds(86_400), null, "cred-" + tag))
                .singleElement().satisfies(a -> assertThat(a.count()).isEqualTo(3));
        assertThat(aggregates.uploadsInWindow(start, start.plusSeconds(86_400 * 2))).containsExactly(old, r.uploadId());
        assertThat(aggregates.uploadsInWindow(start.plusSeconds(86_400), start.plusSeconds(86_400 * 2)))
                .as("the next day holds only the pack upload's decision").containsExactly(r.uploadId());
        assertThat(aggregates.rows(start, start.plusSeconds(86_400 * 2))).isEqualTo(4);

        List<String> order = new ArrayList<>();
        List<DecisionLine> lines = new ArrayList<>();
        raw.inWindow(start, start.plusSeconds(86_400 * 2), (upload, d) -> {
            order.add(upload + ":" + d.id());
            lines.add(d);
        });
        assertThat(order).as("old rows first, then packs: storage order")
                .containsExactly(old + ":old-1", old + ":old-2", r.uploadId() + ":new-1", r.uploadId() + ":new-2");
        assertThat(lines.get(0).onBehalfOf()).containsExactly("p-1");
        assertThat(lines.get(0).interactive()).isTrue();
        assertThat(lines.get(1).interactive()).isNull();
        assertThat(lines.get(1).file()).isEqualTo("old.jsonl");
        assertThat(lines.get(1).line()).isEqualTo(2);
        assertThat(lines.get(3).file()).isEqualTo("new-" + tag + ".jsonl");
        assertThat(lines.get(3).line()).isEqualTo(2);
        List<String> window = new ArrayList<>();
        raw.inWindow(start.plusSeconds(150), start.plusSeconds(301), (upload, d) -> window.add(d.id()));
        assertThat(window).as("the window is by decision time, inside packs too").containsExactly("old-2", "new-1");
    }

    @Test
    void aLogOverSeveralPacksWithLateDecisionsIsSummedExactlyAndKeepsItsFileOrder() throws Exception {
        // 10,000 decisions over five days (three raw packs), in time order but for every 500th, which goes back to the
        // first day after the writer has already written that day's aggregates away
        StringBuilder log = new StringBuilder();
        java.util.Map<String, Long> expected = new java.util.TreeMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int second = i % 500 == 499 ? 7 : (int) (i * (5L * 86_400 - 1) / 10_000);
            String agent = "agent-" + tag + "-" + (i % 7);
            boolean allow = i % 3 != 0;
            String id = "late-" + i;
            ids.add(id);
            log.append(line(id, agent, "cred-" + tag + "-" + (i % 3), second, allow, ""));
            expected.merge(day.plusDays(second / 86_400) + "/" + agent + "/" + allow, 1L, Long::sum);
        }
        IngestReport r = ingest(files.write("late-" + tag + ".jsonl", log.toString()));
        assertThat(r.status()).isEqualTo(IngestReport.Status.COMMITTED);
        // its daily packs number the upload's texts (version 2), stored once in parts that follow each other
        try (Connection c = dataSource.getConnection()) {
            UploadTexts texts = UploadTexts.load(c, r.uploadId());
            List<String> stored = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                stored.add(texts.text(i));
            }
            assertThat(stored).doesNotHaveDuplicates().contains("agent-" + tag + "-0", "cred-" + tag + "-2", "erp")
                    .hasSize(7 + 3 + 3); // agents, credentials, and the tool, the action and the chain "[]"
            try (PreparedStatement s = c.prepareStatement("SELECT data FROM decision_daily_pack WHERE upload_id = ?")) {
                s.setLong(1, r.uploadId());
                try (ResultSet packs = s.executeQuery()) {
                    int n = 0;
                    for (; packs.next(); n++) {
                        int[] numbers = DailyPack.header(packs.getBytes(1)).numbers();
                        assertThat(numbers).as("pack %d's text numbers", n).isNotEmpty().doesNotHaveDuplicates();
                        assertThat(java.util.Arrays.stream(numbers).max().getAsInt()).isLessThan(texts.size());
                    }
                    assertThat(n).as("daily packs").isGreaterThanOrEqualTo(5);
                }
            }
        }

        java.util.Map<String, Long> summed = new java.util.TreeMap<>();
        for (DecisionAggregate a : aggregates.window(start, start.plusSeconds(86_400 * 5))) {
            summed.merge(a.day() + "/" + a.agent() + "/" + a.allowed(), a.count(), Long::sum);
        }
        assertThat(summed).isEqualTo(expected);
        // one agent's or one credential's aggregates, as a page about it reads them: the window's own, summed alike
        List<DecisionAggregate> whole = aggregates.window(start, start.plusSeconds(86_400 * 5));
        String agent3 = "agent-" + tag + "-3";
        String cred1 = "cred-" + tag + "-1";
        assertThat(aggregates.windowOf(start, start.plusSeconds(86_400 * 5), agent3, null))
                .isEqualTo(whole.stream().filter(a -> agent3.equals(a.agent())).toList()).isNotEmpty();
        assertThat(aggregates.windowOf(start, start.plusSeconds(86_400 * 5), null, cred1))
                .isEqualTo(whole.stream().filter(a -> cred1.equals(a.credential())).toList()).isNotEmpty();
        assertThat(aggregates.windowOf(start, start.plusSeconds(86_400 * 5), agent3, cred1))
                .isEqualTo(whole.stream().filter(a -> agent3.equals(a.agent()) || cred1.equals(a.credential())).toList());
        assertThat(aggregates.windowOf(start, start.plusSeconds(86_400 * 5), "agent-" + tag + "-9", null)).isEmpty();
        assertThat(aggregates.window(start, start.plusSeconds(86_400 * 5)))
                .as("one aggregate per key however often its day was written")
                .extracting(a -> a.day() + "/" + a.agent() + "/" + a.credential() + "/" + a.allowed()).doesNotHaveDuplicates();
        List<String> read = new ArrayList<>();
        raw.inWindow(start, start.plusSeconds(86_400 * 5), (upload, d) -> read.add(d.id()));
        assertThat(read).as("raw decisions in file order across packs").isEqualTo(ids);
        // the calls after the first read only the packs whose filter may name the subject; a new upload is read too
        IngestReport more = ingest(files.write("more-" + tag + ".jsonl", line("more-1", agent3, cred1, 100, true, "")
                + line("more-2", "agent-" + tag + "-9", null, 200, false, "")));
        assertThat(more.status()).isEqualTo(IngestReport.Status.COMMITTED);
        List<DecisionAggregate> after = aggregates.window(start, start.plusSeconds(86_400 * 5));
        assertThat(aggregates.windowOf(start, start.plusSeconds(86_400 * 5), agent3, null))
                .isEqualTo(after.stream().filter(a -> agent3.equals(a.agent())).toList());
        assertThat(aggregates.windowOf(start, start.plusSeconds(86_400 * 5), "agent-" + tag + "-9", null))
                .singleElement().satisfies(a -> assertThat(a.allowed()).isFalse());
        assertThat(aggregates.windowOf(start, start.plusSeconds(86_400 * 5), null, cred1))
                .isEqualTo(after.stream().filter(a -> cred1.equals(a.credential())).toList())
                .isNotEqualTo(whole.stream().filter(a -> cred1.equals(a.credential())).toList());
    }

    @Test
    void pagesAskingAtOnceShareOneReadOfTheWholeWindow() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            log.append(line("once-" + i, "agent-" + tag + "-" + (i % 4), "cred-" + tag + "-" + (i % 5), i * 86,
                    i % 3 != 0, ""));
        }
        assertThat(ingest(files.write("once-" + tag + ".jsonl", log.toString())).status())
                .isEqualTo(IngestReport.Status.COMMITTED);
        Instant end = start.plusSeconds(86_400 * 3);
        List<DecisionAggregate> whole = aggregates.window(start, end);
        double all = subjectReads("all");
        double filtered = subjectReads("filtered");

        // four pages about four agents at once, on a window whose filters are not built yet (a new upload)
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pages = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<DecisionAggregate>>> asked = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String agent = "agent-" + tag + "-" + i;
                asked.add(pages.submit(() -> {
                    go.await();
                    return aggregates.windowOf(start, end, agent, null);
                }));
            }
            go.countDown();
            for (int i = 0; i < 4; i++) {
                String agent = "agent-" + tag + "-" + i;
                assertThat(asked.get(i).get(2, TimeUnit.MINUTES)).as(agent)
                        .isEqualTo(whole.stream().filter(a -> agent.equals(a.agent())).toList()).isNotEmpty();
            }
        } finally {
            pages.shutdownNow();
        }
        assertThat(subjectReads("all")).as("one read of every pack, which the other pages waited for")
                .isEqualTo(all + 1);
        assertThat(subjectReads("filtered")).isEqualTo(filtered + 3);
    }

    private double subjectReads(String packs) {
        return metrics.get("steward.decisions.subject.reads").tag("packs", packs).counter().count();
    }

    @Test
    void aggregatesComeInOneJavaOrderOnEveryDatabaseNullsFirst() {
        String a = "b-" + tag;
        IngestReport r = ingest(files.write("order-" + tag + ".jsonl",
                line("1", "b-" + tag, null, 1, true, "")
                        + line("2", null, "cred-" + tag, 2, true, "")
                        + line("3", "B-" + tag, null, 3, true, "")
                        + line("4", "a-" + tag, "cred-" + tag, 4, true, "")
                        + line("5", "a-" + tag, null, 5, true, "")));
        assertThat(r.status()).isEqualTo(IngestReport.Status.COMMITTED);
        assertThat(window()).extracting(d -> d.agent() + "/" + d.credential()).containsExactly(
                "null/cred-" + tag, "B-" + tag + "/null", "a-" + tag + "/null", "a-" + tag + "/cred-" + tag, a + "/null");
    }

    @Test
    void theRawDecisionsOfAnUploadComeBackAsJsonLinesToAuditorsAndAdminsOnly() {
        String agent = "jsonl-" + tag;
        IngestReport r = ingest(files.write("raw-" + tag + ".jsonl",
                line("j-1", agent, null, 10, true, ",\"onBehalfOf\":[\"p-9\"],\"client\":{\"interactive\":false}")
                        + line("j-2", agent, "cred-" + tag, 20, false, ",\"reason\":\"no \\\"budget\\\"\"")));
        String path = "/api/v1/uploads/" + r.uploadId() + "/decisions";
        String body = given().auth().oauth2(tokens.create("t-" + tag, Role.AUDITOR, null, "test").token()).get(path)
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        String[] jsonl = body.split("\n");
        assertThat(jsonl).hasSize(2);
        assertThat(jsonl[0]).isEqualTo("{\"id\":\"j-1\",\"time\":\"" + start.plusSeconds(10) + "\",\"agent\":\"" + agent
                + "\",\"credential\":null,\"onBehalfOf\":[\"p-9\"],\"tool\":\"erp\",\"action\":\"read\",\"resource\":null,"
                + "\"scope\":null,\"decision\":\"allow\",\"policy\":null,\"reason\":null,\"trigger\":null,\"approval\":null,"
                + "\"risk\":null,\"environment\":null,\"client\":{\"interactive\":false,\"userAgent\":null},\"upload\":"
                + r.uploadId() + ",\"sourceFile\":\"raw-" + tag + ".jsonl\",\"sourceLine\":1}");
        assertThat(jsonl[1]).contains("\"decision\":\"deny\"", "\"reason\":\"no \\\"budget\\\"\"",
                "\"client\":{\"interactive\":null,", "\"sourceLine\":2");
        given().auth().oauth2("test-admin-token").get(path).then().statusCode(200);
        given().auth().oauth2(tokens.create("v-" + tag, Role.VIEWER, null, "test").token()).get(path).then().statusCode(403);
        given().auth().oauth2("test-admin-token").get("/api/v1/uploads/999999999/decisions").then().statusCode(404);
    }
}
