package dev.steward.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.SourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing stored packs by reference ({@link PackRoutes}) against routing the same packs text by text
 * ({@link WindowShards#add}): byte-identical shard files, the same principals and named credentials, the same evidence
 * per shard. The data has what the routing decides on: agents absent, blank or not in the inventory; credentials
 * unknown, without holders, with one holder (the principal of an agent-less decision) or several; rows outside the
 * window; packs sharing texts. Packs of both versions: with texts of their own (version 1), numbering their upload's
 * texts (version 2), an upload whose texts reach their limit half way (its later packs of version 1), two uploads.
 */
class PackRoutesTest {

    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private static final LocalDate FROM = LocalDate.parse("2026-08-03");
    private static final LocalDate TO = LocalDate.parse("2026-11-01");

    @TempDir
    Path tmp;

    @Test
    void routesEveryPackByReferenceExactlyAsByText() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 9; round++) {
            Evidence inventory = inventory(random);
            // rounds 0, 3, 6: version 1; 1, 4, 7: version 2; 2, 5, 8: both, over two uploads
            Stored stored = packs(random, round % 3);
            List<byte[]> packs = stored.bodies();
            // up to 5 shards, and once more than a 64-bit mask holds (most of them without a subject of their own)
            int shardCount = round >= 5 && round <= 6 ? 70 + random.nextInt(30) : 1 + random.nextInt(5);
            Path byTextDir = Files.createDirectories(tmp.resolve("text-" + round));
            Path byRefDir = Files.createDirectories(tmp.resolve("ref-" + round));
            try (WindowShards byText = new WindowShards(inventory, shardCount, byTextDir);
                    WindowShards byRef = new WindowShards(inventory, shardCount, byRefDir);
                    PackRoutes routes = byRef.packs()) {
                UploadTexts.Cache texts = stored.cache();
                for (int i = 0; i < packs.size(); i++) {
                    long upload = stored.uploads().get(i);
                    DailyPack.decode(packs.get(i), () -> stored.texts(upload), FROM, TO, byText::add);
                    routes.pack(upload, packs.get(i), FROM, TO, texts);
                }
                routes.finish();
                byText.finishWriting();
                byRef.finishWriting();

                List<Path> textFiles = files(byTextDir);
                List<Path> refFiles = files(byRefDir);
                assertThat(refFiles).hasSameSizeAs(textFiles).hasSize(shardCount);
                long bytes = 0;
                for (int k = 0; k < textFiles.size(); k++) {
                    assertThat(Files.readAllBytes(refFiles.get(k))).as("shard file %d of round %d", k, round)
                            .isEqualTo(Files.readAllBytes(textFiles.get(k)));
                    bytes += Files.size(textFiles.get(k));
                }
                assertThat(bytes).isPositive();
                // every row in the files is counted, each copy of a row once
                long rowsInFiles = 0;
                for (Path f : textFiles) {
                    ShardRows rows = new ShardRows();
                    try (ShardReader in = new ShardReader(Files.newInputStream(f))) {
                        in.readAll(rows, java.util.stream.IntStream.range(0, 10_000).toArray());
                    }
                    rowsInFiles += rows.size();
                }
                assertThat(byRef.spilled()).isEqualTo(byText.spilled()).isEqualTo(rowsInFiles).isPositive();

                assertThat(byRef.principals()).isEqualTo(byText.principals()).isPositive();
                for (int k = 0; k < shardCount; k++) {
                    assertThat(byRef.principalsBefore(k)).isEqualTo(byText.principalsBefore(k));
                }
                for (CredentialRecord c : inventory.credentials().values()) {
                    assertThat(byRef.named(c.id())).as(c.id()).isEqualTo(byText.named(c.id()));
                }
                assertThat(byRef.named("cred-unknown-1")).isEqualTo(byText.named("cred-unknown-1"));
                // each shard's evidence: summed and ordered as the whole window is, holding what its subjects need
                WindowSum whole = new WindowSum();
                for (int i = 0; i < packs.size(); i++) {
                    long upload = stored.uploads().get(i);
                    DailyPack.decode(packs.get(i), () -> stored.texts(upload), FROM, TO, whole);
                }
                List<dev.steward.evidence.DecisionAggregate> window = whole.aggregates();
                // the principals and named credentials, worked out from the window's rows independently
                java.util.Set<String> principals = new java.util.HashSet<>();
                java.util.Set<String> named = new java.util.HashSet<>();
                for (dev.steward.evidence.DecisionAggregate d : window) {
                    boolean agent = d.agent() != null && !d.agent().isBlank();
                    if (agent) {
                        principals.add(d.agent());
                    }
                    if (d.credential() != null) {
                        named.add(d.credential());
                        CredentialRecord c = inventory.credentials().get(d.credential());
                        if (!agent && c != null && c.holders().size() == 1) {
                            principals.add(c.holders().get(0));
                        }
                    }
                }
                assertThat(byRef.principals()).isEqualTo(principals.size());
                assertThat(byRef.principalsBefore(shardCount - 1) + principals.stream()
                        .filter(p -> byRef.agentShard(p) == shardCount - 1).count()).isEqualTo(principals.size());
                for (String id : List.of("cred-unknown-0", "cred-unknown-1", "cred-unknown-2", "agent-1", "erp",
                        "zzz")) {
                    assertThat(byRef.named(id)).as(id).isEqualTo(named.contains(id));
                }
                for (CredentialRecord c : inventory.credentials().values()) {
                    assertThat(byRef.named(c.id())).as(c.id()).isEqualTo(named.contains(c.id()));
                }
                // texts of the window that no row names as a credential ("agent-1", "erp") are not named
                assertThat(named).isNotEmpty().doesNotContain("agent-1", "erp");
                java.util.Set<dev.steward.evidence.DecisionAggregate> seen = new java.util.HashSet<>();
                for (int k = 0; k < shardCount; k++) {
                    List<dev.steward.evidence.DecisionAggregate> shard = byRef.evidence(k).decisions();
                    assertThat(shard).isEqualTo(byText.evidence(k).decisions());
                    assertInventoryInstances(inventory, shard);
                    if (!shard.isEmpty()) { // (AssertJ refuses an empty subsequence of a list that is not empty)
                        assertThat(window).containsSubsequence(shard);
                    }
                    seen.addAll(shard);
                }
                assertThat(seen).containsExactlyInAnyOrderElementsOf(window);
                assertThat(byRef.aggregates()).isEqualTo(byText.aggregates()).isEqualTo(window.size()).isPositive();
                // one shard holds each stored row of the window once: more shards hold some twice or more
                Path oneDir = Files.createDirectories(tmp.resolve("one-" + round));
                try (WindowShards single = new WindowShards(inventory, 1, oneDir)) {
                    for (int i = 0; i < packs.size(); i++) {
                        long upload = stored.uploads().get(i);
                        DailyPack.decode(packs.get(i), () -> stored.texts(upload), FROM, TO, single::add);
                    }
                    single.finishWriting();
                    assertThat(single.spilled()).isGreaterThanOrEqualTo(window.size());
                    if (shardCount > 1) {
                        assertThat(byRef.spilled()).as("rows copied to a second shard").isGreaterThan(single.spilled());
                    } else {
                        assertThat(byRef.spilled()).isEqualTo(single.spilled());
                    }
                }
            }
        }
    }

    /**
     * A credential is judged in its first holder's shard (the smallest holder id, whatever order the inventory lists
     * them in), so a row made by a credential's only holder is written once; those without a holder are cut into id
     * ranges and come first in run order.
     */
    @Test
    void aCredentialIsJudgedInItsFirstHoldersShardSoItsHoldersRowsAreWrittenOnce() throws IOException {
        List<AgentRecord> agents = new ArrayList<>();
        for (String id : List.of("a-1", "a-2", "a-3", "a-4")) {
            agents.add(agent(id));
        }
        // shard 0 judges a-1 and a-2, shard 1 a-3 and a-4
        List<CredentialRecord> credentials = List.of(credential("c-1", "a-4"), credential("c-2"),
                credential("c-3", "a-3", "a-1"), credential("c-4", "a-2"), credential("c-5"));
        Evidence inventory = new Evidence(AS_OF, AS_OF.minusSeconds(86_400L * 90), List.of(), agents, credentials,
                List.of(), List.of());
        assertThat(inventory.subjectCredentials()).extracting(CredentialRecord::id)
                .as("run order: without a holder by id, then by first holder, then id")
                .containsExactly("c-2", "c-5", "c-3", "c-4", "c-1");
        try (WindowShards shards = new WindowShards(inventory, 2, tmp)) {
            LocalDate day = FROM.plusDays(3);
            Instant at = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            long[] counts = {1, 0, 0, 0, 0, 0, 0};
            shards.add(day, "a-4", "c-1", "tool", "read", "s", "prod", true, null, counts, at, at);
            shards.add(day, "a-2", "c-4", "tool", "read", "s", "prod", true, null, counts, at, at);
            long once = shards.spilled();
            shards.add(day, "a-3", "c-3", "tool", "read", "s", "prod", true, null, counts, at, at);
            long shared = shards.spilled() - once;
            shards.add(day, "a-1", "c-5", "tool", "read", "s", "prod", true, null, counts, at, at);
            shards.finishWriting();

            assertThat(once).as("rows made by their credential's only holder go to its shard alone").isEqualTo(2);
            assertThat(shared).as("c-3's row: its agent a-3's shard and its first holder a-1's").isEqualTo(2);
            assertThat(shards.spilled() - once - shared).as("c-5's row: its agent's shard and c-5's range's").isEqualTo(2);
            // those without a holder cut in two id ranges, then the others by their first holder's shard
            assertThat(shards.credentials(0)).extracting(CredentialRecord::id).containsExactly("c-2", "c-3", "c-4");
            assertThat(shards.credentials(1)).extracting(CredentialRecord::id).containsExactly("c-5", "c-1");
            assertThat(shards.holderlessCredentials(0)).isEqualTo(1);
            assertThat(shards.holderlessCredentials(1)).isEqualTo(1);
            // run order c-2 c-5 | c-3 c-4 c-1: each shard's two runs as {first position, count}
            assertThat(shards.credentialRuns(0)).isDeepEqualTo(new long[][] {{0, 1}, {2, 2}});
            assertThat(shards.credentialRuns(1)).isDeepEqualTo(new long[][] {{1, 1}, {4, 1}});

            Evidence first = shards.evidence(0);
            assertThat(first.subjectCredentials()).extracting(CredentialRecord::id).containsExactly("c-2", "c-3", "c-4");
            assertThat(first.decisions()).extracting(d -> d.agent() + "/" + d.credential())
                    .containsExactlyInAnyOrder("a-2/c-4", "a-3/c-3", "a-1/c-5");
            Evidence second = shards.evidence(1);
            assertThat(second.subjectCredentials()).extracting(CredentialRecord::id).containsExactly("c-5", "c-1");
            assertThat(second.decisions()).extracting(d -> d.agent() + "/" + d.credential())
                    .containsExactlyInAnyOrder("a-4/c-1", "a-3/c-3", "a-1/c-5");
        }
    }

    /**
     * A shard's aggregates carry the inventory records' own id strings for the agents and credentials the inventory
     * holds (the packs decode equal strings of their own), so that the checks' lookups and compares by id stop at the
     * identity test; ids the inventory does not hold keep the window's string. The members of on-behalf-of chains too.
     */
    private static void assertInventoryInstances(Evidence inventory, List<dev.steward.evidence.DecisionAggregate> shard) {
        for (dev.steward.evidence.DecisionAggregate d : shard) {
            AgentRecord a = d.agent() == null ? null : inventory.agents().get(d.agent());
            if (a != null) {
                assertThat(d.agent()).as("agent of %s", d).isSameAs(a.id());
            }
            CredentialRecord c = d.credential() == null ? null : inventory.credentials().get(d.credential());
            if (c != null) {
                assertThat(d.credential()).as("credential of %s", d).isSameAs(c.id());
            }
            for (String member : d.onBehalfOf()) {
                AgentRecord m = inventory.agents().get(member);
                if (m != null) {
                    assertThat(member).as("chain member of %s", d).isSameAs(m.id());
                }
            }
        }
    }

    private static AgentRecord agent(String id) {
        return new AgentRecord(id, "agent " + id, null, "prod", "team", "owner", null, "active", null,
                AS_OF.minusSeconds(86_400L * 300), null, null, null, null, null, null, null, null, null, List.of(),
                List.of(), new SourceRef(1, "inventory.yaml", 1));
    }

    private static CredentialRecord credential(String id, String... holders) {
        return new CredentialRecord(id, "token", List.of(holders), "prod", "vault", "vault", null, List.of(),
                AS_OF.minusSeconds(86_400L * 200), null, null, null, null, "active", null, null, null,
                new SourceRef(1, "inventory.yaml", 100));
    }

    @Test
    void aPackCutShortFailsTheScanWithTheRoutersError() throws IOException {
        Random random = new Random(3);
        Evidence inventory = inventory(random);
        byte[] raw = dev.steward.store.PackCodec.expand(packs(random, 0).bodies().get(0));
        dev.steward.store.PackBytes.Out cut = new dev.steward.store.PackBytes.Out(raw.length);
        cut.bytes(raw, 0, raw.length - 3);
        byte[] bad;
        try (dev.steward.store.PackCodec.Compressor compressor = new dev.steward.store.PackCodec.Compressor()) {
            bad = cut.compress(compressor);
        }
        try (WindowShards shards = new WindowShards(inventory, 2, tmp); PackRoutes routes = shards.packs()) {
            // the router reads the rows: its error reaches the caller at the latest when it waits for the routing
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                routes.pack(1, bad, FROM, TO, new UploadTexts.Cache(upload -> null));
                routes.finish();
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("a pack ends inside a record");
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> shardDirs = Files.list(dir)) {
            Path shards = shardDirs.findFirst().orElseThrow();
            try (Stream<Path> files = Files.list(shards)) {
                return files.sorted().toList();
            }
        }
    }

    private static Evidence inventory(Random random) {
        List<AgentRecord> agents = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            agents.add(new AgentRecord("agent-" + i, "agent " + i, null, "prod", "team", "owner", null, "active", null,
                    AS_OF.minusSeconds(86_400L * 300), null, null, null, null, null, null, null, null, null, List.of(),
                    List.of(), new SourceRef(1, "inventory.yaml", i + 1)));
        }
        List<CredentialRecord> credentials = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int holders = random.nextInt(4);
            List<String> held = new ArrayList<>();
            for (int h = 0; h < holders; h++) {
                held.add("agent-" + random.nextInt(35));
            }
            credentials.add(new CredentialRecord("cred-" + i, "token", held.stream().distinct().toList(), "prod", "vault",
                    "vault", null, List.of(), AS_OF.minusSeconds(86_400L * 200), null, null, null, null, "active", null, null,
                    null, new SourceRef(1, "inventory.yaml", 100 + i)));
        }
        return new Evidence(AS_OF, AS_OF.minusSeconds(86_400L * 90), List.of(), agents, credentials, List.of(), List.of());
    }

    /** Stored packs, each with its upload, and the uploads' texts as stored beside them. */
    private record Stored(List<byte[]> bodies, List<Long> uploads, java.util.Map<Long, UploadTexts.Builder> parts) {
        UploadTexts texts(long upload) {
            UploadTexts.Builder b = parts.get(upload);
            return b == null ? null : b.build();
        }

        UploadTexts.Cache cache() {
            return new UploadTexts.Cache(this::texts);
        }
    }

    /**
     * Five packs. Mode 0: of version 1; mode 1: of version 2, one upload; mode 2: two uploads whose texts have room for
     * their first pack only (their later packs of version 1). The texts' parts are kept as the ingest stores them.
     */
    private static Stored packs(Random random, int mode) {
        String[] agents = {null, "", "  ", "agent-0", "agent-1", "agent-7", "agent-29", "agent-31", "agent-33", "ghost"};
        List<byte[]> packs = new ArrayList<>();
        List<Long> uploads = new ArrayList<>();
        java.util.Map<Long, UploadTexts.Builder> parts = new java.util.HashMap<>();
        // room for the first pack's texts (an aggregate names 7 at most), not for all its packs' in mode 2
        UploadTexts.Writer numbering = mode == 0 ? null : new UploadTexts.Writer(mode == 1 ? 1 << 20 : 4096 * 7 + 40);
        DailyPackEncoder encoder = new DailyPackEncoder(numbering);
        try {
            // more packs than the router takes ahead, so that its batches are reused; one with more rows than a
            // batch holds at first
            for (int p = 0; p < 12; p++) {
                long upload = mode == 2 && p >= 3 ? 2 : 1;
                if (mode == 2 && p == 3) {
                    encoder.close();
                    numbering = new UploadTexts.Writer(4096 * 7 + 40);
                    encoder = new DailyPackEncoder(numbering);
                }
                LocalDate day = FROM.minusDays(2).plusDays(random.nextInt(95));
                int rows = p == 2 ? 1100 + random.nextInt(500) : 1 + random.nextInt(300);
                for (int i = 0; i < rows; i++) {
                    LocalDate d = i == 0 ? day : day.plusDays(random.nextInt(3));
                    String agent = random.nextInt(3) == 0 ? agents[random.nextInt(agents.length)] : "agent-" + random.nextInt(35);
                    String credential = random.nextInt(4) == 0 ? null
                            : random.nextInt(10) == 0 ? "cred-unknown-" + random.nextInt(3) : "cred-" + random.nextInt(40);
                    long[] counts = new long[7];
                    for (int k = 0; k < 7; k++) {
                        counts[k] = random.nextInt(k == 0 ? 1000 : 5);
                    }
                    Instant start = d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                    Instant first = start.plusSeconds(random.nextInt(40_000)).plusNanos(random.nextInt(1_000_000_000));
                    Instant last = first.plusSeconds(random.nextInt(40_000)).plusNanos(random.nextInt(1000));
                    encoder.add(d, agent, credential, random.nextBoolean() ? "erp" : "crm", random.nextBoolean() ? "read" : "write",
                            random.nextInt(5) == 0 ? null : "scope-" + random.nextInt(3), random.nextBoolean() ? "prod" : "dev",
                            random.nextBoolean(), random.nextInt(6) == 0 ? "[\"alice\"]" : random.nextInt(6) == 0 ? "[\"agent-3\", \"ghost\"]" : "[]", counts, first, last);
                }
                packs.add(encoder.finish());
                uploads.add(upload);
                if (numbering != null && numbering.pending()) {
                    UploadTexts.Builder b = parts.computeIfAbsent(upload, UploadTexts.Builder::new);
                    b.add(numbering.parts(), numbering.stored(), numbering.size() - numbering.stored(),
                            numbering.part(encoder.compressor()));
                }
            }
        } finally {
            encoder.close();
        }
        if (mode > 0) {
            assertThat(packs).as("packs of version 2").anyMatch(b -> DailyPack.header(b).numbers() != null);
        }
        assertThat(packs).as("packs of version 1").matches(all -> mode == 1 || all.stream()
                .anyMatch(b -> DailyPack.header(b).numbers() == null));
        return new Stored(packs, uploads, parts);
    }
}
