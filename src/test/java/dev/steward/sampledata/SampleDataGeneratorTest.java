package dev.steward.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.steward.testing.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The generator's contract: deterministic output, the committed sample-data/ is exactly what the generator writes,
 * the files are valid and self-consistent, expected.yaml covers the whole catalog, and scale mode writes the counts
 * it was asked for.
 */
class SampleDataGeneratorTest {

    static final List<String> FILES = List.of("inventory.yaml", "people.csv", "expected.yaml", "EXPECTED.md");
    static final List<String> CHECK_IDS = List.of("INV-1", "OWN-1", "OWN-2", "OWN-3", "OWN-4", "OWN-5", "LIF-1",
            "LIF-2", "LIF-3", "LIF-4", "IDN-1", "IDN-2", "IDN-3", "CRD-1", "CRD-2", "CRD-3", "CRD-4", "CRD-5", "AUT-1",
            "AUT-2", "AUT-3", "AUT-4", "AUT-5", "AUT-6", "LOG-1", "LOG-2", "DET-1", "HUM-1", "TPV-1");
    static final List<String> RESULTS = List.of("FAIL", "PARTIAL", "INSUFFICIENT_EVIDENCE", "NOT_APPLICABLE", "PASS");

    @TempDir
    static Path tmp;
    static Path curated;
    static JsonNode inventory;
    static JsonNode expected;
    static List<JsonNode> decisions;
    static List<List<String>> people;

    @BeforeAll
    static void generateCurated() throws IOException {
        curated = tmp.resolve("curated");
        SampleDataGenerator.generate(curated, Scale.curatedDefault(), 42);
        YAMLMapper yaml = new YAMLMapper();
        inventory = yaml.readTree(curated.resolve("inventory.yaml").toFile());
        expected = yaml.readTree(curated.resolve("expected.yaml").toFile());
        decisions = readDecisions(curated.resolve("decisions.jsonl.gz"));
        people = Csv.parse(Files.readString(curated.resolve("people.csv")));
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDiffers() throws IOException {
        Path again = tmp.resolve("again");
        Path other = tmp.resolve("other");
        SampleDataGenerator.generate(again, Scale.curatedDefault(), 42);
        SampleDataGenerator.generate(other, Scale.curatedDefault(), 7);
        for (String f : List.of("inventory.yaml", "people.csv", "expected.yaml", "EXPECTED.md", "decisions.jsonl.gz")) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(curated.resolve(f)));
        }
        assertThat(Files.readAllBytes(other.resolve("decisions.jsonl.gz")))
                .isNotEqualTo(Files.readAllBytes(curated.resolve("decisions.jsonl.gz")));
        assertThat(Files.readString(other.resolve("inventory.yaml")))
                .isNotEqualTo(Files.readString(curated.resolve("inventory.yaml")));
    }

    @Test
    void committedSampleDataIsExactlyTheGeneratorOutput() throws IOException {
        Path committed = Path.of("sample-data");
        for (String f : FILES) {
            assertThat(Files.readString(committed.resolve(f))).as("sample-data/" + f + " was edited or is stale;"
                    + " regenerate it (docs/sample-data.md)").isEqualTo(Files.readString(curated.resolve(f)));
        }
        // gzip bytes may differ between zlib builds; the content may not
        assertThat(gunzip(committed.resolve("decisions.jsonl.gz"))).isEqualTo(gunzip(curated.resolve("decisions.jsonl.gz")));
    }

    @Test
    void decisionLinesAreValidSortedAndReferenceKnownRecords() {
        Set<String> agents = ids(inventory.get("agents"));
        Set<String> credentials = ids(inventory.get("credentials"));
        Set<String> personIds = new HashSet<>();
        people.subList(1, people.size()).forEach(row -> personIds.add(row.get(0)));
        Set<String> shadows = texts(expected.at("/unresolvedReferences/shadowPrincipals"));
        Instant asOf = Instant.parse(expected.get("asOf").asText());
        Instant start = Instant.parse(expected.get("windowStart").asText());
        assertThat(decisions).hasSize(expected.at("/counts/decisions").asInt()).hasSizeBetween(30_000, 60_000);
        Instant previous = Instant.MIN;
        int n = 0;
        for (JsonNode d : decisions) {
            assertThat(d.get("id").asText()).isEqualTo(String.format("d-%06d", ++n));
            Instant time = Instant.parse(d.get("time").asText());
            assertThat(time).isAfterOrEqualTo(previous).isAfterOrEqualTo(start).isBefore(asOf);
            previous = time;
            assertThat(d.get("decision").asText()).isIn("allow", "deny");
            assertThat(d.has("agent") || d.has("credential")).as(d.toString()).isTrue();
            if (d.has("agent")) {
                assertThat(agents.contains(d.get("agent").asText()) || shadows.contains(d.get("agent").asText()))
                        .as("agent of " + d.get("id")).isTrue();
            }
            if (d.has("credential")) {
                assertThat(credentials).contains(d.get("credential").asText());
            }
            d.path("onBehalfOf").forEach(p -> assertThat(personIds.contains(p.asText()) || agents.contains(p.asText()))
                    .as("delegator " + p).isTrue());
            assertThat(d.has("approval") && d.get("approval").isNull()).as("missing fields are absent, not null").isFalse();
        }
        assertThat(shadows).allSatisfy(s -> assertThat(decisions).anyMatch(d -> s.equals(principal(d))));
    }

    @Test
    void inventoryReferencesResolveOrAreDeliberatelyUnknown() {
        assertThat(inventory.get("apiVersion").asText()).isEqualTo("steward/v1");
        assertThat(inventory.get("kind").asText()).isEqualTo("Inventory");
        assertThat(people.get(0)).containsExactly("id", "name", "email", "team", "manager", "status", "departedAt");
        assertThat(people).hasSize(41).allSatisfy(row -> assertThat(row).hasSize(7));
        assertThat(people).anySatisfy(row -> assertThat(row.get(1)).isEqualTo("Chidi Okonkwo, Jr."))
                .anySatisfy(row -> assertThat(row.get(1)).isEqualTo("Dana \"DJ\" Kowalski"));
        Set<String> personIds = new HashSet<>();
        people.subList(1, people.size()).forEach(row -> personIds.add(row.get(0)));
        people.subList(1, people.size()).forEach(row -> assertThat(row.get(4).isEmpty() || personIds.contains(row.get(4)))
                .as("manager of " + row.get(0)).isTrue());
        Set<String> unknownPeople = texts(expected.at("/unresolvedReferences/people"));
        Set<String> agents = ids(inventory.get("agents"));
        for (JsonNode a : inventory.get("agents")) {
            for (String field : List.of("owner", "backupOwner")) {
                JsonNode p = a.get(field);
                assertThat(p.isNull() || personIds.contains(p.asText()) || unknownPeople.contains(p.asText()))
                        .as(a.get("id") + " " + field + " " + p).isTrue();
            }
        }
        Set<String> unknownHolders = texts(expected.at("/unresolvedReferences/credentialHolders"));
        Set<String> noHolder = texts(expected.at("/unresolvedReferences/credentialsWithoutHolder"));
        for (JsonNode c : inventory.get("credentials")) {
            assertThat(c.get("holders").isEmpty()).isEqualTo(noHolder.contains(c.get("id").asText()));
            c.get("holders").forEach(h -> assertThat(agents.contains(h.asText()) || unknownHolders.contains(h.asText()))
                    .as(c.get("id") + " holder " + h).isTrue());
        }
    }

    @Test
    void exactlyOnePlantedSecretAndItIsDeclared() throws IOException {
        String text = Files.readString(curated.resolve("inventory.yaml"));
        List<String> hits = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|xox[abp]-|eyJ[A-Za-z0-9_-]{10,}|BEGIN [A-Z ]*PRIVATE KEY")
                .matcher(text + gunzip(curated.resolve("decisions.jsonl.gz")));
        while (m.find()) {
            hits.add(m.group());
        }
        assertThat(hits).containsExactly(PlantsInventory.FAKE_AWS_KEY);
        String id = expected.at("/secretsInInventory/0/credential").asText();
        assertThat(inventory.get("credentials")).anySatisfy(c -> {
            assertThat(c.get("id").asText()).isEqualTo(id);
            assertThat(c.get("location").asText()).isEqualTo(PlantsInventory.FAKE_AWS_KEY);
        });
    }

    @Test
    void expectedNamesEveryCheckWithFailingAndPassingCasesOnExistingSubjects() {
        assertThat(texts(fieldNames(expected.get("checks")))).containsExactlyInAnyOrderElementsOf(CHECK_IDS);
        Set<String> agents = ids(inventory.get("agents"));
        Set<String> credentials = ids(inventory.get("credentials"));
        Set<String> principals = new HashSet<>(agents);
        principals.addAll(texts(expected.at("/unresolvedReferences/shadowPrincipals")));
        for (String check : CHECK_IDS) {
            JsonNode c = expected.get("checks").get(check);
            Set<String> subjects = switch (c.get("subjectType").asText()) {
                case "agent" -> agents;
                case "credential" -> credentials;
                default -> principals;
            };
            assertThat(texts(fieldNames(c))).containsAll(RESULTS);
            assertThat(c.get("FAIL")).as(check + " has planted failures").isNotEmpty();
            assertThat(c.get("PASS")).as(check + " has planted passes").isNotEmpty();
            for (String r : RESULTS) {
                c.get(r).forEach(e -> {
                    assertThat(subjects).as(check + " " + r).contains(e.get("subject").asText());
                    assertThat(e.get("why").asText()).isNotBlank();
                    if (r.equals("PARTIAL")) {
                        assertThat(e.get("score").asDouble()).isStrictlyBetween(0.0, 1.0);
                    }
                });
            }
        }
    }

    @Test
    void scaleModeWritesTheRequestedCounts() throws IOException {
        Path out = tmp.resolve("scale");
        SampleDataGenerator.Summary s = SampleDataGenerator.generate(out, Scale.of(2_000, 6_000, 100_000), 42);
        // a 4 MB inventory: past SnakeYAML's default 3 M code point limit, which ingestion must raise too
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        YAMLMapper large = new YAMLMapper(YAMLFactory.builder().loaderOptions(options).build());
        JsonNode inv = large.readTree(out.resolve("inventory.yaml").toFile());
        assertThat(inv.get("agents")).hasSize(2_000);
        assertThat(inv.get("credentials")).hasSize(6_000);
        assertThat(ids(inv.get("agents"))).hasSize(2_000);
        long lines;
        try (BufferedReader r = gzipReader(out.resolve("decisions.jsonl.gz"))) {
            lines = r.lines().count();
        }
        assertThat(lines).isEqualTo(100_000);
        assertThat(Csv.parse(Files.readString(out.resolve("people.csv")))).hasSize((int) s.people() + 1);
        assertThat(s).isEqualTo(new SampleDataGenerator.Summary("scale", 500, 2_000, 6_000, 100_000));
    }

    @Test
    void countsAboveTheCuratedSizeSelectScaleMode() {
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        assertThat(SampleDataGenerator.scale(null, null, null, quiet).curated()).isTrue();
        assertThat(SampleDataGenerator.scale(50, null, null, quiet).curated()).isTrue();
        assertThat(SampleDataGenerator.scale(100_000, 300_000, 10_000_000L, quiet))
                .isEqualTo(Scale.of(100_000, 300_000, 10_000_000));
        assertThat(SampleDataGenerator.scale(1_000, null, null, quiet)).isEqualTo(Scale.of(1_000, 3_000, 100_000));
    }

    static String principal(JsonNode d) {
        if (d.has("agent")) {
            return d.get("agent").asText();
        }
        for (JsonNode c : inventory.get("credentials")) {
            if (c.get("id").asText().equals(d.get("credential").asText()) && c.get("holders").size() == 1) {
                return c.get("holders").get(0).asText();
            }
        }
        return null;
    }

    static Set<String> ids(JsonNode records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Set<String> texts(Iterable<String> values) {
        Set<String> out = new HashSet<>();
        values.forEach(out::add);
        return out;
    }

    static Iterable<String> fieldNames(JsonNode node) {
        return node::fieldNames;
    }

    static List<JsonNode> readDecisions(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = gzipReader(file)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(json.readTree(line));
            }
        }
        return out;
    }

    static BufferedReader gzipReader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8));
    }

    static String gunzip(Path file) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
